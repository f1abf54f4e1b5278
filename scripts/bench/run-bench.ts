/**
 * `npm run bench [-- --sizes 1000,10000,100000] [--quick]`: generates seeded corpora (scripts/bench/
 * generate-corpus.ts) and runs the real build on each in a fresh process, recording per stage the wall
 * time, the memory, and the output size; prints a table and writes bench/results.json (git-ignored) with
 * the machine. Preview images are timed on their own (images per second), since at 100k they dwarf the rest.
 * `--quick` does 1k only, in well under a minute; `npm test` runs it to keep it working.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { hugePageMallocEnv } from '../../bin/huge-page-malloc.js';
import type { StageTiming } from '../../src/ingest/stage-clock.ts';
import { measureApp } from './browser/app-figures.ts';
import { runLighthouse } from './browser/lighthouse-scores.ts';
import { measureOfflineCache } from './browser/offline-cache-size.ts';
import {
  countFiles,
  generateCorpus,
  GENERATOR_VERSION,
  loadBundledSources,
  loadSources,
  type SourceArticle,
} from './generate-corpus.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    quick: { type: 'boolean', default: false },
    'image-sample': { type: 'string', default: '1000' },
    bbc: { type: 'string', default: resolve(ROOT, '../shared/corpus/bbc') },
    work: { type: 'string', default: resolve(ROOT, '.cache/bench') },
  },
});
const sizes = values.quick ? [1000] : values.sizes.split(',').map(Number);
/** The largest corpus whose offline cache ("Save all") is measured. */
const MAX_OFFLINE_CORPUS = 10000;
const imageSample = values.quick ? 200 : Number(values['image-sample']);
/** Rebuilds of each kind a full run times (their median is the figure); `--quick` times one. */
const REBUILD_ROUNDS = 3;

interface BuildRun {
  ms: number;
  /** From the build process's start: what `broadsheet build` takes, Node's start and module loading included. */
  commandMs: number;
  peakRssMiB: number;
  built: number;
  leftOut: number;
  stages: StageTiming[];
}

async function folderBytes(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (info === null) return 0;
  if (info.isFile()) return info.size;
  let total = 0;
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? await folderBytes(full) : (await stat(full)).size;
  }
  return total;
}

async function sourcesForCorpus(): Promise<{ sources: SourceArticle[]; name: string }> {
  if (existsSync(join(values.bbc, 'index.json'))) return { sources: await loadSources(values.bbc), name: 'bbc' };
  console.error(`note: ${values.bbc} not found; generating from the bundled articles (figures are not comparable)`);
  return { sources: await loadBundledSources(join(ROOT, 'articles')), name: 'bundled' };
}

let sourceName = 'bbc';

