/**
 * `npm run eval:stories`: same-story grouping and related stories on real news, through the command line
 * as evaluations run it.
 *
 * - BASIL (100 events x 3 outlets, full text): `broadsheet stories`; B-cubed and pairwise scores, and the
 *   share of events whose three articles land in one story.
 * - UCI News Aggregator (6,366 headlines in 87 stories): each headline written as a one-line file in a
 *   temporary folder, then `broadsheet stories`.
 * - BBC News (2,225 articles in 5 topics, exact duplicates left out): `broadsheet related --k 5`; precision@5
 *   is the share of related articles in the query's topic.
 * Last line: `basil_b3=… uci_b3=… bbc_p5=…`. Data is read in place from ../shared/corpus and never copied
 * into the project (the temporary folders are deleted).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { clusterScores, type ClusterScores } from './cluster-scores.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const run = promisify(execFile);
const { values } = parseArgs({
  options: { corpus: { type: 'string', default: resolve(ROOT, '../shared/corpus') } },
});
const CORPUS = values.corpus;

async function broadsheet(...args: string[]): Promise<{ lines: Record<string, unknown>[]; seconds: number }> {
  const start = performance.now();
  const { stdout } = await run(process.execPath, [join(ROOT, 'bin', 'broadsheet.js'), ...args], { maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  const lines = stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { lines, seconds };
}

async function predictedStories(dir: string): Promise<{ labels: Map<string, string>; seconds: number }> {
  const { lines, seconds } = await broadsheet('stories', dir);
  const labels = new Map<string, string>();
  for (const line of lines) for (const file of line['files'] as string[]) labels.set(file, String(line['id']));
  return { labels, seconds };
}

function show(name: string, s: ClusterScores, seconds: number): void {
  console.log(
    `${name.padEnd(6)} B-cubed P=${s.b3Precision.toFixed(3)} R=${s.b3Recall.toFixed(3)} F1=${s.b3F1.toFixed(3)}  ` +
      `pairwise P=${s.pairPrecision.toFixed(3)} R=${s.pairRecall.toFixed(3)} F1=${s.pairF1.toFixed(3)}  (${seconds.toFixed(1)} s)`,
  );
}

async function basil(): Promise<number> {
  const data = JSON.parse(await readFile(join(CORPUS, 'stories/basil/stories.json'), 'utf8')) as {
    stories: { story: string; articles: { file: string }[] }[];
  };
  const truth = new Map<string, string>();
  for (const s of data.stories) for (const a of s.articles) truth.set(a.file.replace(/^articles\//, ''), s.story);
  const { labels, seconds } = await predictedStories(join(CORPUS, 'stories/basil/articles'));
  const scores = clusterScores(labels, truth);
  show('BASIL', scores, seconds);
  const whole = data.stories.filter((s) => {
    const ids = new Set(s.articles.map((a) => labels.get(a.file.replace(/^articles\//, ''))));
    return ids.size === 1 && !ids.has(undefined);
  }).length;
  console.log(`       events whose 3 articles are one story: ${whole}/${data.stories.length}`);
  return scores.b3F1;
}

async function uci(): Promise<number> {
  const data = JSON.parse(await readFile(join(CORPUS, 'stories/uci-news-aggregator/stories.json'), 'utf8')) as {
    stories: { story: string; headlines: { id: number | string; title: string }[] }[];
  };
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-uci-'));
  try {
    const truth = new Map<string, string>();
    for (const s of data.stories) {
      for (const h of s.headlines) {
        const file = `${h.id}.txt`;
        truth.set(file, s.story);
        await writeFile(join(dir, file), `${h.title}\n`);
      }
    }
    const { labels, seconds } = await predictedStories(dir);
    const scores = clusterScores(labels, truth);
    show('UCI', scores, seconds);
    return scores.b3F1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function bbc(): Promise<number> {
  const index = JSON.parse(await readFile(join(CORPUS, 'bbc/index.json'), 'utf8')) as {
    articles: { file: string; category: string; duplicateOf: string | null }[];
  };
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-bbc-'));
  try {
    const topic = new Map<string, string>();
    for (const a of index.articles) {
      if (a.duplicateOf !== null) continue;
      const flat = a.file.replace('/', '-');
      topic.set(flat, a.category);
      await copyFile(join(CORPUS, 'bbc', a.file), join(dir, flat));
    }
    const { lines, seconds } = await broadsheet('related', dir, '--k', '5');
    // The two bundled copies of one story must stay one story inside a large corpus, too.
    const seeds = ['000_35ecf8471d5c1db4.txt', '001_ce27524887c080ba.txt'];
    for (const seed of seeds) await copyFile(join(ROOT, 'articles', seed), join(dir, seed));
    const stories = (await broadsheet('stories', dir)).lines;
    const largest = Math.max(...stories.map((s) => (s['files'] as string[]).length));
    console.log(`BBC    largest story: ${largest} articles (distinct events; a large number means topics were merged)`);
    const together = stories.some((s) => seeds.every((seed) => (s['files'] as string[]).includes(seed)));
    const alone = (await broadsheet('stories', join(ROOT, 'articles'))).lines.length === 1;
    console.log(`Seeds  one story alone: ${alone ? 'yes' : 'NO'}; inside the BBC corpus: ${together ? 'yes' : 'NO'}`);
    let hits = 0;
    let total = 0;
    for (const line of lines) {
      const own = topic.get(String(line['file']));
      for (const r of line['related'] as { file: string }[]) {
        total++;
        if (topic.get(r.file) === own) hits++;
      }
    }
    const p5 = total === 0 ? 0 : hits / total;
    console.log(
      `BBC    related precision@5=${p5.toFixed(3)} over ${lines.length} articles, ${total} links  (${seconds.toFixed(1)} s)`,
    );
    return p5;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const b = await basil();
const u = await uci();
const p = await bbc();
console.log(`basil_b3=${b.toFixed(3)} uci_b3=${u.toFixed(3)} bbc_p5=${p.toFixed(3)}`);
