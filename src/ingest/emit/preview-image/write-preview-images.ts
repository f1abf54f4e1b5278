/**
 * Writes `og/<id>.png` for every article. Rendering is CPU-bound (~40 ms a card), so cards are cached
 * by content and code version and the missing ones are shared among worker threads, one per core.
 */
import { createHash } from 'node:crypto';
import { hashSourcesReached } from '../../source-version.ts';
import type { OutputManifest } from '../output-manifest.ts';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { runOnWorkers } from '../../worker-pool.ts';
import type { CardText } from './preview-card.ts';

export interface PreviewJob {
  readonly id: string;
  /** The card's text, or how to make it: made only for a card the output record does not keep as it is. */
  readonly card: CardText | (() => CardText);
  /**
   * What the card is made from (the article's extraction key): with the output record, a card the last
   * build made from the same key under the same code is kept without its text being made or hashed (at
   * 100k articles, making and hashing every card's text was most of a rebuild's preview stage).
   */
  readonly inputKey?: string;
  /**
   * The article is known unchanged since the output's last build (OutputInputs.entryUnchanged): its card
   * is kept as the output record has it, if the last build drew it with the same code, without the record
   * being asked by key.
   */
  readonly unchanged?: boolean;
}

/** One card to render and the files to write it to (the output, and the cache when there is one). */
export interface PreviewTask {
  readonly card: CardText;
  readonly paths: readonly string[];
}

export interface PreviewOptions {
  /** Folder for rendered cards keyed by content; null renders every card. */
  readonly cacheDir: string | null;
  /** Worker threads to use; defaults to the number of cores. */
  readonly threads?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** The output manifest: an image the last build put in this folder for the same card stays as it is. */
  readonly manifest?: OutputManifest | null;
}

export interface PreviewResult {
  readonly rendered: number;
  readonly cached: number;
}

const BATCH = 16;
/** Below this many cards, starting workers (and loading fonts in each) costs more than it saves. */
const MIN_FOR_WORKERS = 48;

/** Changes whenever the card's code or its rendering libraries change, so stale cards are not reused. */
async function codeVersion(): Promise<string> {
  const hash = createHash('sha256');
  hashSourcesReached(
    hash,
    ['./preview-card.ts', './render-preview.ts'].map((file) => new URL(file, import.meta.url)),
  );
  const require = createRequire(import.meta.url);
  for (const pkg of ['satori/package.json', '@resvg/resvg-js/package.json', '@fontsource/noto-sans/package.json']) {
    hash.update((require(pkg) as { version: string }).version);
  }
  return hash.digest('hex');
}

function cardKey(version: string, card: CardText): string {
  return createHash('sha256').update(version).update(JSON.stringify(card)).digest('hex').slice(0, 40);
}

export async function writePreviewImages(
  outDir: string,
  jobs: readonly PreviewJob[],
  options: PreviewOptions,
): Promise<PreviewResult> {
  const imageDir = join(outDir, 'og');
  await mkdir(imageDir, { recursive: true });
  const version = options.cacheDir === null ? '' : await codeVersion();
  if (options.cacheDir !== null) await mkdir(options.cacheDir, { recursive: true });

  const tasks: PreviewTask[] = [];
  let cached = 0;
  const manifest = options.manifest ?? null;
  const sameCode = manifest?.sameContext('preview image code', version) ?? false;
  for (const job of jobs) {
    if (
      manifest !== null &&
      ((sameCode && job.unchanged === true && manifest.keepFile(`og/${job.id}.png`) !== undefined) ||
        (job.inputKey !== undefined && manifest.reuse(`og/${job.id}.png`, `${version}\0${job.inputKey}`) !== undefined))
    ) {
      cached++;
      continue;
    }
    const out = join(imageDir, `${job.id}.png`);
    const card = typeof job.card === 'function' ? job.card() : job.card;
    if (options.cacheDir === null) {
      tasks.push({ card, paths: [out] });
      continue;
    }
    const key = cardKey(version, card);
    if (manifest?.unchanged(out, key) === true) {
      cached++;
      continue;
    }
    const cachePath = join(options.cacheDir, `${key}.png`);
    try {
      await copyFile(cachePath, out);
      cached++;
    } catch {
      tasks.push({ card, paths: [out, cachePath] });
    }
  }
  options.onProgress?.(cached, jobs.length);
  await renderTasks(tasks, options.threads ?? availableParallelism(), (done) =>
    options.onProgress?.(cached + done, jobs.length),
  );
  return { rendered: tasks.length, cached };
}

async function renderTasks(tasks: readonly PreviewTask[], threads: number, onDone: (done: number) => void) {
  // Loading satori, resvg and the fonts costs 0.4 s: a rebuild whose cards are all kept or cached does not.
  if (tasks.length === 0) return;
  if (threads <= 1 || tasks.length < MIN_FOR_WORKERS) {
    // satori and resvg are loaded only when a card is drawn here.
    const { renderPreviewPng } = await import('./render-preview.ts');
    for (const [i, task] of tasks.entries()) {
      const png = await renderPreviewPng(task.card);
      await Promise.all(task.paths.map((path) => writeFile(path, png)));
      onDone(i + 1);
    }
    return;
  }
  await runOnWorkers<PreviewTask, true>(new URL('./preview-worker.ts', import.meta.url), tasks, {
    threads,
    batchSize: BATCH,
    onDone,
  });
}
