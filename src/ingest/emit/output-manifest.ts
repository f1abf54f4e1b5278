/**
 * What the last build wrote into an output folder, so a rebuild rewrites only the files whose content
 * changed and deletes the ones no longer produced (an article removed since). At 100k articles the
 * per-article files are 2.5 GB; writing them took most of a rebuild in which one article changed.
 *
 * The record is a digest per file, kept in the cache folder and tied to the output folder's identity
 * (device and inode): a folder deleted and made again, or a different one, starts from an empty record,
 * so a file is never skipped that is not there. Files edited by hand in the output are not noticed.
 *
 * A file can also be recorded with a key of what it was made from (an article's extraction key, its story
 * and related lists): when the next build makes it from the same inputs, it need not even be made, which
 * at 100k articles is most of the time the writing stages take. Those keys hold only under one version of
 * the code that makes the files (`inputVersion`); a build with another forgets them.
 */
import { createHash, hash } from 'node:crypto';
import { mkdirSync, readFileSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { replaceFileSync } from '../replace-file.ts';

/**
 * The record, as parallel arrays: at 100k articles it names 275k files, and arrays parse and build their
 * maps in a third of the time objects keyed by name took (1.1 s).
 */
interface Record {
  readonly format: typeof RECORD_FORMAT;
  readonly folder: string;
  readonly identity: string;
  readonly inputVersion: string;
  readonly names: readonly string[];
  readonly digests: readonly string[];
  /** What each file was made from, for files recorded with a key of their inputs. */
  readonly inputs: readonly (string | null)[];
}

const RECORD_FORMAT = 2;

/** The digest the manifest keeps of a file's content. */
export function contentDigest(data: string | Uint8Array): string {
  return hash('sha1', data, 'base64');
}

function identityOf(folder: string): string {
  try {
    const info = statSync(folder, { bigint: true });
    return `${info.dev}:${info.ino}:${info.birthtimeNs}`;
  } catch {
    return '';
  }
}

export class OutputManifest {
  /**
   * Every file named so far, the last build's first: its name, the last build's digest and input key, and
   * this build's (set when this build produced it). Arrays indexed through one map, rather than a map per
   * field per build: at 275k files, four maps of names cost a rebuild about a second.
   */
  private readonly names: string[] = [];
  private readonly indexOf = new Map<string, number>();
  private readonly previousDigests: (string | undefined)[] = [];
  private readonly previousInputs: (string | null)[] = [];
  private readonly digests: (string | undefined)[];
  private readonly inputs: (string | null)[];
  /** How many of `names` the last build recorded. */
  private readonly previousCount: number;
  private readonly recordPath: string;
  private readonly outDir: string;
  skipped = 0;

  constructor(
    cacheDir: string,
    outDir: string,
    private readonly inputVersion = '',
  ) {
    this.outDir = resolve(outDir);
    const key = createHash('sha256').update(this.outDir).digest('hex').slice(0, 16);
    this.recordPath = join(cacheDir, `${key}.json`);
    this.load();
    this.previousCount = this.names.length;
    // Packed arrays from the start (writing far past an array's end turns it into a dictionary).
    this.digests = new Array<string | undefined>(this.previousCount).fill(undefined);
    this.inputs = new Array<string | null>(this.previousCount).fill(null);
    // A build that fails halfway may have written some files: with no record left, the next writes all.
    try {
      unlinkSync(this.recordPath);
    } catch {
      // There was none.
    }
  }

  /** True when the last build wrote exactly `data` to `path`: the file can be left as it is. */
  unchanged(path: string, data: string | Uint8Array, digest = contentDigest(data)): boolean {
    const i = this.indexFor(this.nameOf(path));
    this.digests[i] = digest;
    const same = this.previousDigests[i] === digest;
    if (same) this.skipped++;
    return same;
  }

  /**
   * When the last build made `path` from the same inputs (`inputKey`), keeps the file and returns its
   * content digest; otherwise undefined, and the caller makes the file and writes it (through `unchanged`).
   */
  reuse(path: string, inputKey: string): string | undefined {
    const i = this.indexFor(this.nameOf(path));
    this.inputs[i] = inputKey;
    if (this.previousInputs[i] !== inputKey) return undefined;
    const digest = this.previousDigests[i];
    if (digest === undefined) return undefined;
    this.digests[i] = digest;
    this.skipped++;
    return digest;
  }

  /** Keeps the last build's files under `folder` (a stage this build skips), neither rewritten nor deleted. */
  keep(folder: string): void {
    const prefix = `${folder.replace(/\/$/, '')}/`;
    for (let i = 0; i < this.previousCount; i++) {
      if (!(this.names[i] ?? '').startsWith(prefix)) continue;
      this.digests[i] = this.previousDigests[i];
      this.inputs[i] = this.previousInputs[i] ?? null;
    }
  }

  /** Deletes the files the last build recorded that this one did not produce, and saves this build's record. */
  finish(): number {
    let removed = 0;
    const names: string[] = [];
    const digests: string[] = [];
    const inputs: (string | null)[] = [];
    this.names.forEach((name, i) => {
      const digest = this.digests[i];
      if (digest !== undefined) {
        names.push(name);
        digests.push(digest);
        // A key is kept only for a file this build recorded (one it failed to make has none).
        inputs.push(this.inputs[i] ?? null);
        return;
      }
      if (i >= this.previousCount) return;
      const path = join(this.outDir, name);
      try {
        unlinkSync(path);
        removed++;
      } catch {
        // Already gone.
      }
      // A share page's folder (`article/<id>/`) goes with its page; a folder with other files stays.
      if (name.endsWith('/index.html')) {
        try {
          rmdirSync(dirname(path));
        } catch {
          // Not empty, or gone.
        }
      }
    });
    const record: Record = {
      format: RECORD_FORMAT,
      folder: this.outDir,
      identity: identityOf(this.outDir),
      inputVersion: this.inputVersion,
      names,
      digests,
      inputs,
    };
    mkdirSync(dirname(this.recordPath), { recursive: true });
    replaceFileSync(this.recordPath, JSON.stringify(record));
    return removed;
  }

  /** The index of `name` in the arrays, added when neither the last build nor this one named it yet. */
  private indexFor(name: string): number {
    let i = this.indexOf.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.indexOf.set(name, i);
      this.previousDigests.push(undefined);
      this.previousInputs.push(null);
      this.digests.push(undefined);
      this.inputs.push(null);
    }
    return i;
  }

  private nameOf(path: string): string {
    // Writers pass paths joined onto the output folder: slicing is the common case (path.relative cost
    // 0.6 s for 275k files).
    const prefix = this.outDir + sep;
    if (sep === '/' && path.startsWith(prefix) && !path.includes('/.')) return path.slice(prefix.length);
    return relative(this.outDir, path).split(sep).join('/');
  }

  /**
   * The last build's names, digests and input keys, if its record describes this very folder (and no input
   * keys when the code that made the files has changed); none otherwise.
   */
  private load(): void {
    let record: Partial<Record>;
    try {
      record = JSON.parse(readFileSync(this.recordPath, 'utf8')) as Partial<Record>;
    } catch {
      // No record, or not one this code can read: everything is written.
      return;
    }
    if (record.format !== RECORD_FORMAT || record.folder !== this.outDir) return;
    const identity = identityOf(this.outDir);
    if (identity === '' || record.identity !== identity) return;
    const { names = [], digests = [], inputs = [] } = record;
    const sameCode = record.inputVersion === this.inputVersion;
    names.forEach((name, i) => {
      const digest = digests[i];
      if (typeof name !== 'string' || typeof digest !== 'string' || this.indexOf.has(name)) return;
      this.indexOf.set(name, this.names.length);
      this.names.push(name);
      this.previousDigests.push(digest);
      const key = inputs[i];
      this.previousInputs.push(sameCode && typeof key === 'string' ? key : null);
    });
  }
}
