/**
 * Runs the extractor over every input, collecting articles and the files that failed with why. Large
 * corpora are shared among worker threads, one per core; small ones stay on this thread, where starting
 * workers (each loads the extractor and the language model) would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import type { Article } from '../shared/article-schema.ts';
import type { ExtractOutcome } from './extract/extract-task.ts';
import { describeReadError, type InputFile, type SkippedFile } from './read-inputs.ts';
import { runOnWorkers, WorkerPool } from './worker-pool.ts';
import type { ExtractionCache } from './extract/extraction-cache.ts';

// The extractor is imported when this thread extracts, not with this module: its language detector's
// tables take about a second to load (bench VM), which a rebuild that extracts on a worker never pays here.
const extractor = () => import('./extract/extract-task.ts');
const EXTRACT_WORKER = new URL('./extract/extract-worker.ts', import.meta.url);

export interface ExtractedCorpus {
  readonly articles: Article[];
  readonly failed: SkippedFile[];
  /** Each article's extraction-cache key (its file's name and bytes, the extractor's version) by id; empty without a cache. */
  readonly keyOf: ReadonlyMap<string, string>;
}

/** How often, in files, extraction reports its progress. */
const STEP_EVERY = 250;
/** Below this many files, workers cost more to start than they save. */
const MIN_FOR_WORKERS = 2000;
/**
 * The early extraction worker takes about 1.7 s to load the extractor (bench VM); it pays only when the
 * cache lookup it runs beside is about as long. One-file rebuilds, whole command: at 100k files 12.3–13.5 s
 * with it, 12.6–13.9 s without; at 10k 4.7–5.2 s with it, 4.4–4.6 s without (extracting here, the
 * extractor loaded on this thread in about a second).
 */
const MIN_VOUCHED_FOR_EARLY = 50_000;
const BATCH = 250;

/** Articles in input order; a file whose id is already taken is reported, never silently dropped. */
function collect(
  inputs: readonly InputFile[],
  outcomes: readonly ExtractOutcome[],
  keys: readonly string[] = [],
): ExtractedCorpus {
  const articles: Article[] = [];
  const failed: SkippedFile[] = [];
  const fileOfId = new Map<string, string>();
  const keyOf = new Map<string, string>();
  inputs.forEach((input, i) => {
    const outcome = outcomes[i];
    if (outcome === undefined) throw new Error(`no extraction result for ${input.file}`);
    if ('failure' in outcome) {
      failed.push({ file: input.file, ...outcome.failure });
      return;
    }
    const { article } = outcome;
    const taken = fileOfId.get(article.id);
    if (taken !== undefined) {
      failed.push({
        file: input.file,
        line: 1,
        reason: `its id ${article.id} is already used by ${taken}; rename the file`,
      });
      return;
    }
    fileOfId.set(article.id, input.file);
    const key = keys[i];
    if (key !== undefined) keyOf.set(article.id, key);
    articles.push(article);
  });
  return { articles, failed, keyOf };
}

/** On this thread, for small corpora and tests. */
export async function extractInputs(
  inputs: readonly InputFile[],
  onStep: (done: number, total: number) => void = () => {},
): Promise<ExtractedCorpus> {
  return collect(inputs, await extractHere(inputs, 0, inputs.length, onStep));
}

/** Extracts `inputs` on this thread, reporting progress as `done` more than those already finished. */
async function extractHere(
  inputs: readonly InputFile[],
  done: number,
  total: number,
  onStep: (done: number, total: number) => void,
): Promise<ExtractOutcome[]> {
  if (inputs.length === 0) return [];
  const { extractOne } = await extractor();
  return inputs.map((input, i) => {
    if (i % STEP_EVERY === 0) onStep(done + i, total);
    return extractOne(input);
  });
}

/** Files of a rebuild sent to a worker before the cache lookup; see extractReadFilesEarly. */
interface EarlyExtraction {
  readonly index: ReadonlyMap<string, number>;
  readonly outcomes: Promise<ExtractOutcome[]>;
  readonly pool: WorkerPool;
}

/**
 * In a rebuild of a large corpus where a few files changed, the files this build had to read (the input
 * index did not vouch for them: new or changed since the last build, so most likely not cached) go to a
 * worker at once. It loads the extractor and extracts them while this thread looks up the cached rest;
 * this thread then never loads the extractor. Undefined when that does not apply.
 */
