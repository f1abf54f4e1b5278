/**
 * What the last build wrote into an output folder, so a rebuild rewrites only the files whose content
 * changed and deletes the ones no longer produced (an article removed since). At 100k articles the
 * per-article files are 2.5 GB; writing them took most of a rebuild in which one article changed.
 *
 * The record is a digest per file, kept in the cache folder and tied to the output folder's identity
 * (device and inode): a folder deleted and made again, or a different one, starts from an empty record,
 * so a file is never skipped that is not there. Files edited by hand in the output are not noticed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

interface Record {
  readonly folder: string;
  readonly identity: string;
  readonly digests: { [path: string]: string };
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
  private readonly current = new Map<string, string>();
  private readonly recordPath: string;
  private readonly outDir: string;
  skipped = 0;

  constructor(cacheDir: string, outDir: string) {
    this.outDir = resolve(outDir);
    const key = createHash('sha256').update(this.outDir).digest('hex').slice(0, 16);
    this.recordPath = join(cacheDir, `${key}.json`);
    this.previous = this.load();
    // A build that fails halfway may have written some files: with no record left, the next writes all.
    try {
      unlinkSync(this.recordPath);
    } catch {
      // There was none.
    }
  }

  /** True when the last build wrote exactly `data` to `path`: the file can be left as it is. */
  unchanged(path: string, data: string | Uint8Array): boolean {
    const name = relative(this.outDir, path).split(sep).join('/');
    const digest = createHash('sha1').update(data).digest('base64');
    this.current.set(name, digest);
    const same = this.previous.get(name) === digest;
    if (same) this.skipped++;
    return same;
  }

  /** Keeps the last build's files under `folder` (a stage this build skips), neither rewritten nor deleted. */
  keep(folder: string): void {
    const prefix = `${folder.replace(/\/$/, '')}/`;
    for (const [name, digest] of this.previous) if (name.startsWith(prefix)) this.current.set(name, digest);
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
    const record: Record = {
      folder: this.outDir,
      identity: identityOf(this.outDir),
      digests: Object.fromEntries(this.current),
    };
    mkdirSync(dirname(this.recordPath), { recursive: true });
    const temporary = `${this.recordPath}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(record));
    renameSync(temporary, this.recordPath);
    return removed;
  }

  /** The last build's record, if it describes this very folder; an empty one otherwise. */
  private load(): Map<string, string> {
    try {
      const record = JSON.parse(readFileSync(this.recordPath, 'utf8')) as Record;
      const identity = identityOf(this.outDir);
      if (record.folder !== this.outDir || identity === '' || record.identity !== identity) return new Map();
      return new Map(Object.entries(record.digests));
    } catch {
      return new Map();
    }
  }
}
