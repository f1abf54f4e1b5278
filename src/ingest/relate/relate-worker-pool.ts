/**
 * The worker threads of grouping and related stories. One module (relate-worker.ts) serves every kind of
 * task, so one pool, started once, serves the tokenising, ranking, pair search and related search of a
 * build in turn: starting a pair of workers (each loads the TypeScript sources) costs about 0.3 s.
 */
import { WorkerPool } from '../worker-pool.ts';
import type { CandidateRows, RelatedIndex } from './related-index.ts';
import type { TermIndex } from './term-index.ts';
import type { FlatBags, TextInput } from './tokenise-corpus.ts';

export type RelateTask =
  | { readonly kind: 'tokenise'; readonly docs: readonly TextInput[] }
  | { readonly kind: 'renumber'; readonly parts: readonly FlatBags[]; readonly globals: readonly Int32Array[] }
  | {
      readonly kind: 'rank';
      readonly flat: FlatBags;
      readonly idf: Float64Array;
      readonly from: number;
      readonly to: number;
    }
  | {
      readonly kind: 'pairs';
      readonly index: TermIndex;
      readonly from: number;
      readonly to: number;
      readonly threshold: number;
    }
  | { readonly kind: 'candidates'; readonly index: RelatedIndex; readonly from: number; readonly to: number }
  | {
      readonly kind: 'rerank';
      readonly index: RelatedIndex;
      readonly rows: CandidateRows;
      readonly from: number;
      readonly to: number;
      readonly count: number;
    };

/** Below this many articles, starting worker threads costs more than it saves. */
export const MIN_FOR_RELATE_WORKERS = 5000;

export function startRelateWorkers(threads: number): WorkerPool {
  return new WorkerPool(new URL('./relate-worker.ts', import.meta.url), { threads });
}

/** `work` on the pool given, or on one started for it and closed after. */
export async function onRelateWorkers<R>(
  pool: WorkerPool | undefined,
  threads: number,
  work: (pool: WorkerPool) => Promise<R>,
): Promise<R> {
  if (pool !== undefined) return work(pool);
  const own = startRelateWorkers(threads);
  try {
    return await work(own);
  } finally {
    await own.close();
  }
}
