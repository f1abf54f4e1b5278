/**
 * Extraction results kept between builds, so a rebuild extracts only the files that changed. An entry
 * is keyed by a hash of the file's name and bytes and of the extractor's code version (every module of
 * the extractor, the shared schema and the language detector's version), so an edit to a file or to
 * the extractor makes its old entries unreachable.
 *
 * Entries live in SHARDS files picked by the key's first hex digits: 100k small files would cost more to
 * open than to extract again, and one big file would be rewritten whole for one changed article. A shard
 * is rewritten only when the set of keys it should hold changed, and then holds exactly this build's
 * entries, so deleted and edited articles leave nothing behind. A shard that cannot be read or parsed is
 * treated as empty (its files are extracted again and the shard rewritten).
 *
 * A shard keeps the articles without their text in one file (`<shard>.meta.jsonl`) and their blocks and removed
 * lines in 16 smaller files by the key's next hex digit (`<shard><digit>.body.jsonl`). A rebuild needs
 * every article's headline, dates and counts but the text of the few whose files it writes again: an article
 * read back gets its text from its body file when something first asks for it (a getter), so most bodies
 * (nine tenths of the cache's bytes) are never parsed, and one article's costs a part of a shard's.
 */
import { createHash, hash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { digestOfBytes } from '../input-index.ts';
import { packageVersion } from '../package-version.ts';
import { replaceFileSync } from '../replace-file.ts';
import { hashSourcesReached, modulesIn } from '../source-version.ts';
import type { Article } from '../../shared/article-schema.ts';
import type { ExtractOutcome } from './extract-task.ts';

/** 256 shards: at 100k articles about 400 entries (a few MB) each. */
const SHARD_HEX_DIGITS = 2;

export interface CacheableInput {
  readonly file: string;
  readonly bytes: Uint8Array;
  /** sha256 of the bytes in hex, when known: the bytes are then not read or hashed again. */
  readonly digest?: string;
}

/** The extractor's modules: this folder's, and what they import (source-version.ts). */
export function extractorSources(): URL[] {
  return modulesIn(new URL('./', import.meta.url));
}

/** Hash of the extractor's own source and of the libraries whose output it keeps. */
export function extractorVersion(): string {
  return hashSourcesReached(createHash('sha256'), extractorSources())
    .update(packageVersion('eld'))
    .digest('hex')
    .slice(0, 16);
}

/** What the body file holds for each article. */
type Body = Pick<Article, 'blocks' | 'removed'>;

/**
 * A shard's meta file is JSON lines: this header, then one `[key, outcome]` line per entry (the article
 * without its body). Lines, not one JSON text: V8 puts a string over 128 KB in memory of its own, fresh from
 * the system each time, and on the bench VM turning a 100k rebuild's 256 meta files of about 165 KB into
 * strings took 370–550 ms where the same bytes as strings under that size took 20 ms; reading and parsing
 * them went from 434–722 ms whole to 144–234 ms line by line (scratch script on the built 100k cache).
 */
interface ShardHeader {
  /** The length of each body file, as written with this meta file. */
  readonly bodyBytes: Record<string, number>;
  /** How many entry lines follow: a file with fewer is damaged. */
  readonly count: number;
}

const metaFile = (shard: string) => `${shard}.meta.jsonl`;
/** A body file holds one `[key, { blocks, removed }]` line per article. */
const bodyFile = (part: string) => `${part}.body.jsonl`;

/**
 * Values as JSON lines in one buffer, each made a string on its own (see ShardHeader: no string over 128 KB).
 * Making a body file's 120 KB as one JSON text and encoding it took 1.27–1.65 s for a quarter of the 100k
 * cache's body files, line by line 0.68–0.93 s (scratch script).
 */
function jsonLines(values: readonly unknown[], stringify: (value: unknown) => string): Buffer {
  const lines = values.map((value) => `${stringify(value)}\n`);
  let bytes = 0;
  for (const line of lines) bytes += Buffer.byteLength(line);
  const buffer = Buffer.allocUnsafe(bytes);
  let at = 0;
  for (const line of lines) at += buffer.write(line, at);
  return buffer;
}

/** Each line of a file of JSON lines, parsed; a last line without its line break is damage (throws). */
function parsedLines(bytes: Buffer): unknown[] {
  const values: unknown[] = [];
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    if (end < 0) throw new Error('a line without its end');
    values.push(JSON.parse(bytes.toString('utf8', start, end)));
    start = end + 1;
  }
  return values;
}

export class ExtractionCache {
  private readonly folder: string;
  /** Keys each shard held when read, to tell whether it needs writing. */
  private readonly loaded = new Map<string, Set<string>>();
  /** The length of each body file of a shard read whole (or written), as its meta file records them. */
  private readonly bodyLengths = new Map<string, Record<string, number>>();
  /** Body files parsed so far. */
  private readonly bodies = new Map<string, Record<string, Body>>();
  /** The prototype of this cache's articles read back: their text comes from its body files. */
  private readonly lazyBody = lazyBodyPrototype((key) => this.bodyOf(partOf(key), key));

