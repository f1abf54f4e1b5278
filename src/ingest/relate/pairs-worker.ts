/** Worker thread: grouping's candidate pairs for the ranges it is sent, over an index in shared memory. */
import { serveBatches } from '../worker-pool.ts';
import { pairsInRange } from './story-pairs.ts';
import type { TermIndex } from './term-index.ts';

export interface PairsTask {
  readonly index: TermIndex;
  readonly from: number;
  readonly to: number;
  readonly threshold: number;
}

serveBatches('pairs-worker.ts', (task: PairsTask) => pairsInRange(task.index, task.from, task.to, task.threshold));
