/**
 * Reads the input folder. Every entry ends up either as an input to extract or as a skipped file with
 * a reason: nothing in the folder is passed over in silence.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * Synchronous on purpose: a build reads nothing else meanwhile, and for 100k small files one open, fstat,
 * read and close each on this thread is several times faster than the same calls through the thread pool.
 */
export async function readInputs(dir: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadResult> {
  const names = readdirSync(dir).sort();
  const inputs: InputFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of names) {
    if (file.startsWith('.')) continue;
    try {
      const read = readRegularFile(join(dir, file), file, maxBytes);
      if (typeof read === 'string') skipped.push({ file, line: null, reason: read });
      else inputs.push({ file, bytes: read });
    } catch (error) {
      skipped.push({ file, line: null, reason: describeReadError(error) });
    }
  }
  return { inputs, skipped };
}

/** The file's bytes, or why it is not an input. */
function readRegularFile(path: string, file: string, maxBytes: number): Uint8Array | string {
  // O_NONBLOCK: opening a named pipe must not wait for a writer; fstat then says what was opened.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return 'a folder: only files directly in the articles folder are read';
    // A named pipe would block the read forever; a device or socket is not an article either.
    if (!info.isFile()) return 'not a regular file (a pipe, socket or device)';
    if (!file.toLowerCase().endsWith('.txt')) return 'not a .txt file';
    if (info.size > maxBytes) return `larger than the limit of ${maxBytes} bytes (${info.size} bytes)`;
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
