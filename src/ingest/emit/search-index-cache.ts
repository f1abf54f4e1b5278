/**
 * The last build's search index shards, kept so a rebuild makes again only the shards whose stories
 * changed: the others are copied as they are, and a changed shard is the last one updated (its changed
 * and removed stories discarded, its changed and new ones added) unless most of it changed.
 *
 * A rebuild that changed few stories leaves even those shards alone and writes the changed stories into a
 * small overlay shard instead (write-search-index.ts), until it grows past its limit and is folded in.
 *
 * The folder holds the shard files as written (named by their content) and `state.json`: the code
 * version, the shard count, the overlay's file and its stories' hashes, and, for each shard, its file,
 * MiniSearch's next internal id and, for each story, a hash of what its document is made from (with the
 * build's article keys: the story and its copies' extraction keys, so unchanged stories' documents are
 * never made; else the document itself). A
 * state of another version (of this code, the search options or MiniSearch) or shard count is ignored,
 * and a shard whose file is gone is made afresh. The state is written after the shard files it names and
 * old files are removed after it, so a stopped build leaves a usable cache.
 */
import { createHash, hash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../../shared/article-schema.ts';
import type { SearchDocument } from '../../shared/search-options.ts';
import { packageVersion } from '../package-version.ts';
import { replaceFile } from '../replace-file.ts';
import { relateVersion } from '../relate/relate-state.ts';
import { hashSourcesReached } from '../source-version.ts';
import type { ShardTask } from './search-shard.ts';

/**
 * Past this share of a shard's documents changed, making it afresh is about as fast as loading the last
 * one and changing it (adding a document costs the same either way; loading and vacuuming do not).
 */
const MAX_CHANGED_SHARE = 0.5;
const STATE_FILE = 'state.json';

export interface ShardState {
  readonly name: string;
  readonly nextId: number;
  /** A hash of what each story's document is made from, by story id. */
  readonly documents: Readonly<Record<string, string>>;
}

/** A story to index: its id, a hash of what its document is made from, and the document, made on demand. */
export interface SearchSource {
  readonly id: string;
  readonly hash: string;
  readonly document: () => SearchDocument;
}

/** The small shard of stories whose documents in the large shards are not current (write-search-index.ts). */
export interface OverlayState {
  readonly name: string;
  /** The hash of each story's document in it, by story id. */
  readonly documents: Readonly<Record<string, string>>;
}

interface CacheState {
  readonly version: string;
  readonly shardCount: number;
  /** By shard number; null for a shard with no stories. */
  readonly shards: readonly (ShardState | null)[];
  /** Not read back: a build makes its own overlay afresh from the shards' states. */
  readonly overlay?: OverlayState | null;
}

/** This code's, the search options' and MiniSearch's versions: shards made by others are not reused. */
export function searchIndexVersion(): string {
  // Stories are keyed by their copies (OutputInputs.storyKey): the code that picks a story's headline and
  // standfirst from them is an input of its document.
  const hash = createHash('sha256')
    .update(String(SCHEMA_VERSION))
    .update(packageVersion('minisearch'))
    .update(relateVersion());
  return hashSourcesReached(hash, searchIndexSources()).digest('hex').slice(0, 16);
}

/** The modules that make, update and keep the search index, and what they import (source-version.ts). */
export function searchIndexSources(): URL[] {
  return ['./write-search-index.ts', './search-index-cache.ts'].map((name) => new URL(name, import.meta.url));
}

export function documentHash(document: SearchDocument): string {
  return hash('sha1', JSON.stringify(document), 'base64');
}

/** Sources of prepared documents, each hashed whole. */
export function sourcesOf(documents: readonly SearchDocument[]): SearchSource[] {
  return documents.map((document) => ({ id: document.id, hash: documentHash(document), document: () => document }));
}

/** The last build's shards, by shard number, when the cache holds a state of this version and shard count. */
export async function readShardStates(folder: string, shardCount: number): Promise<readonly (ShardState | null)[]> {
  try {
    const state = JSON.parse(await readFile(join(folder, STATE_FILE), 'utf8')) as CacheState;
    if (state.version !== searchIndexVersion() || state.shardCount !== shardCount) return [];
    return state.shards;
  } catch {
    return [];
  }
}

/** Saves this build's shards' state, then removes the shard files it no longer names. */
export async function saveShardStates(
  folder: string,
  shardCount: number,
  shards: readonly (ShardState | null)[],
  overlay: OverlayState | null = null,
): Promise<void> {
  await mkdir(folder, { recursive: true });
  const state: CacheState = { version: searchIndexVersion(), shardCount, shards, overlay };
  await replaceFile(join(folder, STATE_FILE), JSON.stringify(state));
  const named = new Set(shards.flatMap((shard) => (shard === null ? [] : [shard.name])));
  if (overlay !== null) named.add(overlay.name);
  for (const name of await readdir(folder)) {
    if (name !== STATE_FILE && !named.has(name)) await rm(join(folder, name), { force: true });
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * What to do for one shard: keep the last build's file (null, when none of its stories changed and the
 * file is still there) or make it — by updating the last file, or afresh.
 */
export async function planShard(
  shard: number,
  sources: readonly SearchSource[],
  previous: ShardState | null | undefined,
  folders: { readonly outFolder: string; readonly cacheFolder: string },
): Promise<ShardTask | null> {
  const fresh = (): ShardTask => ({ shard, documents: sources.map((s) => s.document()), update: null, ...folders });
  if (previous == null) return fresh();
  const cachedFile = join(folders.cacheFolder, previous.name);
  if (!(await exists(cachedFile))) return fresh();
  const before = previous.documents;
  const hashes = new Map(sources.map((s) => [s.id, s.hash]));
  const changed = sources.filter((s) => before[s.id] !== s.hash);
  const discard = Object.keys(before).filter((id) => hashes.get(id) !== before[id]);
  if (changed.length === 0 && discard.length === 0) return null;
  if (changed.length + discard.length > sources.length * MAX_CHANGED_SHARE) return fresh();
  return { shard, documents: changed.map((s) => s.document()), update: { file: cachedFile, discard }, ...folders };
}
