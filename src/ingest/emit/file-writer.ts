/**
 * Writes many files with a bounded number in flight. Awaiting each write before starting the next leaves
 * the disk and the thread pool idle between system calls; tens of thousands of small files (article
 * data, share pages) write several times faster this way. Errors surface on the next write or on flush.
 * Given the output manifest, it skips files whose content the last build already wrote.
 *
 * It counts writes in flight and wakes one waiter per finished write, and it uses the callback `fs`
 * calls: racing a set of promises on every write and fs/promises' file handles cost the build's main
 * thread about four times the CPU per file (measured writing 20,000 files of 6 KB: 1.0 s against 0.24 s).
 */
import { mkdir, writeFile } from 'node:fs';
import { dirname } from 'node:path';
import type { OutputManifest } from './output-manifest.ts';

const IN_FLIGHT = 64;

export class FileWriter {
  private inFlight = 0;
  /** Callers waiting for a free slot, then flush waiting for none in flight. */
  private readonly slotWaiters: (() => void)[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private failure: { readonly error: unknown } | undefined;

  /** With a manifest, a file the last build wrote with the same content is left alone. */
  constructor(
    private readonly manifest: OutputManifest | null = null,
    private readonly limit = IN_FLIGHT,
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
   * `digest`, the data's content digest when the caller has it, saves hashing it again.
   */
  async write(
    path: string,
    data: string | Uint8Array,
    { makeFolder = false, digest }: { makeFolder?: boolean; digest?: string } = {},
  ): Promise<void> {
    this.throwIfFailed();
    if (this.manifest?.unchanged(path, data, digest) === true) return;
    while (this.inFlight >= this.limit) await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    this.throwIfFailed();
    this.inFlight += 1;
    const done = (error: NodeJS.ErrnoException | null) => this.finished(error);
    if (!makeFolder) {
      writeFile(path, data, done);
      return;
    }
    mkdir(dirname(path), { recursive: true }, (error) => {
      if (error === null) writeFile(path, data, done);
      else done(error);
    });
  }

  /** Waits for every write started so far; throws the first error any of them met. */
  async flush(): Promise<void> {
    while (this.inFlight > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    this.throwIfFailed();
  }

  private finished(error: NodeJS.ErrnoException | null): void {
    if (error !== null) this.failure ??= { error };
    this.inFlight -= 1;
    this.slotWaiters.shift()?.();
    if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure.error;
  }
}
