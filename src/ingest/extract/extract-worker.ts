/** Worker thread: extracts the files it is sent, answering each with its article or why it failed. */
import { parentPort } from 'node:worker_threads';
import type { BatchReply } from '../worker-pool.ts';
import { extractOne, type ExtractOutcome, type ExtractTask } from './extract-task.ts';

if (parentPort === null) throw new Error('extract-worker.ts must run as a worker thread');
const port = parentPort;

port.on('message', (batch: readonly ExtractTask[]) => {
  try {
    port.postMessage({ results: batch.map(extractOne) } satisfies BatchReply<ExtractOutcome>);
  } catch (error) {
    port.postMessage({
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies BatchReply<ExtractOutcome>);
  }
});
