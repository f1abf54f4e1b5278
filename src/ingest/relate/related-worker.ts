/** Worker thread: related articles for the ranges it is sent, over an index in shared memory. */
import { parentPort } from 'node:worker_threads';
import type { BatchReply } from '../worker-pool.ts';
import { relateRange, type RangeResult, type RelatedIndex } from './related-index.ts';

export interface RelateTask {
  readonly index: RelatedIndex;
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

if (parentPort === null) throw new Error('related-worker.ts must run as a worker thread');
const port = parentPort;

port.on('message', (batch: readonly RelateTask[]) => {
  try {
    const results = batch.map((task) => relateRange(task.index, task.from, task.to, task.count));
    port.postMessage({ results } satisfies BatchReply<RangeResult>);
  } catch (error) {
    port.postMessage({
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies BatchReply<RangeResult>);
  }
});
