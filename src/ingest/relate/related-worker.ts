/** Worker thread: related articles for the ranges it is sent, over an index in shared memory. */
import { serveBatches } from '../worker-pool.ts';
import { relateRange, type RelatedIndex } from './related-index.ts';

export interface RelateTask {
  readonly index: RelatedIndex;
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

serveBatches('related-worker.ts', (task: RelateTask) => relateRange(task.index, task.from, task.to, task.count));
