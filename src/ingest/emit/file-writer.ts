/**
 * Writes many files with a bounded number in flight. Awaiting each write before starting the next leaves
 * the disk and the thread pool idle between system calls; tens of thousands of small files (article
 * data, share pages) write several times faster this way. Errors surface on the next write or on flush.
 * Given the output manifest, it skips files whose content the last build already wrote.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { OutputManifest } from './output-manifest.ts';

const IN_FLIGHT = 64;

export class FileWriter {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { readonly error: unknown } | undefined;

  /** With a manifest, a file the last build wrote with the same content is left alone. */
  constructor(
    private readonly manifest: OutputManifest | null = null,
    private readonly limit = IN_FLIGHT,
  ) {}

  /** Starts writing `data` to `path` (creating its folder when asked); waits only while the queue is full. */
  async write(path: string, data: string | Uint8Array, { makeFolder = false } = {}): Promise<void> {
    this.throwIfFailed();
    if (this.manifest?.unchanged(path, data) === true) return;
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    this.throwIfFailed();
    const task = makeFolder
      ? mkdir(dirname(path), { recursive: true }).then(() => writeFile(path, data))
      : writeFile(path, data);
    const settled: Promise<void> = task
      .then(
        () => {},
        (error: unknown) => {
          this.failure ??= { error };
        },
      )
      .finally(() => this.inFlight.delete(settled));
    this.inFlight.add(settled);
  }

  /** Waits for every write started so far; throws the first error any of them met. */
  async flush(): Promise<void> {
    await Promise.all(this.inFlight);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure.error;
  }
}
