/**
 * The write thread's worker (write-thread.ts): writes each batch of files it is sent, one after another
 * with synchronous calls, and answers with the batch's id and the first error it met (naming the file).
 * A batch's files are byte ranges of one shared slab, or one buffer of its own for a large file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { WriteBatch, WriteBatchDone } from './write-thread.ts';

if (parentPort === null) throw new Error('write-thread-worker.ts must run as a worker thread');
const port = parentPort;

function writeBatch(batch: WriteBatch): WriteBatchDone {
  const bytes = new Uint8Array(batch.data);
  const { paths, bounds, makeFolder } = batch;
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i] ?? '';
    try {
      if (makeFolder[i] === 1) mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes.subarray(bounds[2 * i], bounds[2 * i + 1]));
    } catch (error) {
      const { message, code } = error as NodeJS.ErrnoException;
      // The files after a failed one are not written: the build fails on the first error anyway.
      return { id: batch.id, error: { message, ...(code === undefined ? {} : { code }), path } };
    }
  }
  return { id: batch.id };
}

port.on('message', (batch: WriteBatch) => port.postMessage(writeBatch(batch)));
