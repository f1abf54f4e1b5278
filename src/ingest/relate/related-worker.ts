/**
 * Worker thread: the two related-article searches for the ranges it is sent, over an index (and, for the
 * second, the whole corpus's candidate table) in shared memory.
 */
import { serveBatches } from '../worker-pool.ts';
import {
  candidateRange,
  rerankRange,
  type CandidateTable,
  type RangeResult,
  type RelatedIndex,
} from './related-index.ts';

export type RelateTask =
  | { readonly kind: 'candidates'; readonly index: RelatedIndex; readonly from: number; readonly to: number }
  | {
      readonly kind: 'rerank';
      readonly index: RelatedIndex;
      readonly table: CandidateTable;
      readonly from: number;
      readonly to: number;
      readonly count: number;
    };

serveBatches('related-worker.ts', (task: RelateTask): CandidateTable | RangeResult =>
  task.kind === 'candidates'
    ? candidateRange(task.index, task.from, task.to)
    : rerankRange(task.index, task.table, task.from, task.to, task.count),
);
