/**
 * Reads the input folder. Every entry ends up either as an input to extract or as a skipped file with
 * a reason: nothing in the folder is passed over in silence.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, type BigIntStats } from 'node:fs';
import { join, sep } from 'node:path';
import { digestOfBytes, type InputIndex } from './input-index.ts';

export interface InputFile {
  /** Name relative to the input folder; what reports and the CLI print. */
  readonly file: string;
  /** Read when first asked for, for a file the input index vouched for (see vouchedInput). */
  readonly bytes: Uint8Array;
  /** sha256 of the bytes in hex, when the build keeps an input index (the extraction cache's key uses it). */
  readonly digest?: string;
  /** Whether the input index vouched for the file (its stat is the last build's), so it was not read. */
  readonly vouched?: true;
}

/**
 * A file the input index vouches holds the bytes the last build read: they are read only if asked for (its
 * extraction is not cached), and a failure to read them then is thrown as the read error it is.
 * A class, its getter on the prototype: an object with its own getter and closure per file, as before, held
 * 70 MB more after a 100k-file rebuild's read stage, which took 1.6–2.1 s against 1.2–1.4 s now (with the
 * paths below; bench VM).
 */
class VouchedInput implements InputFile {
  readonly vouched = true;
  private read: Uint8Array | undefined;
  /** `folder`: the articles folder's path with a separator at its end, shared by all. */
  constructor(
    readonly file: string,
    private readonly folder: string,
    readonly digest: string,
  ) {}
  get bytes(): Uint8Array {
    this.read ??= readFileSync(this.folder + this.file);
    return this.read;
  }
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
export async function readInputs(
  dir: string,
  maxBytes = DEFAULT_MAX_BYTES,
  index: InputIndex | null = null,
): Promise<ReadResult> {
  const names = readdirSync(dir).sort();
  const inputs: InputFile[] = [];
  const skipped: SkippedFile[] = [];
  // Paths are the folder's and a name: path.join's normalising cost 0.1 s a rebuild at 100k files.
  const folder = join(dir, sep);
  for (const file of names) {
    if (file.startsWith('.')) continue;
    const path = folder + file;
    const digest = file.toLowerCase().endsWith('.txt') ? index?.vouch(file, path, maxBytes) : undefined;
    if (digest !== undefined) {
      inputs.push(new VouchedInput(file, folder, digest));
      continue;
    }
    try {
      const read = readRegularFile(path, file, maxBytes);
      if (typeof read === 'string') {
        skipped.push({ file, line: null, reason: read });
      } else if (index === null) {
        inputs.push({ file, bytes: read.bytes });
      } else {
        const digest = digestOfBytes(read.bytes);
        index.record(file, read.info, digest);
        inputs.push({ file, bytes: read.bytes, digest });
      }
    } catch (error) {
      skipped.push({ file, line: null, reason: describeReadError(error) });
    }
  }
  index?.save();
  return { inputs, skipped };
}

/** The file's bytes and stat, or why it is not an input. */
function readRegularFile(
  path: string,
  file: string,
  maxBytes: number,
): { readonly bytes: Uint8Array; readonly info: BigIntStats } | string {
  // O_NONBLOCK: opening a named pipe must not wait for a writer; fstat then says what was opened.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd, { bigint: true });
    if (info.isDirectory()) return 'a folder: only files directly in the articles folder are read';
    // A named pipe would block the read forever; a device or socket is not an article either.
    if (!info.isFile()) return 'not a regular file (a pipe, socket or device)';
    if (!file.toLowerCase().endsWith('.txt')) return 'not a .txt file';
    if (info.size > BigInt(maxBytes)) return `larger than the limit of ${maxBytes} bytes (${info.size} bytes)`;
    return { bytes: readFileSync(fd), info };
  } finally {
    closeSync(fd);
  }
}
