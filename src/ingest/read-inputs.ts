/**
 * Reads the input folder. Every entry ends up either as an input to extract or as a skipped file with
 * a reason: nothing in the folder is passed over in silence.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface InputFile {
  /** Name relative to the input folder; what reports and the CLI print. */
  readonly file: string;
  readonly bytes: Uint8Array;
}

export interface SkippedFile {
  readonly file: string;
  readonly line: number | null;
  readonly reason: string;
}

export interface ReadResult {
  readonly inputs: InputFile[];
  readonly skipped: SkippedFile[];
}

/** 10 MiB: a copied news page is rarely over 200 KiB; anything far larger is not an article. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** A person-readable reason for a failed read, by the error's code. */
export function describeReadError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ELOOP':
      return 'symbolic link loop: the link never reaches a file';
    case 'ENOENT':
      return 'broken link or the file vanished while reading';
    case 'EACCES':
    case 'EPERM':
      return 'unreadable: permission denied';
    default:
      return `unreadable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export async function readInputs(dir: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadResult> {
  const names = (await readdir(dir)).sort();
  const inputs: InputFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of names) {
    if (file.startsWith('.')) continue;
    const path = join(dir, file);
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        skipped.push({ file, line: null, reason: 'a folder: only files directly in the articles folder are read' });
      } else if (!info.isFile()) {
        // A named pipe would block the read forever; a device or socket is not an article either.
        skipped.push({ file, line: null, reason: 'not a regular file (a pipe, socket or device)' });
      } else if (!file.toLowerCase().endsWith('.txt')) {
        skipped.push({ file, line: null, reason: 'not a .txt file' });
      } else if (info.size > maxBytes) {
        skipped.push({ file, line: null, reason: `larger than the limit of ${maxBytes} bytes (${info.size} bytes)` });
      } else {
        inputs.push({ file, bytes: await readFile(path) });
      }
    } catch (error) {
      skipped.push({ file, line: null, reason: describeReadError(error) });
    }
  }
  return { inputs, skipped };
}
