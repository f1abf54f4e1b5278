/**
 * Tokenised chunks kept between builds (see tokenise-corpus.ts): a chunk's tokens are a pure function of
 * its articles' texts, so a rebuild tokenises again only the chunks holding a changed article and reads
 * the others back (at 100k articles, tokenising was 6 s of every rebuild). A chunk is keyed by its
 * articles' extraction keys (each names a file's name and bytes) and the tokeniser's code version.
 *
 * Chunks are cut where an article's key says so (content-defined, as backup tools cut files), not every
 * N articles: adding or removing an article changes only the chunk it falls in, where fixed cuts would
 * move every later one. Chunk cuts do not change the corpus the chunks merge into.
 *
 * A file holds a chunk as a JSON header (its strings and array lengths) and the typed arrays' bytes; one
 * that cannot be read is tokenised again. Files no build used since are removed.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFileSync } from '../replace-file.ts';
import { hashSourcesReached } from '../source-version.ts';
import { fnv1a } from '../string-hash.ts';
import type { TokenisedChunk } from './tokenise-corpus.ts';

/** Hash of the tokeniser's own source: chunks tokenised by other code are not reused. */
export function tokeniserVersion(): string {
  return hashSourcesReached(createHash('sha256'), tokeniserSources()).digest('hex').slice(0, 16);
}

/** The tokeniser and this cache, and what they import (source-version.ts). */
export function tokeniserSources(): URL[] {
  return ['./tokenise-corpus.ts', './token-cache.ts'].map((name) => new URL(name, import.meta.url));
}

/**
 * Ranges of about `target` articles (from a quarter of it to twice it), cut after an article whose key
 * hashes to a multiple of `target`, or where a range reaches twice `target`.
 */
export function contentRanges(keys: readonly string[], target: number): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  let from = 0;
  keys.forEach((key, i) => {
    const length = i + 1 - from;
    if ((length >= target / 4 && fnv1a(key) % target === 0) || length >= target * 2) {
      ranges.push({ from, to: i + 1 });
      from = i + 1;
    }
  });
  if (from < keys.length) ranges.push({ from, to: keys.length });
  return ranges;
}

interface Header {
  readonly vocabulary: readonly string[];
  readonly words: readonly string[];
  /** Element counts of offsets, ids, counts, wordTerms, wordCounts, in that order. */
  readonly lengths: readonly number[];
}

export class TokenCache {
  private readonly folder: string;
  private readonly used = new Set<string>();

  /** `root` holds one folder per tokeniser version; other versions' folders are removed on prune. */
  constructor(
    private readonly root: string,
    private readonly version: string = tokeniserVersion(),
  ) {
    this.folder = join(root, version);
  }

  /** The key of a chunk of articles, from their extraction keys in order. */
  keyOf(articleKeys: readonly string[]): string {
    return createHash('sha256').update(this.version).update(articleKeys.join('\0')).digest('hex').slice(0, 32);
  }

  load(key: string): TokenisedChunk | undefined {
    this.used.add(key);
    try {
      const bytes = readShared(join(this.folder, `${key}.bin`));
      const headerBytes = bytes.readUInt32LE(0);
      const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerBytes)) as Header;
      let at = 4 + headerBytes;
      // The header is padded to four bytes, so the arrays are views on the file's bytes.
      const arrays = header.lengths.map((length) => {
        const size = length * Int32Array.BYTES_PER_ELEMENT;
        if (at + size > bytes.length) throw new Error('truncated');
        const array = new Int32Array(bytes.buffer, at, length);
        at += size;
        return array;
      });
      const [offsets, ids, counts, wordTerms, wordCounts] = arrays;
      if (offsets === undefined || ids === undefined || counts === undefined) return undefined;
      if (wordTerms === undefined || wordCounts === undefined || at !== bytes.length) return undefined;
      return {
        bags: { offsets, ids, counts },
        vocabulary: [...header.vocabulary],
        words: [...header.words],
        wordTerms,
        wordCounts,
      };
    } catch {
      // Missing or damaged: the chunk is tokenised again and written anew.
      return undefined;
    }
  }

  save(key: string, chunk: TokenisedChunk): void {
    this.used.add(key);
    const arrays = [chunk.bags.offsets, chunk.bags.ids, chunk.bags.counts, chunk.wordTerms, chunk.wordCounts];
    const header: Header = {
      vocabulary: chunk.vocabulary,
      words: chunk.words,
      lengths: arrays.map((a) => a.length),
    };
    const json = JSON.stringify(header);
    // Padded with spaces (still JSON) to a multiple of four bytes after the length: the arrays that follow
    // are then aligned for views.
    const padding = (4 - (Buffer.byteLength(json) % 4)) % 4;
    const headerBytes = Buffer.from(json + ' '.repeat(padding), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerBytes.length, 0);
    const parts = [length, headerBytes, ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))];
    mkdirSync(this.folder, { recursive: true });
    const path = join(this.folder, `${key}.bin`);
    replaceFileSync(path, Buffer.concat(parts));
  }

  /** Removes the chunks this build neither read nor wrote, and other versions' folders. */
  prune(): void {
    for (const name of safeReaddir(this.folder)) {
      if (!this.used.has(name.replace(/\.bin$/, ''))) rmSync(join(this.folder, name), { force: true });
    }
    for (const name of safeReaddir(this.root)) {
      if (name !== this.version) rmSync(join(this.root, name), { recursive: true, force: true });
    }
  }
}

/**
 * A file's bytes in shared memory: the chunk's arrays, views on them, reach the worker that renumbers
 * them without a copy (as tokenised chunks do), and do not count towards this thread's collector.
 */
function readShared(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.from(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const read = readSync(fd, bytes, at, size - at, at);
      if (read === 0) throw new Error(`${path}: shorter than its size`);
      at += read;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

function safeReaddir(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
