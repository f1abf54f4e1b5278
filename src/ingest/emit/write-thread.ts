/**
 * One worker thread that writes output files for the main thread once a stage has many to write (a cold
 * build of 100k articles writes about 240k files and makes 100k folders). The main thread encodes each
 * file into a slab of shared memory, a few of them reused all build long, and sends a slab's files as one
 * batch; the thread writes them with synchronous calls, one after another.
 *
 * Why not Node's asynchronous writes: each file was an open, a write and a close handed to libuv's four
 * threads, and their answers back, and four threads creating files in one folder contend for its lock in
 * the kernel. Writing 50k files in folders of their own on this 2-core VM took 9–35 s of system time that
 * way against 4–9 s from one thread (a scratch script, run after run; the disk's timings wander).
 * And every file's text was encoded twice (hashed as a string, then made a Buffer to write): the Buffers,
 * memory outside V8's heap, set off full garbage collections of a heap holding every article.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-pool.ts';

/** The size of one slab: a batch's files are at most this many bytes together. */
export const SLAB_BYTES = 1 << 20;
/** Slabs in the pool: while all are out being written, the main thread waits for one. */
const SLABS = 8;

/** What the main thread sends: files as byte ranges of `data`. */
export interface WriteBatch {
  readonly id: number;
  /** A slab of the pool, or a large file's own buffer (moved to the thread). */
  readonly data: SharedArrayBuffer | ArrayBuffer;
  readonly paths: readonly string[];
  /** Each file's start and end in `data`, two numbers a file. */
  readonly bounds: readonly number[];
  /** 1 where the file's folder is to be made first. */
  readonly makeFolder: readonly number[];
}

/** The thread's answer: the batch written, or the first error, naming its file. */
export interface WriteBatchDone {
  readonly id: number;
  readonly error?: { readonly message: string; readonly code?: string; readonly path: string };
}

interface Pending {
  readonly slab: SharedArrayBuffer | null;
  readonly done: (error: Error | null) => void;
}

export class WriteThread {
  private readonly worker: Worker;
  private readonly freeSlabs: SharedArrayBuffer[] = [];
  private slabsMade = 0;
  private readonly slabWaiters: ((slab: SharedArrayBuffer) => void)[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** Why the thread stopped (it failed to start, or died): every batch after fails with it. */
  stopped: Error | null = null;

  constructor() {
    this.worker = startWorker(new URL('./write-thread-worker.ts', import.meta.url));
    // Idle, the thread does not keep the process alive; with batches out it does (send, answered).
    this.worker.unref();
    this.worker.on('message', (reply: WriteBatchDone) => this.answered(reply));
    this.worker.on('error', (error: Error) => this.stop(error));
    this.worker.on('exit', (code) => this.stop(new Error(`the output write thread exited with code ${code}`)));
  }

  /** A free slab to fill, waiting while every slab is out being written. */
  slab(): Promise<SharedArrayBuffer> {
    const free = this.freeSlabs.pop();
    if (free !== undefined) return Promise.resolve(free);
    if (this.slabsMade < SLABS) {
      this.slabsMade++;
      return Promise.resolve(new SharedArrayBuffer(SLAB_BYTES));
    }
    return new Promise((resolve) => this.slabWaiters.push(resolve));
  }

  /** Gives back a slab taken and not sent. */
  release(slab: SharedArrayBuffer): void {
    const waiter = this.slabWaiters.shift();
    if (waiter !== undefined) waiter(slab);
    else this.freeSlabs.push(slab);
  }

  /** Sends a batch; `done` hears once its files are written, or the error that stopped them. */
  send(batch: Omit<WriteBatch, 'id'>, done: (error: Error | null) => void): void {
    const slab = batch.data instanceof SharedArrayBuffer ? batch.data : null;
    if (this.stopped !== null) {
      if (slab !== null) this.release(slab);
      done(this.stopped);
      return;
    }
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    this.pending.set(id, { slab, done });
    this.worker.postMessage({ id, ...batch } satisfies WriteBatch, slab === null ? [batch.data as ArrayBuffer] : []);
  }

  private answered(reply: WriteBatchDone): void {
    const pending = this.pending.get(reply.id);
    if (pending === undefined) return;
    this.settle(reply.id, pending, reply.error === undefined ? null : errorOf(reply.error));
  }

  private settle(id: number, { slab, done }: Pending, error: Error | null): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
    if (slab !== null) this.release(slab);
    done(error);
  }

  private stop(error: Error): void {
    this.stopped ??= error;
    for (const [id, pending] of [...this.pending]) this.settle(id, pending, this.stopped);
  }
}

function errorOf({ message, code, path }: NonNullable<WriteBatchDone['error']>): Error {
  return Object.assign(new Error(message), { path, ...(code === undefined ? {} : { code }) });
}

let shared: WriteThread | null = null;

/** The process's write thread, started when first asked for (and again if it stopped). */
export function writeThread(): WriteThread {
  if (shared === null || shared.stopped !== null) shared = new WriteThread();
  return shared;
}
