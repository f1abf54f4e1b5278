/**
 * Writes many files with a bounded number in flight. Awaiting each write before starting the next leaves
 * the disk and the thread pool idle between system calls; tens of thousands of small files (article
 * data, share pages) write several times faster this way. Errors surface on the next write or on flush.
 * Given the output manifest, it skips files whose content the last build already wrote.
 *
 * It counts writes in flight and wakes one waiter per finished write, and it uses the callback `fs`
 * calls: racing a set of promises on every write and fs/promises' file handles cost the build's main
 * thread about four times the CPU per file (measured writing 20,000 files of 6 KB: 1.0 s against 0.24 s).
 * Past its first thousand files a writer hands the rest to the write thread (write-thread.ts), in batches.
 */
import { mkdir, writeFile } from 'node:fs';
import { dirname } from 'node:path';
import { contentDigest, type OutputManifest } from './output-manifest.ts';
import { SLAB_BYTES, writeThread, type WriteThread } from './write-thread.ts';

const IN_FLIGHT = 64;
/**
 * Files a writer writes on the main thread before it sends the rest to the write thread (write-thread.ts):
 * a rebuild writes a few dozen and never starts it.
 */
const WRITES_BEFORE_THREAD = 1000;
/** A file that might take more than this share of a slab is sent to the write thread on its own. */
const LARGE_FILE_BYTES = SLAB_BYTES / 4;

/** Files bound for the write thread, encoded into one slab. */
interface Batch {
  readonly slab: SharedArrayBuffer;
  readonly bytes: Buffer;
  used: number;
  readonly paths: string[];
  readonly bounds: number[];
  readonly makeFolder: number[];
}