async function corpusOf(size: number, sources: readonly SourceArticle[]): Promise<string> {
  // The generator's version is in the name: a corpus made by an older generator is never reused.
  const dir = join(values.work, `corpus-${sourceName}-v${GENERATOR_VERSION}-${size}`);
  if ((await countFiles(dir)) !== size) {
    await rm(dir, { recursive: true, force: true });
    const start = performance.now();
    await generateCorpus(dir, size, sources);
    console.error(`generated ${size} articles in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  return dir;
}

async function buildOnce(
  articles: string,
  out: string,
  images: boolean,
  cache?: string,
  { keepOutput = false } = {},
): Promise<BuildRun> {
  if (!keepOutput) await rm(out, { recursive: true, force: true });
  const { stdout } = await run(
    process.execPath,
    [
      // Compiled ahead, as `broadsheet build` runs the build (bin/compiled-source.js).
      join(ROOT, 'bin/compiled-source.js'),
      join(ROOT, 'scripts/bench/build-once.ts'),
      articles,
      out,
      ...(images ? [] : ['--no-images']),
      ...(cache === undefined ? [] : ['--cache', cache]),
    ],
    // The process the build runs in as `broadsheet build` starts it (bin/huge-page-malloc.js).
    { maxBuffer: 1 << 26, cwd: ROOT, env: hugePageMallocEnv(process.env) ?? process.env },
  );
  const last = stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(last) as BuildRun;
}

/** What a rebuild's corpus differs in from the last build's: one file's text, one file more, one file fewer. */
type RebuildKind = 'changed' | 'added' | 'removed';
const REBUILD_KINDS: readonly RebuildKind[] = ['changed', 'added', 'removed'];

/**
 * Rebuilds after a one-file change, each as a second `broadsheet build` runs it: into the built folder, with
 * the last build's cache. `rounds` times a file is added (a copy of the first file with a late paragraph,
 * under a name of its own: another outlet's copy of the story) and removed again; then `rounds` times the
 * first file's text changes: the paragraph added, taken out, added. Every change is new to the cache, which
 * keeps only the last build's entries, so each rebuild extracts its file afresh. The corpus ends as it was
 * generated (the built site keeps the last change).
 */
async function rebuildSeries(
  articles: string,
  out: string,
  cache: string,
  rounds: number,
): Promise<Record<RebuildKind, BuildRun[]>> {
  const first = (await readdir(articles)).sort()[0];
  if (first === undefined) throw new Error(`${articles} is empty`);
  const path = join(articles, first);
  const copy = join(articles, `${first.replace(/\.txt$/i, '')}-copy-for-the-rebuild.txt`);
  const original = await readFile(path);
  const edited = Buffer.concat([original, Buffer.from('\nA late paragraph the editor added after publication.\n')]);
  const runs: Record<RebuildKind, BuildRun[]> = { changed: [], added: [], removed: [] };
  const rebuild = () => buildOnce(articles, out, false, cache, { keepOutput: true });
  try {
    for (let round = 0; round < rounds; round++) {
      await writeFile(copy, edited);
      runs.added.push(await rebuild());
      await rm(copy);
      runs.removed.push(await rebuild());
    }
    for (let round = 0; round < rounds; round++) {
      await writeFile(path, round % 2 === 0 ? edited : original);
      runs.changed.push(await rebuild());
    }
  } finally {
    await writeFile(path, original);
    await rm(copy, { force: true });
  }
  return runs;
}

/** The run of median wall time (the lower middle one of an even count). */
function medianRun(runs: readonly BuildRun[]): BuildRun {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (median === undefined) throw new Error('no rebuild to take the median of');
  return median;
}

/** The story list and the first article's share page of a built site. */
async function pagesToAudit(size: number): Promise<string[]> {
  const articles = (await readdir(join(values.work, `site-${size}`, 'article'))).sort();
  return ['/', ...articles.slice(0, 1).map((id) => `/article/${id}/`)];
}

const OUTPUT_OF: Readonly<Record<string, string>> = {
  'write data': 'data',
  'share pages': 'article',
  'preview images': 'og',
  'app shell': 'assets',
  'search index': 'data/search',
  feeds: 'feeds',
};

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const withOutside = (run: BuildRun) => ({ ...run, outsideStagesMs: outsideStagesMs(run) });
const mib = (bytes: number) => bytes / (1024 * 1024);

/**
 * The build's time that no stage of this thread holds: the gaps between stages (a background stage's own
 * time is left out, since it overlaps the others).
 */
function outsideStagesMs(build: { readonly ms: number; readonly stages: readonly StageTiming[] }): number {
  const inStages = build.stages.filter((s) => !s.stage.endsWith('(own time)')).reduce((sum, s) => sum + s.ms, 0);
  return build.ms - inStages;
}

async function main(): Promise<void> {
  const { sources, name } = await sourcesForCorpus();
  sourceName = name;
  const results: Record<string, unknown>[] = [];
  const rows: string[] = [];
  for (const size of sizes) {
    const articles = await corpusOf(size, sources);
    const out = join(values.work, `site-${size}`);
    // A cold build as a first `broadsheet build` runs it: nothing to reuse, the cache written for next time.
    const cache = join(values.work, `cache-${size}`);
    await rm(cache, { recursive: true, force: true });
    const build = await buildOnce(articles, out, false, cache);
    const inputBytes = await folderBytes(articles);
    const stages = [];
    for (const s of build.stages) {
      const folder = OUTPUT_OF[s.stage];
      const outBytes = folder === undefined ? 0 : await folderBytes(join(out, folder));
      stages.push({ ...s, outMiB: mib(outBytes) });
      rows.push(
        `${String(size).padStart(7)}  ${s.stage.padEnd(23)} ${fmt(s.ms / 1000, 2).padStart(8)} s ${fmt(s.peakRssMiB, 0).padStart(7)} MiB ${folder === undefined ? '        ' : `${fmt(mib(outBytes)).padStart(7)} MiB`}`,
      );
    }
    rows.push(
      `${String(size).padStart(7)}  ${'TOTAL'.padEnd(23)} ${fmt(build.ms / 1000, 2).padStart(8)} s ${fmt(build.peakRssMiB, 0).padStart(7)} MiB ${fmt(mib(await folderBytes(out))).padStart(7)} MiB  (whole command ${fmt(build.commandMs / 1000, 2)} s, ${fmt(outsideStagesMs(build) / 1000, 2)} s outside stages; input ${fmt(mib(inputBytes))} MiB, ${build.built} built, ${build.leftOut} left out)`,
    );
    const rebuilds = await rebuildSeries(articles, out, cache, values.quick ? 1 : REBUILD_ROUNDS);
    for (const kind of REBUILD_KINDS) {
      const runs = rebuilds[kind];
      const rebuild = medianRun(runs);
      // A background stage's own time overlaps the stages named here: it is not what the build waited for.
      const slowest = rebuild.stages
        .filter((s) => !s.stage.endsWith('(own time)'))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 3);
      const label = { changed: 'REBUILD', added: 'REBUILD, one added', removed: 'REBUILD, one removed' }[kind];
      const ofRuns =
        runs.length === 1
          ? ''
          : `, median of ${runs.length}: ${runs.map((r) => `${fmt(r.ms / 1000, 2)}`).join(', ')} s, whole command ${runs.map((r) => fmt(r.commandMs / 1000, 2)).join(', ')} s`;
      rows.push(
        `${String(size).padStart(7)}  ${label.padEnd(23)} ${fmt(rebuild.ms / 1000, 2).padStart(8)} s ${fmt(rebuild.peakRssMiB, 0).padStart(7)} MiB          (one article ${kind}${ofRuns}; whole command ${fmt(rebuild.commandMs / 1000, 2)} s, ${fmt(outsideStagesMs(rebuild) / 1000, 2)} s outside stages; slowest: ${slowest.map((s) => `${s.stage} ${fmt(s.ms / 1000, 2)} s`).join(', ')})`,
      );
    }
    results.push({
      size,
      totalMs: build.ms,
      commandMs: build.commandMs,
      peakRssMiB: build.peakRssMiB,
      built: build.built,
      leftOut: build.leftOut,
      stages,
      outsideStagesMs: outsideStagesMs(build),
      // The median rebuild after a changed file (the field's name kept from when one rebuild was timed).
      rebuildAfterOneChange: withOutside(medianRun(rebuilds.changed)),
      rebuilds: Object.fromEntries(REBUILD_KINDS.map((kind) => [kind, rebuilds[kind].map(withOutside)])),
    });
  }

  // Preview images: a build with images of the first `imageSample` articles, cache off, both cores.
  const sampleDir = await corpusOf(Math.min(imageSample, sizes[0] ?? imageSample), sources);
  const withImages = await buildOnce(sampleDir, join(values.work, 'site-images'), true);
  const imageStage = withImages.stages.find((s) => s.stage === 'preview images');
  const imagesPerSecond = imageStage === undefined ? 0 : withImages.built / (imageStage.ms / 1000);

  const byStage = (size: number, stage: string) =>
    (results.find((r) => r['size'] === size)?.['stages'] as { stage: string; ms: number }[] | undefined)?.find(
      (s) => s.stage === stage,
    )?.ms;
  const machine = {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: totalmem() / 2 ** 30,
    node: process.version,
  };
  console.log(`machine: ${machine.cores} cores (${machine.cpu}), ${fmt(machine.memoryGiB)} GiB, Node ${machine.node}`);
  console.log('   size  stage                       time      peak RSS    output');
  for (const row of rows) console.log(row);
  console.log(
    `preview images: ${fmt(imagesPerSecond)} images/s on ${machine.cores} cores (${withImages.built} images, no cache)`,
  );
  const sharePages = sizes.map((size) => {
    const ms = byStage(size, 'share pages');
    return ms === undefined ? '' : `${size}: ${fmt(size / (ms / 1000), 0)} pages/s`;
  });
  console.log(`share pages: ${sharePages.join(', ')}`);
  const small = results.find((r) => r['size'] === 10000)?.['totalMs'] as number | undefined;
  const large = results.find((r) => r['size'] === 100000)?.['totalMs'] as number | undefined;
  if (small !== undefined && large !== undefined) console.log(`10k→100k time ratio: ${fmt(large / small, 2)}`);

  // App figures on the largest site up to 10k articles (the issue's reference size).
  const appSize = Math.max(...sizes.filter((s) => s <= 10000));
  const app = Number.isFinite(appSize) ? await measureApp(join(values.work, `site-${appSize}`)) : null;
  if (app !== null) {
    console.log(
      `app on ${appSize} articles: first-load JS ${fmt(app.firstLoadJsGzipKiB)} KiB gzip, CSS ${fmt(app.firstLoadCssGzipKiB)} KiB; ` +
        `first story row ${fmt(app.firstRowMs, 0)} ms; article navigation ${fmt(app.articleNavigationMs, 0)} ms; ` +
        `first search ${fmt(app.firstSearchMs, 0)} ms (index load ${fmt(app.indexLoadMs, 0)} ms); ` +
        `keystroke search p95 ${fmt(app.keystrokeP95Ms, 2)} ms over ${app.keystrokes}`,
    );
  }
  // Lighthouse is slow (tens of seconds a page): the full bench runs it, --quick does not.
  const lighthouse =
    app === null || values.quick
      ? null
      : await runLighthouse(join(values.work, `site-${appSize}`), await pagesToAudit(appSize));
  for (const scores of lighthouse ?? []) {
    console.log(
      `lighthouse mobile ${scores.page} (median of ${scores.performanceRuns.length} runs): performance ${scores.performance} (runs ${scores.performanceRuns.join(', ')}), accessibility ${scores.accessibility}, ` +
        `best practices ${scores.bestPractices}, SEO ${scores.seo} (LCP ${fmt(scores.lcpMs, 0)} ms, TBT ${fmt(scores.tbtMs, 0)} ms)`,
    );
  }
  // "Save all" in a browser on the smallest corpus: on 100k articles it would download gigabytes for
  // minutes, so a run of only larger corpora (`--sizes 100000`) leaves it out.
  const offlineSize = Math.min(...sizes);
  const cacheSize =
    values.quick || offlineSize > MAX_OFFLINE_CORPUS
      ? null
      : await measureOfflineCache(join(values.work, `corpus-${sourceName}-v${GENERATOR_VERSION}-${offlineSize}`));
  if (cacheSize !== null) {
    console.log(
      `offline cache after "Save all" on ${offlineSize} articles: shell ${fmt(cacheSize.shellBytes / 1e6, 2)} MB + data ${fmt(cacheSize.dataBytes / 1e6, 2)} MB`,
    );
  } else if (!values.quick) {
    console.log(`offline cache: not measured (no corpus of at most ${MAX_OFFLINE_CORPUS} articles in this run)`);
  }

  await mkdir(join(ROOT, 'bench'), { recursive: true });
  await writeFile(
    join(ROOT, 'bench/results.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        builds: results,
        previewImages: { images: withImages.built, imagesPerSecond },
        app,
        lighthouse,
        cacheSize,
      },
      null,
      2,
    ),
  );
}

await main();
