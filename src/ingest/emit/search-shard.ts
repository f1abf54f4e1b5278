/**
 * One shard of the search index (the app joins them: src/app/search/join-shards.ts): which shard a story
 * belongs to, and making a shard's file — afresh from its documents, or from the last build's shard with
 * changed stories discarded and added. Runs on the search worker for large sites, on the build's thread for
 * small ones and for an update of a shard or two.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { SCHEMA_VERSION } from '../../shared/article-schema.ts';
import { INDEX_OPTIONS, type SearchDocument, type SearchShardFile } from '../../shared/search-options.ts';
import { replaceFile } from '../replace-file.ts';
import { fnv1a } from '../string-hash.ts';
import { ShardIndexBuilder } from './search-shard-builder.ts';
import { indexText } from './search-shard-text.ts';

/**
 * Stories per shard, at most: a rebuild that changes one story loads, updates and writes one shard of
 * this size (about 5 MB of index at 100k articles) instead of the whole index.
 */
export const STORIES_PER_SHARD = 2000;

/** Shards for `stories`: a power of two, so a growing site changes its shard count (and reindexes) rarely. */
export function shardCountFor(stories: number, perShard = STORIES_PER_SHARD): number {
  let count = 1;
  while (count * perShard < stories) count *= 2;
  return count;
}

/** The shard of a story, by a hash of its id (FNV-1a): the same from one build to the next. */
export function shardOf(id: string, count: number): number {
  return fnv1a(id) % count;
}

export interface ShardTask {
  readonly shard: number;
  /** Every document of the shard when made afresh; when updating, the new and changed ones. */
  readonly documents: readonly SearchDocument[];
  /** The last build's file of this shard and the stories to discard from it; null makes the shard afresh. */
  readonly update: { readonly file: string; readonly discard: readonly string[] } | null;
  /** Where the shard's file is written (the site's `data/search`), and kept for the next build. */
  readonly outFolder: string;
  readonly cacheFolder: string | null;
}

export interface ShardResult {
  /** `<shard>-<digest>.json`: a new content, a new name. */
  readonly name: string;
  readonly documentCount: number;
  /** MiniSearch's next internal id (the shard numbers its stories from 0). */
  readonly nextId: number;
}

/**
 * A shard's file as text — `{ schemaVersion, documentCount, index }`, the index as MiniSearch serialises it
 * (made afresh by search-shard-builder.ts; an updated one written from MiniSearch's maps by
 * search-shard-text.ts) — and MiniSearch's next internal id.
 */
function shardText(
  index: MiniSearch<SearchDocument> | ShardIndexBuilder,
  asVacuumed = false,
): { readonly text: string; readonly nextId: number } {
  const { text, nextId } = index instanceof ShardIndexBuilder ? index.text() : indexText(index, { asVacuumed });
  return {
    text: `{"schemaVersion":${SCHEMA_VERSION},"documentCount":${index.documentCount},"index":${text}}`,
    nextId,
  };
}

/** A shard made afresh, in memory (the app's test fixtures; the build writes through makeShard). */
export function freshShard(documents: readonly SearchDocument[]): SearchShardFile {
  return JSON.parse(shardText(new ShardIndexBuilder().addAll(documents)).text) as SearchShardFile;
}

/**
 * `<shard>-<digest>.json`: a shard's file is named by its number and content. Given the text's UTF-8 bytes
 * where the caller has them: hashing the text itself encodes it again, and a shard's text (curly quotes
 * and dashes make it a two-byte string) hashed as bytes took half the time.
 */
export function shardName(shard: number, text: string | Uint8Array): string {
  return `${shard}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`;
}

/** Makes the shard's file, writes it to the site and the cache, and names it by its content. */
export async function makeShard(task: ShardTask): Promise<ShardResult> {
  let index: MiniSearch<SearchDocument> | ShardIndexBuilder;
  if (task.update === null) {
    index = new ShardIndexBuilder().addAll(task.documents);
  } else {
    const file = JSON.parse(await readFile(task.update.file, 'utf8')) as SearchShardFile;
    // Discarded documents leave references in the index until vacuumed: the file is written as a vacuumed
    // index's, without them (search-shard-text.ts), and no vacuum is started meanwhile.
    index = MiniSearch.loadJS<SearchDocument>(file.index as unknown as AsPlainObject, {
      ...INDEX_OPTIONS,
      autoVacuum: false,
    });
    for (const id of task.update.discard) index.discard(id);
    index.addAll(task.documents);
  }
  const { text, nextId } = shardText(index, task.update !== null);
  // Encoded once, for the name's hash and both files.
  const bytes = Buffer.from(text);
  const name = shardName(task.shard, bytes);
  for (const folder of task.cacheFolder === null ? [task.outFolder] : [task.outFolder, task.cacheFolder]) {
    await mkdir(folder, { recursive: true });
    await replaceFile(join(folder, name), bytes);
  }
  return { name, documentCount: index.documentCount, nextId };
}