function extractReadFilesEarly(
  all: readonly InputFile[],
  minForWorkers: number,
  minVouched: number,
): EarlyExtraction | undefined {
  const read = all.filter((input) => input.vouched !== true);
  if (read.length === 0 || read.length >= minForWorkers || all.length - read.length < minVouched) return undefined;
  const pool = new WorkerPool(EXTRACT_WORKER, { threads: 1 });
  const outcomes = pool.run<InputFile, ExtractOutcome>(read, { batchSize: BATCH });
  // Awaited only when one of these files is missing from the cache; a failure is thrown then.
  outcomes.catch(() => {});
  return { index: new Map(read.map((input, i) => [input.file, i])), outcomes, pool };
}

/** The missing files' outcomes: from the early worker for those it was sent, the rest extracted here. */
async function extractFewMissing(
  missing: readonly InputFile[],
  early: EarlyExtraction | undefined,
  done: number,
  total: number,
  onStep: (done: number, total: number) => void,
): Promise<ExtractOutcome[]> {
  const fromEarly = early !== undefined && missing.some((input) => early.index.has(input.file));
  const earlyOutcomes = fromEarly ? await early.outcomes : [];
  const rest = missing.filter((input) => !fromEarly || !early.index.has(input.file));
  const here = await extractHere(rest, done, total, onStep);
  let next = 0;
  const outcomes = missing.map((input) => {
    const at = fromEarly ? early.index.get(input.file) : undefined;
    const outcome = at === undefined ? here[next++] : earlyOutcomes[at];
    if (outcome === undefined) throw new Error(`no extraction of ${input.file}`);
    return outcome;
  });
  onStep(done + missing.length, total);
  return outcomes;
}

export interface ParallelOptions {
  readonly threads?: number;
  readonly onStep?: (done: number, total: number) => void;
  readonly minForWorkers?: number;
  /** How many files the input index must have vouched for before the read ones go to a worker early. */
  readonly minVouchedForEarly?: number;
  /** Outcomes kept from earlier builds: only the files it does not hold are extracted. */
  readonly cache?: ExtractionCache | null;
}

/**
 * On worker threads when the files left to extract are many enough to repay them; same result as
 * extractInputs. With a cache, unchanged files are not extracted again and this build's outcomes are kept.
 */
export async function extractInputsInParallel(
  all: readonly InputFile[],
  {
    threads = availableParallelism(),
    onStep = () => {},
    minForWorkers = MIN_FOR_WORKERS,
    cache = null,
    minVouchedForEarly = MIN_VOUCHED_FOR_EARLY,
  }: ParallelOptions = {},
): Promise<ExtractedCorpus> {
  const early =
    cache === null || threads <= 1 ? undefined : extractReadFilesEarly(all, minForWorkers, minVouchedForEarly);
  try {
    return await extractWithCache(all, { threads, onStep, minForWorkers, cache }, early);
  } finally {
    await early?.pool.close();
  }
}

async function extractWithCache(
  all: readonly InputFile[],
  { threads, onStep, minForWorkers, cache }: Required<Omit<ParallelOptions, 'minVouchedForEarly'>>,
  early: EarlyExtraction | undefined,
): Promise<ExtractedCorpus> {
  const allKeys = cache === null ? [] : all.map((input) => cache.keyOf(input));
  const cached = cache === null ? all.map(() => undefined) : cache.lookup(allKeys);
  // A file the input index vouched for is read only now, if its extraction is not cached; one that can no
  // longer be read is left out with why, as at the read stage (and nothing is cached for it).
  const unreadable: SkippedFile[] = [];
  const inputs: InputFile[] = [];
  const keys: string[] = [];
  const outcomes: (ExtractOutcome | undefined)[] = [];
  all.forEach((input, i) => {
    let kept = input;
    if (cached[i] === undefined) {
      try {
        kept = { file: input.file, bytes: input.bytes };
      } catch (error) {
        unreadable.push({ file: input.file, line: null, reason: describeReadError(error) });
        return;
      }
    }
    inputs.push(kept);
    outcomes.push(cached[i]);
    const key = allKeys[i];
    if (key !== undefined) keys.push(key);
  });
  const missing = inputs.filter((_, i) => outcomes[i] === undefined);
  const done = inputs.length - missing.length;
  const extracted =
    threads <= 1 || missing.length < minForWorkers
      ? await extractFewMissing(missing, early, done, inputs.length, onStep)
      : await runOnWorkers<InputFile, ExtractOutcome>(EXTRACT_WORKER, missing, {
          threads,
          batchSize: BATCH,
          onDone: (count) => onStep(done + count, inputs.length),
        });
  let next = 0;
  const complete = outcomes.map((outcome) => outcome ?? extracted[next++]).filter((o) => o !== undefined);
  if (complete.length !== inputs.length) throw new Error('an input was neither cached nor extracted');
  cache?.save(keys, complete);
  const corpus = collect(inputs, complete, keys);
  return { ...corpus, failed: [...corpus.failed, ...unreadable] };
}
