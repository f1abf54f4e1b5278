/** Worker thread of read-ahead.ts: reads the one file it is sent and moves its bytes to the sender. */
import { parentPort } from 'node:worker_threads';
import type { ReadAheadReply } from './read-ahead.ts';
import { readLargeFileSync } from './read-large-file.ts';

const port = parentPort;
if (port === null) throw new Error('read-ahead-worker.ts must run as a worker thread');
port.once('message', (path: string) => {
  let reply: ReadAheadReply;
  try {
    const { buffer } = readLargeFileSync(path);
    // readLargeFileSync's buffer is its own from offset 0: its ArrayBuffer is the file, and moves whole.
    if (!(buffer instanceof ArrayBuffer)) throw new Error('a file read into shared memory cannot be moved');
    reply = { bytes: buffer };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply, 'bytes' in reply ? [reply.bytes] : []);
});
