/**
 * Writing a file the build keeps (a cache entry, a record) so that it is never seen half written: the data
 * goes to a file beside it under a random name, which is then renamed over it. A reader sees the old file
 * or the new one; a build stopped mid-write leaves the old one (and a `.tmp` file beside it); two builds
 * writing at once each leave a whole one.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';

function asideOf(path: string): string {
  return `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

/**
 * `data` may come in parts, written one after another: a binary record made of typed arrays is written
 * from where they are, not copied into one buffer first (at 100k articles the output record's 30 MB took
 * a quarter of a second to join, most of it touching fresh memory).
 */
export function replaceFileSync(path: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  const aside = asideOf(path);
  if (typeof data === 'string' || data instanceof Uint8Array) {
    writeFileSync(aside, data);
  } else {
    const fd = openSync(aside, 'w');
    try {
      for (const part of data) {
        for (let done = 0; done < part.length;) done += writeSync(fd, part, done, part.length - done);
      }
    } catch (error) {
      closeSync(fd);
      rmSync(aside, { force: true });
      throw error;
    }
    closeSync(fd);
  }
  renameSync(aside, path);
}

export async function replaceFile(path: string, data: string | Uint8Array): Promise<void> {
  const aside = asideOf(path);
  await writeFile(aside, data);
  await rename(aside, path);
}

/** replaceFile for data written in parts (`write` writes them to the file handle it is given). */
export async function replaceFileWith(path: string, write: (file: FileHandle) => Promise<void>): Promise<void> {
  const aside = asideOf(path);
  const file = await open(aside, 'w');
  try {
    await write(file);
  } catch (error) {
    await file.close();
    await rm(aside, { force: true });
    throw error;
  }
  await file.close();
  await rename(aside, path);
}