export class FileWriter {
  private inFlight = 0;
  /** Callers waiting for a free slot, then flush waiting for none in flight. */
  private readonly slotWaiters: (() => void)[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private failure: { readonly error: unknown } | undefined;
  private writtenHere = 0;
  /** The write thread's slab being filled, and how many batches it has not answered yet. */
  private batch: Batch | null = null;
  private batchesOut = 0;

  /** With a manifest, a file the last build wrote with the same content is left alone. */
  constructor(
    private readonly manifest: OutputManifest | null = null,
    private readonly limit = IN_FLIGHT,
    private readonly threadAfter = WRITES_BEFORE_THREAD,
  ) {}

  /**
   * When the last build made the file `name` (its path in the output folder, `/`-separated and normal:
   * what joined onto the folder gives the path `write` is given) from the same inputs, the file is kept:
   * returns its content digest (undefined without a manifest, or when the file must be made and written).
   * Named rather than pathed: at 100k articles, joining 300k paths only to cut the folder off them again
   * was half a second of a rebuild.
   */
  reuse(name: string, inputKey: string | undefined): string | undefined {
    return inputKey === undefined ? undefined : this.manifest?.reuse(name, inputKey);
  }

  /**
   * `reuse` for a caller that may know the file's inputs unchanged since the last build without keying
   * them (OutputInputs.entryUnchanged): such a file is kept as the record has it (OutputManifest.keepFile);
   * otherwise, or when the record cannot keep it so, its key is made and looked up.
   */
  keepOrReuse(name: string, unchanged: boolean, inputKey: () => string | undefined): string | undefined {
    return (unchanged ? this.manifest?.keepFile(name) : undefined) ?? this.reuse(name, inputKey());
  }

  /**
   * Starts writing `data` to `path` (creating its folder when asked); waits only while the queue is full.
   * Returns the content digest of the file (whether written or, the same as the last build's, left alone).
   * The text is encoded once, and hashed and written from those bytes: hashing a string encodes it itself.
   */
  async write(
    path: string,
    data: string | Uint8Array,
    { makeFolder = false }: { makeFolder?: boolean } = {},
  ): Promise<string> {
    this.throwIfFailed();
    if (this.writtenHere >= this.threadAfter) return this.writeOnThread(writeThread(), path, data, makeFolder);
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    const digest = contentDigest(bytes);
    if (this.manifest?.unchanged(path, bytes, digest) === true) return digest;
    while (this.inFlight >= this.limit) await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    this.throwIfFailed();
    this.inFlight += 1;
    this.writtenHere += 1;
    const done = (error: NodeJS.ErrnoException | null) => this.finished(error);
    if (!makeFolder) {
      writeFile(path, bytes, done);
      return digest;
    }
    mkdir(dirname(path), { recursive: true }, (error) => {
      if (error === null) writeFile(path, bytes, done);
      else done(error);
    });
    return digest;
  }

  /** `write` through the write thread: the file is encoded into the slab being filled, sent when full. */
  private async writeOnThread(
    thread: WriteThread,
    path: string,
    data: string | Uint8Array,
    makeFolder: boolean,
  ): Promise<string> {
    // At most three bytes of UTF-8 for each UTF-16 unit.
    const most = typeof data === 'string' ? data.length * 3 : data.byteLength;
    if (most > LARGE_FILE_BYTES) {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      const digest = contentDigest(bytes);
      if (this.manifest?.unchanged(path, bytes, digest) === true) return digest;
      // Moved to the thread: the bytes encoded here when they fill a buffer of their own, else a copy (a
      // caller's array stays the caller's).
      const own =
        typeof data === 'string' && bytes.buffer instanceof ArrayBuffer && bytes.buffer.byteLength === bytes.byteLength
          ? bytes.buffer
          : new Uint8Array(bytes).buffer;
      this.sendToThread(thread, {
        data: own,
        paths: [path],
        bounds: [0, bytes.byteLength],
        makeFolder: [makeFolder ? 1 : 0],
      });
      return digest;
    }
    while (this.batch === null || SLAB_BYTES - this.batch.used < most) {
      this.sendBatch(thread);
      const slab = await thread.slab();
      this.throwIfFailed();
      // Another write may have taken a slab while this one waited.
      if (this.batch === null)
        this.batch = { slab, bytes: Buffer.from(slab), used: 0, paths: [], bounds: [], makeFolder: [] };
      else thread.release(slab);
    }
    const batch = this.batch;
    const start = batch.used;
    const end =
      typeof data === 'string'
        ? start + batch.bytes.write(data, start)
        : (batch.bytes.set(data, start), start + data.byteLength);
    const view = batch.bytes.subarray(start, end);
    const digest = contentDigest(view);
    if (this.manifest?.unchanged(path, view, digest) === true) return digest;
    batch.used = end;
    batch.paths.push(path);
    batch.bounds.push(start, end);
    batch.makeFolder.push(makeFolder ? 1 : 0);
    return digest;
  }

  /** Sends the slab being filled to the write thread (or gives it back when it holds no file). */
  private sendBatch(thread: WriteThread): void {
    const batch = this.batch;
    if (batch === null) return;
    this.batch = null;
    if (batch.paths.length === 0) thread.release(batch.slab);
    else
      this.sendToThread(thread, {
        data: batch.slab,
        paths: batch.paths,
        bounds: batch.bounds,
        makeFolder: batch.makeFolder,
      });
  }

  private sendToThread(thread: WriteThread, batch: Parameters<WriteThread['send']>[0]): void {
    this.batchesOut += 1;
    thread.send(batch, (error) => {
      if (error !== null) this.failure ??= { error };
      this.batchesOut -= 1;
      this.wakeIfIdle();
    });
  }

  /** Waits for every write started so far; throws the first error any of them met. */
  async flush(): Promise<void> {
    if (this.batch !== null) this.sendBatch(writeThread());
    while (this.inFlight > 0 || this.batchesOut > 0)
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    this.throwIfFailed();
  }

  private finished(error: NodeJS.ErrnoException | null): void {
    if (error !== null) this.failure ??= { error };
    this.inFlight -= 1;
    this.slotWaiters.shift()?.();
    this.wakeIfIdle();
  }

  private wakeIfIdle(): void {
    if (this.inFlight === 0 && this.batchesOut === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure.error;
  }
}
