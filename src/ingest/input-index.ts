/**
 * What the last build read from the articles folder, so a rebuild need not read unchanged files again: for
 * each file its size, modification and change times (in nanoseconds), inode, and a digest of its bytes. A
 * file whose stat still matches is taken to hold the same bytes (as git's index and make do) and is read
 * only if its extraction is not cached. At 100k articles reading every file was 2 s of a rebuild.
 *
 * A file changed within two seconds before the index was written is not vouched for (its next change could
 * keep the same times: git calls these "racily clean"). The index is tied to the folder's path.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, type BigIntStats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { replaceFileSync } from './replace-file.ts';

/** Changes this close to the index's writing are not trusted, in nanoseconds. */
const RACY_NS = 2_000_000_000n;
const FORMAT = 1;

interface Entry {
  readonly size: string;
  readonly mtimeNs: string;
  readonly ctimeNs: string;
  readonly ino: string;
  readonly digest: string;
}

interface Record {
  readonly format: typeof FORMAT;
  readonly folder: string;
  readonly writtenAtNs: string;
  readonly names: readonly string[];
  readonly entries: readonly (readonly [size: string, mtimeNs: string, ctimeNs: string, ino: string, digest: string])[];
}

/** sha256 of a file's bytes, in hex: what the extraction cache keys an input by. */
export function digestOfBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function entryOf(info: BigIntStats, digest: string): Entry {
  return {
    size: String(info.size),
    mtimeNs: String(info.mtimeNs),
    ctimeNs: String(info.ctimeNs),
    ino: String(info.ino),
    digest,
  };
}

export class InputIndex {
  private readonly path: string;
  private readonly folder: string;
  private readonly previous = new Map<string, Entry>();
  private readonly current = new Map<string, Entry>();
  private trustedBeforeNs = 0n;

  /** `racyNs`: how close to the index's writing a change must not be to be vouched for (tests lower it). */
  constructor(
    cacheDir: string,
    articlesDir: string,
    private readonly racyNs = RACY_NS,
  ) {
    this.folder = resolve(articlesDir);
    const key = createHash('sha256').update(this.folder).digest('hex').slice(0, 16);
    this.path = join(cacheDir, `${key}.json`);
    try {
      const record = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<Record>;
      if (record.format !== FORMAT || record.folder !== this.folder) return;
      this.trustedBeforeNs = BigInt(record.writtenAtNs ?? '0') - this.racyNs;
      (record.names ?? []).forEach((name, i) => {
        const entry = record.entries?.[i];
        if (entry === undefined) return;
        const [size, mtimeNs, ctimeNs, ino, digest] = entry;
        this.previous.set(name, { size, mtimeNs, ctimeNs, ino, digest });
      });
    } catch {
      // No index yet, or not one this code reads: every file is read.
    }
  }

  /** The digest of `file`'s bytes when its stat is the one recorded (and it is a file of at most maxBytes). */
  vouch(file: string, path: string, maxBytes: number): string | undefined {
    const known = this.previous.get(file);
    if (known === undefined) return undefined;
    let info: BigIntStats | undefined;
    try {
      info = statSync(path, { bigint: true, throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (info === undefined || !info.isFile() || info.size > BigInt(maxBytes)) return undefined;
    if (info.mtimeNs > this.trustedBeforeNs || info.ctimeNs > this.trustedBeforeNs) return undefined;
    const now = entryOf(info, known.digest);
    const same =
      now.size === known.size &&
      now.mtimeNs === known.mtimeNs &&
      now.ctimeNs === known.ctimeNs &&
      now.ino === known.ino;
    if (!same) return undefined;
    this.current.set(file, known);
    return known.digest;
  }

  /** Records a file read now, by the stat taken when it was opened. */
  record(file: string, info: BigIntStats, digest: string): void {
    this.current.set(file, entryOf(info, digest));
  }

  /** Saves this build's files (and only them) for the next. */
  save(): void {
    const names = [...this.current.keys()];
    const record: Record = {
      format: FORMAT,
      folder: this.folder,
      writtenAtNs: String(BigInt(Date.now()) * 1_000_000n),
      names,
      entries: names.map((name) => {
        const e = this.current.get(name);
        return e === undefined ? ['', '', '', '', ''] : [e.size, e.mtimeNs, e.ctimeNs, e.ino, e.digest];
      }),
    };
    mkdirSync(dirname(this.path), { recursive: true });
    replaceFileSync(this.path, JSON.stringify(record));
  }
}
