/**
 * Writing a file the build keeps (a cache entry, a record) so that it is never seen half written: the data
 * goes to a file beside it under a random name, which is then renamed over it. A reader sees the old file
 * or the new one; a build stopped mid-write leaves the old one (and a `.tmp` file beside it); two builds
 * writing at once each leave a whole one.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';

function asideOf(path: string): string {
  return `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

export function replaceFileSync(path: string, data: string | Uint8Array): void {
  const aside = asideOf(path);
  writeFileSync(aside, data);
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
