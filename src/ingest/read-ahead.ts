/**
 * Reads a large cache file on a thread of its own while this one goes on, for the build to take up when
 * it reaches the stage that needs it. The file's bytes move to this thread when read, not copied.
 *
 * Why: most of reading a file of hundreds of MB is the first touch of the fresh memory it goes into
 * (read-large-file.ts), and a rebuild has a few seconds of other work before it needs the relate
 * state. Measured on the 2-core bench VM with the 195 MB relate state of 100k articles and a stat of the
 * 100k input files (the read stage's work) on this thread: one after the other 1.7–2.0 s, side by side
 * 1.3–1.6 s (git-ignored scratch script).
 */
import type { Worker } from 'node:worker_threads';
import { readLargeFileSync } from './read-large-file.ts';
import { startWorker } from './worker-pool.ts';

/** What the worker answers: the file's bytes (moved, not copied), or why it could not read them. */
export type ReadAheadReply = { readonly bytes: ArrayBuffer } | { readonly error: string };

/** A file being read on another thread. */
export class ReadAhead {
  private readonly bytes: Promise<Buffer>;

  constructor(readonly path: string) {
    let worker: Worker;
    try {
      worker = startWorker(new URL('./read-ahead-worker.ts', import.meta.url));
    } catch {
      // No thread to be had: read when asked (below).
      this.bytes = Promise.reject(new Error('no read-ahead thread'));
      this.bytes.catch(() => {});
      return;
    }
    this.bytes = new Promise<Buffer>((resolve, reject) => {
      worker.once('message', (reply: ReadAheadReply) => {
        if ('bytes' in reply) resolve(Buffer.from(reply.bytes));
        else reject(new Error(reply.error));
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the read-ahead of ${path} stopped (exit code ${code})`)));
    });
    // Taken up (or not) by `read`; a failure here must not be an unhandled rejection meanwhile.
    this.bytes.catch(() => {});
    worker.postMessage(path);
  }

  /**
   * The file's bytes, in a buffer of their own from offset 0 (as readLargeFileSync gives them). When the
   * other thread failed, the file is read here, so a missing or unreadable file throws as it would have.
   */
  async read(): Promise<Buffer> {
    try {
      return await this.bytes;
    } catch {
      return readLargeFileSync(this.path);
    }
  }
}
