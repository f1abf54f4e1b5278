/**
 * Runs batches of work on worker threads, one per core, for the build's CPU-bound stages (extraction,
 * preview images). Workers run the source as the main thread does: compiled ahead (bin/compiled-source.js),
 * or through tsx's loader, which a small bootstrap registers in the worker. The worker module answers each
 * batch it is sent with `{ results }` (one per item, in order) or `{ error }`.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';

/** Set by bin/compiled-source.js: where the compiled copies of the source are. */
export const COMPILED_VARIABLE = 'BROADSHEET_COMPILED';

/** What a worker module posts back for one batch. */
export type BatchReply<R> = { readonly results: readonly R[] } | { readonly error: string };

/** The ES module build of tsx's API (a plain `require.resolve` would give the CommonJS one). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const pkg = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  const entry = pkg.exports['./esm/api']?.import.default;
  if (entry === undefined) throw new Error('tsx no longer exports ./esm/api; update src/ingest/worker-pool.ts');
  return new URL(entry, pathToFileURL(manifest)).href;
}

/**
 * The compiled copy of the TypeScript module `entry`, when this process runs the source compiled ahead:
 * bin/compiled-source.js names the source's root and the copy's in BROADSHEET_COMPILED. Null otherwise
 * (tests, scripts run through tsx) or for a module outside the source's root.
 */
export function compiledModule(entry: URL, setting = process.env[COMPILED_VARIABLE]): URL | null {
  if (setting === undefined || setting === '' || !entry.pathname.endsWith('.ts')) return null;
  const { source, compiled } = JSON.parse(setting) as { source: string; compiled: string };
  if (!entry.href.startsWith(source)) return null;
  return new URL(`${entry.href.slice(source.length, -'.ts'.length)}.js`, compiled);
}

/**
 * A worker thread running the TypeScript module `entry`: its compiled copy when this process runs compiled
 * code (with source maps on, as the main thread has them), or else through tsx's loader, as the main
 * thread does.
 */
export function startWorker(entry: URL, maxHeapMiB?: number): Worker {
  const compiled = compiledModule(entry);
  const bootstrap =
    compiled === null
      ? `
    const { workerData } = require('node:worker_threads');
    import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });`
      : `
    const { workerData } = require('node:worker_threads');
    process.setSourceMapsEnabled(true);
    import(workerData.entry);`;
  return new Worker(bootstrap, {
    eval: true,
    workerData: compiled === null ? { tsx: tsxEsmApi(), entry: entry.href } : { entry: compiled.href },
    ...(maxHeapMiB === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: maxHeapMiB } }),
  });
}

export interface PoolOptions {
  readonly threads: number;
  readonly batchSize: number;
  readonly onDone?: (done: number) => void;
  /**
   * Each worker's old-generation heap limit. Without one, V8 lets a busy worker's heap grow with garbage
   * towards the machine's default limit before collecting; a worker that outgrows it fails the run.
   */
  readonly maxHeapMiB?: number;
}

/** Workers of one module, started once and given several runs of work (the stages of one build step). */
export class WorkerPool {
  private readonly workers: Worker[];
  /** Why a worker stopped between runs, reported by the next run. */
  private failure: Error | null = null;

  constructor(
    private readonly entry: URL,
    { threads, maxHeapMiB }: { readonly threads: number; readonly maxHeapMiB?: number },
  ) {
    this.workers = Array.from({ length: Math.max(1, threads) }, () => startWorker(entry, maxHeapMiB));
    for (const worker of this.workers) {
      worker.on('error', (error: Error) => (this.failure ??= error));
      worker.on('exit', (code) => {
        if (code !== 0) this.failure ??= new Error(`worker ${entry.pathname} exited with code ${code}`);
      });
    }
  }

  /**
   * Sends `items` in batches of `batchSize` to the workers; returns every result in the items' order.
   * `onDone` hears how many items are finished after each batch. `prepare`, when given, makes what is sent
   * for an item just before it is sent, so the main thread makes the next batch while workers run this one.
   */
  async run<T, R>(
    items: readonly T[],
    {
      batchSize,
      onDone,
      prepare,
    }: {
      readonly batchSize: number;
      readonly onDone?: (done: number) => void;
      readonly prepare?: (item: T) => unknown;
    },
  ): Promise<R[]> {
    const results: R[] = new Array<R>(items.length);
    let next = 0;
    let done = 0;
    // The first failure stops new batches; the run settles only when every worker has answered what it
    // was sent, so no late answer reaches the next run.
    let failure: Error | null = null;
    const busy = this.workers.slice(0, Math.ceil(items.length / batchSize));
    await Promise.all(
      busy.map(
        (worker) =>
          new Promise<void>((resolve) => {
            let start = 0;
            const idle = () => {
              worker.off('message', onMessage);
              worker.off('error', onError);
              worker.off('exit', onExit);
              resolve();
            };
            const send = () => {
              if (failure !== null || next >= items.length) return idle();
              start = next;
              const batch = items.slice(next, next + batchSize);
              worker.postMessage(prepare === undefined ? batch : batch.map(prepare));
              next += batchSize;
            };
            const onMessage = (reply: BatchReply<R>) => {
              if ('error' in reply) {
                failure ??= new Error(`worker ${this.entry.pathname}: ${reply.error}`);
                return idle();
              }
              reply.results.forEach((r, i) => (results[start + i] = r));
              done += reply.results.length;
              onDone?.(done);
              send();
            };
            const onError = (error: Error) => {
              failure ??= error;
              idle();
            };
            const onExit = (code: number) => {
              failure ??= new Error(`worker ${this.entry.pathname} exited with code ${code}`);
              idle();
            };
            if (this.failure !== null) {
              failure ??= this.failure;
              return resolve();
            }
            worker.on('message', onMessage);
            worker.on('error', onError);
            worker.on('exit', onExit);
            send();
          }),
      ),
    );
    if (failure !== null) throw failure;
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** One run on a pool of its own, started for it and closed after: see WorkerPool.run. */
export async function runOnWorkers<T, R>(
  entry: URL,
  items: readonly T[],
  { threads, batchSize, onDone, maxHeapMiB }: PoolOptions,
): Promise<R[]> {
  if (items.length === 0) return [];
  const pool = new WorkerPool(entry, {
    threads: Math.min(threads, Math.ceil(items.length / batchSize)),
    ...(maxHeapMiB === undefined ? {} : { maxHeapMiB }),
  });
  try {
    return await pool.run<T, R>(items, onDone === undefined ? { batchSize } : { batchSize, onDone });
  } finally {
    await pool.close();
  }
}

/**
 * The worker side: answers each batch the pool sends with `work` applied to every item, in order, or
 * with the error that stopped it. Call once from a worker module.
 */
export function serveBatches<T, R>(name: string, work: (item: T) => R | Promise<R>): void {
  if (parentPort === null) throw new Error(`${name} must run as a worker thread`);
  const port = parentPort;
  port.on('message', (batch: readonly T[]) => {
    void (async () => {
      try {
        const results: R[] = [];
        for (const item of batch) results.push(await work(item));
        port.postMessage({ results } satisfies BatchReply<R>);
      } catch (error) {
        port.postMessage({
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        } satisfies BatchReply<R>);
      }
    })();
  });
}