  /** `root` holds one folder per extractor version; other versions' folders are removed on save. */
  constructor(
    private readonly root: string,
    private readonly version: string = extractorVersion(),
  ) {
    this.folder = join(root, version);
  }

  keyOf(input: CacheableInput): string {
    // One call on the joined text (the same bytes as updates in turn): 100k hash objects cost a rebuild 0.2 s.
    const digest = input.digest ?? digestOfBytes(input.bytes);
    return hash('sha256', `${this.version}\0${input.file}\0${digest}`, 'hex').slice(0, 32);
  }

  /** The cached outcome of each input, or undefined where there is none. */
  lookup(keys: readonly string[]): (ExtractOutcome | undefined)[] {
    const shards = new Map<string, Record<string, ExtractOutcome>>();
    for (const key of keys) {
      const shard = shardOf(key);
      if (!shards.has(shard)) shards.set(shard, this.readShard(shard));
    }
    return keys.map((key) => shards.get(shardOf(key))?.[key]);
  }

  /** Stores this build's outcomes (one per key), rewriting only the shards whose keys changed. */
  save(keys: readonly string[], outcomes: readonly ExtractOutcome[]): void {
    mkdirSync(this.folder, { recursive: true });
    // Which shards' sets of keys changed, told key by key; only those shards' entries are gathered (at
    // 100k articles, a pair per entry for every shard was 100k arrays a rebuild, for the one shard it wrote).
    const counts = new Map<string, number>();
    const changed = new Set<string>();
    keys.forEach((key, i) => {
      if (outcomes[i] === undefined) return;
      const shard = shardOf(key);
      counts.set(shard, (counts.get(shard) ?? 0) + 1);
      if (this.loaded.get(shard)?.has(key) !== true) changed.add(shard);
    });
    for (const [shard, count] of counts) if (this.loaded.get(shard)?.size !== count) changed.add(shard);
    const byShard = new Map<string, [string, ExtractOutcome][]>();
    keys.forEach((key, i) => {
      const outcome = outcomes[i];
      const shard = shardOf(key);
      if (outcome === undefined || !changed.has(shard)) return;
      const entries = byShard.get(shard);
      if (entries === undefined) byShard.set(shard, [[key, outcome]]);
      else entries.push([key, outcome]);
    });
    for (const [shard, entries] of byShard) {
      // A body file whose set of keys is the one read is kept as it is (its text is not even read): a
      // changed file touches one body file of its shard, not all 16.
      const before = this.loaded.get(shard) ?? new Set<string>();
      const lengths = this.bodyLengths.get(shard) ?? {};
      const countBefore = new Map<string, number>();
      for (const key of before) countBefore.set(partOf(key), (countBefore.get(partOf(key)) ?? 0) + 1);
      const countNow = new Map<string, number>();
      const newKeyIn = new Set<string>();
      for (const [key] of entries) {
        countNow.set(partOf(key), (countNow.get(partOf(key)) ?? 0) + 1);
        if (!before.has(key)) newKeyIn.add(partOf(key));
      }
      const keptPart = (part: string) =>
        lengths[part] !== undefined && !newKeyIn.has(part) && countBefore.get(part) === countNow.get(part);
      const metas: Record<string, ExtractOutcome> = {};
      const parts = new Map<string, Record<string, Body>>();
      for (const [key, outcome] of entries) {
        if ('failure' in outcome) {
          metas[key] = outcome;
          continue;
        }
        metas[key] = { article: withoutBody(outcome.article) };
        const part = partOf(key);
        if (keptPart(part)) continue;
        let bodies = parts.get(part);
        if (bodies === undefined) parts.set(part, (bodies = {}));
        bodies[key] = { blocks: outcome.article.blocks, removed: outcome.article.removed };
      }
      // The bodies first, and their lengths in the meta file: a body file that is not the one its meta file
      // was written with (a build stopped between the two, a truncated file) makes the shard count as missing.
      const bodyBytes: Record<string, number> = {};
      for (const digit of HEX) {
        const part = `${shard}${digit}`;
        const kept = lengths[part];
        if (kept !== undefined && keptPart(part)) {
          bodyBytes[part] = kept;
          continue;
        }
        const bodies = parts.get(part);
        const path = join(this.folder, bodyFile(part));
        if (bodies === undefined) {
          rmSync(path, { force: true });
          continue;
        }
        const body = jsonLines(Object.entries(bodies), JSON.stringify);
        replaceFileSync(path, body);
        bodyBytes[part] = body.length;
        this.bodies.set(part, bodies);
      }
      const header: ShardHeader = { bodyBytes, count: Object.keys(metas).length };
      replaceFileSync(join(this.folder, metaFile(shard)), jsonLines([header, ...Object.entries(metas)], asciiJson));
      this.loaded.set(shard, new Set(entries.map(([key]) => key)));
      this.bodyLengths.set(shard, bodyBytes);
    }
    for (const name of safeReaddir(this.folder)) {
      if (/\.jsonl?$/.test(name) && !counts.has(shardOf(name))) rmSync(join(this.folder, name), { force: true });
    }
    for (const name of safeReaddir(this.root)) {
      if (name !== this.version) rmSync(join(this.root, name), { recursive: true, force: true });
    }
  }

