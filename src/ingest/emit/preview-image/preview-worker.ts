/** Worker thread: renders the preview cards it is sent and writes each PNG to its paths. */
import { writeFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { renderPreviewPng } from './render-preview.ts';
import type { PreviewTask } from './write-preview-images.ts';
import type { BatchReply } from '../../worker-pool.ts';

if (parentPort === null) throw new Error('preview-worker.ts must run as a worker thread');
const port = parentPort;

port.on('message', (batch: readonly PreviewTask[]) => {
  void (async () => {
    try {
      for (const task of batch) {
        const png = await renderPreviewPng(task.card);
        await Promise.all(task.paths.map((path) => writeFile(path, png)));
      }
      port.postMessage({ results: batch.map(() => true) } satisfies BatchReply<true>);
    } catch (error) {
      port.postMessage({
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies BatchReply<true>);
    }
  })();
});
