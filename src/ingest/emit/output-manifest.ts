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
 *
 * At 100k articles the record names 275k files. Kept as JSON (names, digests and keys as strings) it took
 * a rebuild 1.6 s to read and 0.7 s to write, most of it making and collecting 825k strings. It is binary
 * instead, read into typed arrays: each file's name and input key as 64-bit hashes (two FNV-style 32-bit
 * halves: a wrong match needs two different names, or keys, to share all 64 bits), its content digest
 * (sha1) as its 20 bytes, and the names themselves as one block of text that is decoded only when a
 * build must name files of the last one (to delete them, or to write a record of another set of files).
 */
import { createHash, hash } from 'node:crypto';
import { mkdirSync, rmdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { frameHeader, frameParts, framed } from '../framed-file.ts';
import { readLargeFileSync } from '../read-large-file.ts';
import { replaceFileSync } from '../replace-file.ts';
import { hash64 } from '../string-hash.ts';

const RECORD_FORMAT = 3;
const DIGEST_BYTES = 20;
/** Separates names in the record's block of names: no file name holds it. */
const NAME_SEPARATOR = '\0';

/** The record file's header (JSON, after its 4-byte length); the arrays follow, 8-byte aligned. */
interface Header {
  readonly format: typeof RECORD_FORMAT;
  readonly folder: string;
  readonly identity: string;
  readonly inputVersion: string;
  readonly count: number;
  /** The top-level folders of the names, which `folderOf` numbers (255: none). */
  readonly folders: readonly string[];
  readonly namesBytes: number;
  /** The token of the relate state the build saved ('' for none): see `previousStateToken`. */
  readonly stateToken?: string;
  /** Values a build's files depend on beyond their input keys, by name (see `sameContext`). */
  readonly contexts?: Record<string, string>;
}

/** The last build's files, in the record's order. */
interface Previous {
  readonly count: number;
  /** Name hash of file i: [2i] and [2i + 1]. */
  readonly nameHashes: Uint32Array;
  readonly inputHashes: Uint32Array;
  readonly hasInput: Uint8Array;
  readonly folderOf: Uint8Array;
  readonly folders: readonly string[];
  /** 20 bytes per file. */
  readonly digests: Buffer;
  /** The names, separated by NAME_SEPARATOR, undecoded. */
  readonly names: Buffer;
}

const NO_FOLDER = 255;

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

function topFolder(name: string): string {
  const slash = name.indexOf('/');
  return slash < 0 ? '' : name.slice(0, slash);
}

/** What this build did with each of the last build's files. */
const enum Fate {
  /** Not produced (yet): deleted at the end. */
  None = 0,
  /** Produced with the last build's content. */
  Same = 1,
  /** Produced with new content (its digest in `digestsNow`). */
  New = 2,
}

export class OutputManifest {
  private readonly previous: Previous;
  /** Open addressing over the last build's name hashes: slot → file index + 1 (0: empty). */
  private readonly table: Int32Array;
  private readonly fate: Uint8Array;
  private readonly digestsNow: Buffer;
  private readonly inputHashesNow: Uint32Array;
  private readonly hasInputNow: Uint8Array;
  /** Files the last build did not record, by name: their index in the `added…` arrays. */
  private readonly added = new Map<string, number>();
  private readonly addedNames: string[] = [];
  private readonly addedDigests: (string | undefined)[] = [];
  private readonly addedInputs: (readonly [number, number] | null)[] = [];
  private readonly scratch = new Uint32Array(2);
  private readonly recordPath: string;
  private readonly outDir: string;
  /** The output folder and a separator: what a path in it starts with. */
  private readonly prefix: string;
  skipped = 0;
  /**
   * The token of the relate state the last build saved with this output (relate-state.ts), or '': when
   * it is the state this build updated from, the articles the update did not change have the entries
   * (story and related list) that build wrote here.
   */
  readonly previousStateToken: string;
  private readonly previousContexts: Readonly<Record<string, string>>;
  private readonly contexts: Record<string, string> = {};

  constructor(
    cacheDir: string,
    outDir: string,
    private readonly inputVersion = '',
  ) {
    this.outDir = resolve(outDir);
    this.prefix = this.outDir + sep;
    const key = createHash('sha256').update(this.outDir).digest('hex').slice(0, 16);
    this.recordPath = join(cacheDir, `${key}.bin`);
    // The JSON record of earlier versions is not read: it goes.
    rmSync(join(cacheDir, `${key}.json`), { force: true });
    const { previous, stateToken, contexts } = this.load();
    this.previous = previous;
    this.previousStateToken = stateToken;
    this.previousContexts = contexts;
    const { count } = this.previous;
    let size = 1;
    while (size < count * 2) size *= 2;
    this.table = new Int32Array(size);
    for (let i = 0; i < count; i++) {
      const h0 = this.previous.nameHashes[2 * i] ?? 0;
      let slot = h0 & (size - 1);
      while ((this.table[slot] ?? 0) !== 0) slot = (slot + 1) & (size - 1);
      this.table[slot] = i + 1;
    }
    this.fate = new Uint8Array(count);
    this.digestsNow = Buffer.alloc(count * DIGEST_BYTES);
    this.inputHashesNow = new Uint32Array(count * 2);
    this.hasInputNow = new Uint8Array(count);
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
    const i = this.find(name);
    if (i < 0) {
      this.addedDigests[this.addedIndex(name)] = digest;
      return false;
    }
    const at = i * DIGEST_BYTES;
    this.digestsNow.write(digest, at, DIGEST_BYTES, 'base64');
    const same = this.digestsNow.compare(this.previous.digests, at, at + DIGEST_BYTES, at, at + DIGEST_BYTES) === 0;
    this.fate[i] = same ? Fate.Same : Fate.New;
    if (same) this.skipped++;
    return same;
  }

  /**
   * When the last build made the file `name` (relative to the output folder, as nameOf makes names) from
   * the same inputs (`inputKey`), keeps the file and returns its content digest; otherwise undefined, and
   * the caller makes the file and writes it (through `unchanged`).
   */
  reuse(name: string, inputKey: string): string | undefined {
    const i = this.find(name);
    hash64(inputKey, this.scratch);
    const [k0 = 0, k1 = 0] = this.scratch;
    if (i < 0) {
      this.addedInputs[this.addedIndex(name)] = [k0, k1];
      return undefined;
    }
    this.inputHashesNow[2 * i] = k0;
    this.inputHashesNow[2 * i + 1] = k1;
    this.hasInputNow[i] = 1;
    const { hasInput, inputHashes, digests } = this.previous;
    if (hasInput[i] !== 1 || inputHashes[2 * i] !== k0 || inputHashes[2 * i + 1] !== k1) return undefined;
    this.fate[i] = Fate.Same;
    this.skipped++;
    return digests.toString('base64', i * DIGEST_BYTES, (i + 1) * DIGEST_BYTES);
  }

  /**
   * Keeps the last build's file `name` as it is, with its input key, when the last build made it under
   * this code (it has a key): for a file whose inputs the caller knows unchanged without keying them (an
   * article the relate update left alone). Returns its content digest, or undefined: the caller makes it.
   */
  keepFile(name: string): string | undefined {
    const i = this.find(name);
    const { hasInput, inputHashes, digests } = this.previous;
    if (i < 0 || hasInput[i] !== 1) return undefined;
    this.fate[i] = Fate.Same;
    this.hasInputNow[i] = 1;
    this.inputHashesNow[2 * i] = inputHashes[2 * i] ?? 0;
    this.inputHashesNow[2 * i + 1] = inputHashes[2 * i + 1] ?? 0;
    this.skipped++;
    return digests.toString('base64', i * DIGEST_BYTES, (i + 1) * DIGEST_BYTES);
  }

  /**
   * Records `value` under `name` for the next build (a value some files depend on that their input keys
   * leave out, such as the page template share pages are made in) and tells whether the last build, under
   * this code, recorded the same.
   */
  sameContext(name: string, value: string): boolean {
    this.contexts[name] = value;
    return this.previousContexts[name] === value;
  }

  /**
   * Keeps the last build's files under `folder`, a top-level folder of the output (a stage this build
   * skips: `og`), neither rewritten nor deleted.
   */
  keep(folder: string): void {
    const id = this.previous.folders.indexOf(folder.replace(/\/$/, ''));
    if (id < 0) return;
    const { folderOf, hasInput, inputHashes } = this.previous;
    for (let i = 0; i < this.previous.count; i++) {
      if (folderOf[i] !== id) continue;
      this.fate[i] = Fate.Same;
      this.hasInputNow[i] = hasInput[i] ?? 0;
      this.inputHashesNow[2 * i] = inputHashes[2 * i] ?? 0;
      this.inputHashesNow[2 * i + 1] = inputHashes[2 * i + 1] ?? 0;
    }
  }

  /**
   * Deletes the files the last build recorded that this one did not produce, and saves this build's record
   * with the token of the relate state this build saved (none: '').
   */
  finish(stateToken = ''): number {
    const { count } = this.previous;
    let removed = 0;
    let kept = 0;
    for (let i = 0; i < count; i++) if (this.fate[i] !== Fate.None) kept++;
    // Only the names of deleted files are decoded; the next record's block of names is the last one's
    // with the deleted names cut out and the added ones appended, written as pieces (decoding and joining
    // all 275k names at 100k articles cost a rebuild that added or removed one article half a second).
    const addedKept = this.addedNames.filter((_, j) => this.addedDigests[j] !== undefined);
    const sameFiles = kept === count && addedKept.length === 0;
    const starts = kept === count ? new Int32Array(0) : nameStarts(this.previous.names, count);
    if (kept !== count) {
      for (let i = 0; i < count; i++) {
        if (this.fate[i] !== Fate.None) continue;
        const name = this.previous.names.toString('utf8', starts[i], (starts[i + 1] ?? 0) - 1);
        const path = join(this.outDir, name);
        try {
          unlinkSync(path);
          removed++;
        } catch {
          // Already gone.
        }
        // A share page's folder (`article/<id>/`) goes with its page; a folder with other files stays.
        if (path.endsWith('/index.html')) {
          try {
            rmdirSync(dirname(path));
          } catch {
            // Not empty, or gone.
          }
        }
      }
    }
    const total = kept + addedKept.length;
    const nameHashes = new Uint32Array(total * 2);
    const inputHashes = new Uint32Array(total * 2);
    const hasInput = new Uint8Array(total);
    const folderOf = new Uint8Array(total);
    const digests = Buffer.alloc(total * DIGEST_BYTES);
    const folders = [...this.previous.folders];
    const folderId = (name: string): number => {
      const top = topFolder(name);
      let id = folders.indexOf(top);
      if (id < 0 && folders.length < NO_FOLDER) id = folders.push(top) - 1;
      return id < 0 ? NO_FOLDER : id;
    };
    let r = 0;
    const prev = this.previous;
    for (let i = 0; i < count; i++) {
      const fate = this.fate[i];
      if (fate === Fate.None) continue;
      nameHashes[2 * r] = prev.nameHashes[2 * i] ?? 0;
      nameHashes[2 * r + 1] = prev.nameHashes[2 * i + 1] ?? 0;
      // A key is kept only for a file this build recorded (one it failed to make has none).
      hasInput[r] = this.hasInputNow[i] ?? 0;
      inputHashes[2 * r] = this.inputHashesNow[2 * i] ?? 0;
      inputHashes[2 * r + 1] = this.inputHashesNow[2 * i + 1] ?? 0;
      folderOf[r] = prev.folderOf[i] ?? NO_FOLDER;
      (fate === Fate.New ? this.digestsNow : prev.digests).copy(
        digests,
        r * DIGEST_BYTES,
        i * DIGEST_BYTES,
        (i + 1) * DIGEST_BYTES,
      );
      r++;
    }
    this.addedNames.forEach((name, j) => {
      const digest = this.addedDigests[j];
      if (digest === undefined) return;
      hash64(name, this.scratch);
      nameHashes[2 * r] = this.scratch[0] ?? 0;
      nameHashes[2 * r + 1] = this.scratch[1] ?? 0;
      const input = this.addedInputs[j] ?? null;
      hasInput[r] = input === null ? 0 : 1;
      inputHashes[2 * r] = input?.[0] ?? 0;
      inputHashes[2 * r + 1] = input?.[1] ?? 0;
      folderOf[r] = folderId(name);
      digests.write(digest, r * DIGEST_BYTES, DIGEST_BYTES, 'base64');
      r++;
    });
    const names = sameFiles ? [prev.names] : keptNames(prev.names, starts, this.fate, addedKept);
    const header: Header = {
      format: RECORD_FORMAT,
      folder: this.outDir,
      identity: identityOf(this.outDir),
      inputVersion: this.inputVersion,
      count: total,
      folders,
      namesBytes: names.reduce((bytes, piece) => bytes + piece.length, 0),
      stateToken,
      contexts: this.contexts,
    };
    mkdirSync(dirname(this.recordPath), { recursive: true });
    replaceFileSync(
      this.recordPath,
      framed(header, [
        new Uint8Array(nameHashes.buffer),
        new Uint8Array(inputHashes.buffer),
        hasInput,
        folderOf,
        digests,
        names,
      ]),
    );
    return removed;
  }

  /** The last build's file named `name`, or -1. */
  private find(name: string): number {
    const { count, nameHashes } = this.previous;
    if (count === 0) return -1;
    hash64(name, this.scratch);
    const [h0 = 0, h1 = 0] = this.scratch;
    const mask = this.table.length - 1;
    for (let slot = h0 & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot] ?? 0;
      if (entry === 0) return -1;
      const i = entry - 1;
      if (nameHashes[2 * i] === h0 && nameHashes[2 * i + 1] === h1) return i;
    }
  }

  /** The index of a file the last build did not record, added on first sight. */
  private addedIndex(name: string): number {
    let j = this.added.get(name);
    if (j === undefined) {
      j = this.addedNames.push(name) - 1;
      this.addedDigests.push(undefined);
      this.addedInputs.push(null);
      this.added.set(name, j);
    }
    return j;
  }

  private nameOf(path: string): string {
    // Writers pass paths joined onto the output folder: slicing is the common case (path.relative cost
    // 0.6 s for 275k files).
    const prefix = this.prefix;
    if (sep === '/' && path.startsWith(prefix) && !path.includes('/.')) return path.slice(prefix.length);
    return relative(this.outDir, path).split(sep).join('/');
  }

  /**
   * The last build's files, if its record describes this very folder (and without input keys when the code
   * that made the files has changed); none otherwise.
   */
  private load(): { previous: Previous; stateToken: string; contexts: Record<string, string> } {
    const empty: Previous = {
      count: 0,
      nameHashes: new Uint32Array(0),
      inputHashes: new Uint32Array(0),
      hasInput: new Uint8Array(0),
      folderOf: new Uint8Array(0),
      folders: [],
      digests: Buffer.alloc(0),
      names: Buffer.alloc(0),
    };
    const none = { previous: empty, stateToken: '', contexts: {} };
    let file: Buffer;
    try {
      file = readLargeFileSync(this.recordPath);
    } catch {
      return none;
    }
    try {
      const header = frameHeader(file) as Partial<Header>;
      if (header.format !== RECORD_FORMAT || header.folder !== this.outDir) return none;
      const identity = identityOf(this.outDir);
      if (identity === '' || header.identity !== identity) return none;
      const count = header.count ?? 0;
      const sizes = [count * 8, count * 8, count, count, count * DIGEST_BYTES, header.namesBytes ?? 0];
      const [nameHashes, inputHashes, hasInput, folderOf, digests, names] = frameParts(file, sizes);
      if (nameHashes === undefined || inputHashes === undefined || hasInput === undefined) return none;
      if (folderOf === undefined || digests === undefined || names === undefined) return none;
      const sameCode = header.inputVersion === this.inputVersion;
      const previous: Previous = {
        count,
        nameHashes: new Uint32Array(nameHashes.buffer, nameHashes.byteOffset, count * 2),
        inputHashes: new Uint32Array(inputHashes.buffer, inputHashes.byteOffset, count * 2),
        // Keys of inputs hold only for the code that made the files.
        hasInput: sameCode ? hasInput : new Uint8Array(count),
        folderOf,
        folders: header.folders ?? [],
        digests,
        names,
      };
      // The state token and contexts, like the input keys, speak for the code that made the files.
      if (!sameCode) return { ...none, previous };
      return { previous, stateToken: header.stateToken ?? '', contexts: header.contexts ?? {} };
    } catch {
      // Not a record this code can read: everything is written.
      return none;
    }
  }
}