  private readShard(shard: string): Record<string, ExtractOutcome> {
    let entries: Record<string, ExtractOutcome> = {};
    try {
      const [header, ...lines] = parsedLines(readFileSync(join(this.folder, metaFile(shard)))) as [
        Partial<ShardHeader>,
        ...[string, ExtractOutcome][],
      ];
      const read: Record<string, ExtractOutcome> = {};
      for (const [key, outcome] of lines) read[key] = outcome;
      const count = lines.length;
      const whole =
        header.bodyBytes !== undefined &&
        count === header.count &&
        Object.entries(header.bodyBytes).every(
          ([part, size]) => statSync(join(this.folder, bodyFile(part))).size === size,
        );
      if (whole) {
        entries = read;
        this.bodyLengths.set(shard, header.bodyBytes ?? {});
      }
    } catch {
      // Missing or damaged: every file of this shard is extracted again and the shard rewritten.
    }
    const keys = new Set<string>();
    for (const key in entries) {
      keys.add(key);
      const outcome = entries[key];
      if (outcome !== undefined && 'article' in outcome) withBodyFrom(outcome.article, key, this.lazyBody);
    }
    this.loaded.set(shard, keys);
    return entries;
  }

  /**
   * An article's body from its shard's body file, parsed on first use. A body file that is missing or
   * damaged while its meta file is whole is the cache's fault: the build stops and names the shard.
   */
  private bodyOf(part: string, key: string): Body {
    let bodies = this.bodies.get(part);
    if (bodies === undefined) {
      const path = join(this.folder, bodyFile(part));
      try {
        const read: Record<string, Body> = {};
        for (const [entry, body] of parsedLines(readFileSync(path)) as [string, Body][]) read[entry] = body;
        bodies = read;
      } catch (error) {
        throw new Error(`the extraction cache's ${path} cannot be read (delete the cache folder): ${String(error)}`, {
          cause: error,
        });
      }
      this.bodies.set(part, bodies);
    }
    const body = bodies[key];
    if (body === undefined) throw new Error(`the extraction cache's ${bodyFile(part)} has no entry ${key}`);
    return body;
  }
}

/** An article read back keeps its cache key here (not enumerable): its prototype finds its text by it. */
const BODY_KEY = Symbol('extraction cache key');

type LazyArticle = Article & { readonly [BODY_KEY]: string };

/**
 * The prototype of articles read without their text: `blocks` and `removed` are read from the body file on
 * first use, and the article serialises as one extracted afresh does (its fields, then those two). One
 * prototype for all rather than two getters defined on each article: at 100k articles, those made every
 * article a dictionary of properties with its closures, 100 MB more heap and a second more to read.
 * (Spreading such an article copies its own fields only: build code reads articles, it does not copy them.)
 */
function lazyBodyPrototype(bodyOf: (key: string) => Body): object {
  return {
    get blocks(): Body['blocks'] {
      return bodyOf((this as unknown as LazyArticle)[BODY_KEY]).blocks;
    },
    get removed(): Body['removed'] {
      return bodyOf((this as unknown as LazyArticle)[BODY_KEY]).removed;
    },
    toJSON(): Article {
      const article = this as unknown as LazyArticle;
      return { ...article, blocks: article.blocks, removed: article.removed };
    },
  };
}

/**
 * An article's fields but its text. One read back from the cache holds only those as its own fields (its
 * text comes through its prototype), so they are copied without its text being read.
 */
function withoutBody(article: Article): Article {
  const meta: Partial<Article> = { ...article };
  delete meta.blocks;
  delete meta.removed;
  return meta as Article;
}

/** Makes an article read without its text (a parsed plain object) read it through `prototype`. */
function withBodyFrom(article: Article, key: string, prototype: object): void {
  Object.defineProperty(article, BODY_KEY, { value: key });
  Object.setPrototypeOf(article, prototype);
}

/**
 * JSON with every character outside ASCII written as a `\u` escape. Every rebuild reads all meta files (43 MB
 * at 100k articles), and headlines' curly quotes made nearly all of them UTF-8 to decode into two-byte
 * strings: reading and parsing them took 520–640 ms, the same files in ASCII 380–485 ms (bench VM).
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function shardOf(key: string): string {
  return key.slice(0, SHARD_HEX_DIGITS);
}

const HEX = '0123456789abcdef';

/** The body file of a key: its shard and one hex digit more (at 100k articles, about 25 articles' text). */
function partOf(key: string): string {
  return key.slice(0, SHARD_HEX_DIGITS + 1);
}

function safeReaddir(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
