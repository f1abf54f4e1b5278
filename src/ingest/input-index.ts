/**
 * What the last build read from the articles folder, so a rebuild need not read unchanged files again: for
 * each file its size, modification and change times (in nanoseconds), inode, and a digest of its bytes. A
 * file whose stat still matches is taken to hold the same bytes (as git's index and make do) and is read
 * only if its extraction is not cached. At 100k articles reading every file was 2 s of a rebuild.
 *
 * A file changed within two seconds before the index was written is not vouched for (its next change could
 * keep the same times: git calls these "racily clean"). The index is tied to the folder's path.
 *
 * Binary (framed-file.ts): the names as one block of text, the stats as 64-bit integers, the digests as
 * their 32 bytes. At 100k files the same as JSON (five strings a file) took a rebuild about a second to
 * load and save.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, statSync, type BigIntStats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { frameHeader, frameParts, framed } from './framed-file.ts';
import { readLargeFileSync } from './read-large-file.ts';
import { replaceFileSync } from './replace-file.ts';

/** Changes this close to the index's writing are not trusted, in nanoseconds. */
const RACY_NS = 2_000_000_000n;
const FORMAT = 2;
/** Per file: size, modification and change times in nanoseconds, inode. */
const STATS = 4;
const DIGEST_BYTES = 32;
const NAME_SEPARATOR = '\0';

interface Header {
  readonly format: typeof FORMAT;
  readonly folder: string;
  readonly writtenAtNs: string;
  readonly count: number;
  readonly namesBytes: number;
}

/** sha256 of a file's bytes, in hex: what the extraction cache keys an input by. */
export function digestOfBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Files in the order recorded: names, stats (STATS per file) and digests (DIGEST_BYTES per file). */
class Files {
  readonly names: string[] = [];
  private stats = new BigInt64Array(1024 * STATS);
  private digests = Buffer.alloc(1024 * DIGEST_BYTES);

  get count(): number {
    return this.names.length;
  }

  /** Adds a file; the stat and digest are written by the caller into the returned row. */
  add(name: string): number {
    const row = this.names.push(name) - 1;
    if ((row + 1) * STATS > this.stats.length) {
      const stats = new BigInt64Array(this.stats.length * 2);
      stats.set(this.stats);
      this.stats = stats;
      const digests = Buffer.alloc(this.digests.length * 2);
      this.digests.copy(digests);
      this.digests = digests;
    }
    return row;
  }

  setStat(row: number, info: BigIntStats): void {
    this.stats.set([info.size, info.mtimeNs, info.ctimeNs, info.ino], row * STATS);
  }

  setDigest(row: number, hex: string): void {
    this.digests.write(hex, row * DIGEST_BYTES, DIGEST_BYTES, 'hex');
  }

  /** Row `row` takes row `from` of another index's stats and digests. */
  copyRow(row: number, from: number, stats: BigInt64Array, digests: Buffer): void {
    this.stats.set(stats.subarray(from * STATS, (from + 1) * STATS), row * STATS);
    digests.copy(this.digests, row * DIGEST_BYTES, from * DIGEST_BYTES, (from + 1) * DIGEST_BYTES);
  }

  parts(): { readonly stats: Uint8Array; readonly digests: Uint8Array } {
    const n = this.count;
    return {
      stats: new Uint8Array(this.stats.buffer, 0, n * STATS * 8),
      digests: this.digests.subarray(0, n * DIGEST_BYTES),
    };
  }
}

export class InputIndex {
  private readonly path: string;
  private readonly folder: string;
  /** The last build's files: row by name, and their stats and digests. */
  private previousRows = new Map<string, number>();
  private previousStats: BigInt64Array<ArrayBufferLike> = new BigInt64Array(0);
  private previousDigests: Buffer<ArrayBufferLike> = Buffer.alloc(0);
  private readonly current = new Files();
  private trustedBeforeNs = 0n;

  /** `racyNs`: how close to the index's writing a change must not be to be vouched for (tests lower it). */
  constructor(
    cacheDir: string,
    articlesDir: string,
    private readonly racyNs = RACY_NS,
  ) {
    this.folder = resolve(articlesDir);
    const key = createHash('sha256').update(this.folder).digest('hex').slice(0, 16);
    this.path = join(cacheDir, `${key}.bin`);
    try {
      const file = readLargeFileSync(this.path);
      const header = frameHeader(file) as Partial<Header>;
      if (header.format !== FORMAT || header.folder !== this.folder) return;
      const count = header.count ?? 0;
      const [names, stats, digests] = frameParts(file, [
        header.namesBytes ?? 0,
        count * STATS * 8,
        count * DIGEST_BYTES,
      ]);
      if (names === undefined || stats === undefined || digests === undefined) return;
      const list = count === 0 ? [] : names.toString('utf8').split(NAME_SEPARATOR);
      if (list.length !== count) return;
      this.previousRows = new Map(list.map((name, row) => [name, row]));
      this.previousStats = new BigInt64Array(stats.buffer, stats.byteOffset, count * STATS);
      this.previousDigests = digests;
      this.trustedBeforeNs = BigInt(header.writtenAtNs ?? '0') - this.racyNs;
    } catch {
      // No index yet, or not one this code reads: every file is read.
    }
  }

  /** The digest of `file`'s bytes when its stat is the one recorded (and it is a file of at most maxBytes). */
  vouch(file: string, path: string, maxBytes: number): string | undefined {
    const row = this.previousRows.get(file);
    if (row === undefined) return undefined;
    let info: BigIntStats | undefined;
    try {
      info = statSync(path, { bigint: true, throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (info === undefined || !info.isFile() || info.size > BigInt(maxBytes)) return undefined;
    if (info.mtimeNs > this.trustedBeforeNs || info.ctimeNs > this.trustedBeforeNs) return undefined;
    const stats = this.previousStats;
    const at = row * STATS;
    const same =
      info.size === stats[at] &&
      info.mtimeNs === stats[at + 1] &&
      info.ctimeNs === stats[at + 2] &&
      info.ino === stats[at + 3];
    if (!same) return undefined;
    this.current.copyRow(this.current.add(file), row, stats, this.previousDigests);
    return this.previousDigests.toString('hex', row * DIGEST_BYTES, (row + 1) * DIGEST_BYTES);
  }

  /** Records a file read now, by the stat taken when it was opened. */
  record(file: string, info: BigIntStats, digest: string): void {
    const row = this.current.add(file);
    this.current.setStat(row, info);
    this.current.setDigest(row, digest);
  }

  /** Saves this build's files (and only them) for the next. */
  save(): void {
    const names = Buffer.from(this.current.names.join(NAME_SEPARATOR));
    const header: Header = {
      format: FORMAT,
      folder: this.folder,
      writtenAtNs: String(BigInt(Date.now()) * 1_000_000n),
      count: this.current.count,
      namesBytes: names.length,
    };
    const { stats, digests } = this.current.parts();
    mkdirSync(dirname(this.path), { recursive: true });
    replaceFileSync(this.path, framed(header, [names, stats, digests]));
    // The index as JSON, which builds before the binary one kept (format 1).
    rmSync(this.path.replace(/\.bin$/, '.json'), { force: true });
  }
}