/**
 * Where each of a block's `count` names starts (in bytes); at [count], the block's length + 1, so that
 * name i is bytes starts[i] to starts[i + 1] - 1 (its separator cut off).
 */
function nameStarts(block: Buffer, count: number): Int32Array {
  const starts = new Int32Array(count + 1);
  let i = 0;
  for (let at = 0; at < block.length; at++) if (block[at] === 0) starts[++i] = at + 1;
  starts[count] = block.length + 1;
  return starts;
}

/**
 * The block of names of the files kept (fate not None), in order, then the added `names`, as pieces to be
 * written one after another. `starts` (nameStarts) is needed only when some file is not kept.
 */
function keptNames(block: Buffer, starts: Int32Array, fate: Uint8Array, names: readonly string[]): Uint8Array[] {
  const runs: Uint8Array[] = [];
  if (fate.every((f) => f !== Fate.None)) {
    if (fate.length > 0) runs.push(block);
  } else {
    let run = -1;
    for (let i = 0; i <= fate.length; i++) {
      const kept = i < fate.length && fate[i] !== Fate.None;
      if (kept && run < 0) run = i;
      if (!kept && run >= 0) {
        runs.push(block.subarray(starts[run], (starts[i] ?? 0) - 1));
        run = -1;
      }
    }
  }
  if (names.length > 0) runs.push(Buffer.from(names.join(NAME_SEPARATOR)));
  const separator = Buffer.from(NAME_SEPARATOR);
  return runs.flatMap((piece, k) => (k === 0 ? [piece] : [separator, piece]));
}
