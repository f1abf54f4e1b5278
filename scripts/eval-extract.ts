/**
 * `npm run eval:extract [-- --corpus DIR] [--out FILE] [--compare OLD.json]`
 *
 * Runs `broadsheet extract` over every NAME.txt in DIR (default ../shared/corpus/extraction), scores the
 * body against NAME.truth.json with the benchmark's own method (scripts/shingle-score.ts) and the headline
 * by exact match after whitespace normalisation, prints a per-page table and, last, one line:
 *   pages=N precision=P recall=R f1=F headline=H
 * Per-page figures go to --out (default .cache/eval-extract.json) so two runs can be compared.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { extractArticleFromBytes } from '../src/ingest/extract/extract-article.ts';
import { f1, mean, scorePage } from './shingle-score.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const run = promisify(execFile);

interface PageResult {
  readonly name: string;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number;
  readonly headlineOk: boolean;
  readonly headline: string;
  readonly truthTitle: string | null;
  readonly error: string | null;
}

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(ROOT, '../shared/corpus/extraction') },
    out: { type: 'string', default: join(ROOT, '.cache', 'eval-extract.json') },
    compare: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

async function main(): Promise<void> {
  const corpus = values.corpus;
  const names = (await readdir(corpus))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => f.slice(0, -4));
  const files = names.map((n) => join(corpus, `${n}.txt`));

  // The command line, as evaluations run it (one process for all pages).
  const { stdout } = await run(process.execPath, [join(ROOT, 'bin', 'broadsheet.js'), 'extract', ...files], {
    maxBuffer: 1 << 30,
  });
  const outputs = new Map<string, { headline?: string; bodyText?: string; error?: { message: string } }>();
  for (const line of stdout.trim().split('\n')) {
    const row = JSON.parse(line) as { file: string; headline?: string; bodyText?: string; error?: { message: string } };
    outputs.set(row.file, row);
  }

  const results: PageResult[] = [];
  for (const [i, name] of names.entries()) {
    const truth = JSON.parse(await readFile(join(corpus, `${name}.truth.json`), 'utf8')) as {
      bodyText: string;
      title: string | null;
    };
    const out = outputs.get(files[i] ?? '') ?? {};
    const score = scorePage(truth.bodyText, out.bodyText ?? '');
    const headline = out.headline ?? '';
    results.push({
      name,
      precision: score.precision,
      recall: score.recall,
      f1: f1(score.precision ?? 0, score.recall ?? 0),
      headlineOk: truth.title !== null && squash(headline) === squash(truth.title),
      headline,
      truthTitle: truth.title,
      error: out.error?.message ?? null,
    });
  }

  // Throughput of the extractor itself, in-process, on one core: best of five passes over the corpus
  // (the first warms up the JIT; the machine is shared, so the best pass is the steadiest figure).
  const inputs = await Promise.all(files.map((f) => readFile(f)));
  const bytes = inputs.reduce((a, b) => a + b.length, 0);
  let best = Infinity;
  for (let pass = 0; pass < 5; pass++) {
    const start = performance.now();
    inputs.forEach((input, i) => {
      try {
        extractArticleFromBytes(input, names[i] ?? '');
      } catch {
        // failures are scored above; here only the time counts
      }
    });
    best = Math.min(best, performance.now() - start);
  }
  const mbPerSecond = bytes / 1e6 / (best / 1000);

  if (!values.quiet) {
    const sorted = [...results].sort((a, b) => a.f1 - b.f1);
    console.log('page                                          prec   rec    f1   headline');
    for (const r of sorted) {
      console.log(
        `${r.name.padEnd(44)} ${(r.precision ?? 0).toFixed(3)} ${(r.recall ?? 0).toFixed(3)} ${r.f1.toFixed(3)}  ${r.headlineOk ? 'ok' : 'MISS'}${r.error === null ? '' : `  error: ${r.error}`}`,
      );
    }
  }

  if (values.compare !== undefined) {
    const old = JSON.parse(await readFile(values.compare, 'utf8')) as { pages: PageResult[] };
    const before = new Map(old.pages.map((p) => [p.name, p]));
    const worse = results.filter((r) => (before.get(r.name)?.f1 ?? 0) > r.f1 + 1e-9);
    console.log(`\n${worse.length} page(s) worse than ${values.compare}:`);
    for (const r of worse) console.log(`  ${r.name}: f1 ${before.get(r.name)?.f1.toFixed(3)} → ${r.f1.toFixed(3)}`);
  }

  const precision = mean(results.map((r) => r.precision));
  const recall = mean(results.map((r) => r.recall));
  const headline = results.filter((r) => r.headlineOk).length / Math.max(1, results.length);
  await mkdir(dirname(values.out), { recursive: true });
  await writeFile(
    values.out,
    JSON.stringify({ precision, recall, f1: f1(precision, recall), headline, pages: results }, null, 1),
  );
  console.log(
    `\nspeed: ${mbPerSecond.toFixed(1)} MB/s of input text on one core (${(bytes / 1e6).toFixed(2)} MB in ${best.toFixed(0)} ms)`,
  );
  console.log(
    `pages=${results.length} precision=${precision.toFixed(3)} recall=${recall.toFixed(3)} f1=${f1(precision, recall).toFixed(3)} headline=${headline.toFixed(3)}`,
  );
}

await main();
