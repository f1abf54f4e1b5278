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
  private readonly previous: ReadonlyMap<string, string>;
  private readonly previousInputs: ReadonlyMap<string, string>;
  private readonly current = new Map<string, string>();
  private readonly currentInputs = new Map<string, string>();
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
    [this.previous, this.previousInputs] = this.load();
    // A build that fails halfway may have written some files: with no record left, the next writes all.
    try {
      unlinkSync(this.recordPath);
    } catch {
      // There was none.
    }
  }

  /** True when the last build wrote exactly `data` to `path`: the file can be left as it is. */
  unchanged(path: string, data: string | Uint8Array, digest = contentDigest(data)): boolean {
    const name = this.nameOf(path);
    this.current.set(name, digest);
    const same = this.previous.get(name) === digest;
    if (same) this.skipped++;
    return same;
  }

  /**
   * When the last build made `path` from the same inputs (`inputKey`), keeps the file and returns its
   * content digest; otherwise undefined, and the caller makes the file and writes it (through `unchanged`).
   */
  reuse(path: string, inputKey: string): string | undefined {
    const name = this.nameOf(path);
    this.currentInputs.set(name, inputKey);
    if (this.previousInputs.get(name) !== inputKey) return undefined;
    const digest = this.previous.get(name);
    if (digest === undefined) return undefined;
    this.current.set(name, digest);
    this.skipped++;
    return digest;
  }

  /** Keeps the last build's files under `folder` (a stage this build skips), neither rewritten nor deleted. */
  keep(folder: string): void {
    const prefix = `${folder.replace(/\/$/, '')}/`;
    for (const [name, digest] of this.previous) if (name.startsWith(prefix)) this.current.set(name, digest);
    for (const [name, key] of this.previousInputs) if (name.startsWith(prefix)) this.currentInputs.set(name, key);
  }

  /** Deletes the files the last build recorded that this one did not produce, and saves this build's record. */
  finish(): number {
    let removed = 0;
    for (const name of this.previous.keys()) {
      if (this.current.has(name)) continue;
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
    }
    const names = [...this.current.keys()];
    const record: Record = {
      format: RECORD_FORMAT,
      folder: this.outDir,
      identity: identityOf(this.outDir),
      inputVersion: this.inputVersion,
      names,
      digests: [...this.current.values()],
      // A key is kept only for a file this build recorded (one it failed to make has none).
      inputs: names.map((name) => this.currentInputs.get(name) ?? null),
    };
    mkdirSync(dirname(this.recordPath), { recursive: true });
    replaceFileSync(this.recordPath, JSON.stringify(record));
    return removed;
  }

  private nameOf(path: string): string {
    // Writers pass paths joined onto the output folder: slicing is the common case (path.relative cost
    // 0.6 s for 275k files).
    const prefix = this.outDir + sep;
    if (sep === '/' && path.startsWith(prefix) && !path.includes('/.')) return path.slice(prefix.length);
    return relative(this.outDir, path).split(sep).join('/');
  }

  /**
   * The last build's digests and input keys, if its record describes this very folder; empty ones
   * otherwise (and no input keys when the code that made the files has changed).
   */
  private load(): [Map<string, string>, Map<string, string>] {
    const digests = new Map<string, string>();
    const inputs = new Map<string, string>();
    try {
      const record = JSON.parse(readFileSync(this.recordPath, 'utf8')) as Partial<Record>;
      const identity = identityOf(this.outDir);
      if (record.format !== RECORD_FORMAT || record.folder !== this.outDir) return [digests, inputs];
      if (identity === '' || record.identity !== identity) return [digests, inputs];
      const { names = [], digests: contents = [], inputs: keys = [] } = record;
      const sameCode = record.inputVersion === this.inputVersion;
      names.forEach((name, i) => {
        const digest = contents[i];
        if (digest === undefined) return;
        digests.set(name, digest);
        const key = keys[i];
        if (sameCode && typeof key === 'string') inputs.set(name, key);
      });
    } catch {
      // No record, or not one this code can read: everything is written.
    }
    return [digests, inputs];
  }
}
