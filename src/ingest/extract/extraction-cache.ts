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
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { digestOfBytes } from '../input-index.ts';
import { packageVersion } from '../package-version.ts';
import { replaceFileSync } from '../replace-file.ts';
import type { ExtractOutcome } from './extract-task.ts';

/** 256 shards: at 100k articles about 400 entries (a few MB) each. */
const SHARD_HEX_DIGITS = 2;

export interface CacheableInput {
  readonly file: string;
  readonly bytes: Uint8Array;
  /** sha256 of the bytes in hex, when known: the bytes are then not read or hashed again. */
  readonly digest?: string;
}

/** Hash of the extractor's own source and of the libraries whose output it keeps. */
export function extractorVersion(): string {
  const hash = createHash('sha256');
  const here = new URL('./', import.meta.url);
  for (const name of readdirSync(here).sort()) {
    if (!name.endsWith('.ts')) continue;
    hash.update(name).update(readFileSync(new URL(name, here)));
  }
  hash.update(readFileSync(new URL('../../shared/article-schema.ts', import.meta.url)));
  hash.update(packageVersion('eld'));
  return hash.digest('hex').slice(0, 16);
}

export class ExtractionCache {
  private readonly folder: string;
  /** Keys each shard held when read, to tell whether it needs writing. */
  private readonly loaded = new Map<string, Set<string>>();

  /** `root` holds one folder per extractor version; other versions' folders are removed on save. */
  constructor(
    private readonly root: string,
    private readonly version: string = extractorVersion(),
  ) {
    this.folder = join(root, version);
  }

  keyOf(input: CacheableInput): string {
    return createHash('sha256')
      .update(this.version)
      .update('\0')
      .update(input.file)
      .update('\0')
      .update(input.digest ?? digestOfBytes(input.bytes))
      .digest('hex')
      .slice(0, 32);
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
    const byShard = new Map<string, [string, ExtractOutcome][]>();
    keys.forEach((key, i) => {
      const outcome = outcomes[i];
      if (outcome === undefined) return;
      const shard = shardOf(key);
      const entries = byShard.get(shard);
      if (entries === undefined) byShard.set(shard, [[key, outcome]]);
      else entries.push([key, outcome]);
    });
    for (const [shard, entries] of byShard) {
      const before = this.loaded.get(shard);
      if (before !== undefined && before.size === entries.length && entries.every(([key]) => before.has(key))) continue;
      const path = join(this.folder, `${shard}.json`);
      replaceFileSync(path, JSON.stringify(Object.fromEntries(entries)));
      this.loaded.set(shard, new Set(entries.map(([key]) => key)));
    }
    for (const name of safeReaddir(this.folder)) {
      if (name.endsWith('.json') && !byShard.has(name.slice(0, -'.json'.length))) {
        rmSync(join(this.folder, name), { force: true });
      }
    }
    for (const name of safeReaddir(this.root)) {
      if (name !== this.version) rmSync(join(this.root, name), { recursive: true, force: true });
    }
  }

  private readShard(shard: string): Record<string, ExtractOutcome> {
    let entries: Record<string, ExtractOutcome> = {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(join(this.folder, `${shard}.json`), 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        entries = parsed as Record<string, ExtractOutcome>;
      }
    } catch {
      // Missing or damaged: every file of this shard is extracted again and the shard rewritten.
    }
    this.loaded.set(shard, new Set(Object.keys(entries)));
    return entries;
  }
}

function shardOf(key: string): string {
  return key.slice(0, SHARD_HEX_DIGITS);
}

function safeReaddir(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
