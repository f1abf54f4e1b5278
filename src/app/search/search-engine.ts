/**
 * The search index in the browser, loaded on first use (this module and MiniSearch are their own chunk,
 * never part of the first page load). Results are stories, best first.
 */
import type MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import { SCHEMA_VERSION } from '../../shared/article-schema.ts';
import {
  INDEX_OPTIONS,
  QUERY_OPTIONS,
  SearchIndexFileSchema,
  SearchShardFileSchema,
  type SearchDocument,
} from '../../shared/search-options.ts';
import { searchIndexPath, searchShardPath } from '../../shared/site-paths.ts';
import { SchemaMismatchError } from '../../shared/validate.ts';
import { fetchValidated } from '../data/fetch-validated.ts';
import { joinShards } from './join-shards.ts';

export interface SearchHit {
  readonly storyId: string;
  readonly articleId: string;
  readonly headline: string;
  readonly lead: string;
  readonly outlets: readonly string[];
  readonly latest: string | null;
  /** Index terms that matched (folded), for marking the snippet. */
  readonly terms: readonly string[];
}

export const MAX_HITS = 50;
export const SEARCH_MEASURE = 'broadsheet:search';
export const LOAD_MEASURE = 'broadsheet:search-index-load';

let engine: Promise<MiniSearch<SearchDocument>> | undefined;

function checkVersion(path: string, schemaVersion: number): void {
  if (schemaVersion !== SCHEMA_VERSION) {
    throw new SchemaMismatchError(path, `schema version ${schemaVersion}, expected ${SCHEMA_VERSION}`);
  }
}

/** The index file names its shards; they are fetched together and joined into one index. */
async function loadEngine(): Promise<MiniSearch<SearchDocument>> {
  const start = performance.now();
  const file = await fetchValidated(searchIndexPath(), SearchIndexFileSchema);
  checkVersion(searchIndexPath(), file.schemaVersion);
  const shards = await Promise.all(
    file.shards.map(async (name) => {
      const shard = await fetchValidated(searchShardPath(name), SearchShardFileSchema);
      checkVersion(searchShardPath(name), shard.schemaVersion);
      // The file was checked above; its inner shape is MiniSearch's own serialisation.
      return shard.index as unknown as AsPlainObject;
    }),
  );
  const hidden = file.shards.map((name) => new Set(file.hidden?.[name] ?? []));
  const engine = joinShards<SearchDocument>(shards, INDEX_OPTIONS, hidden);
  performance.measure(LOAD_MEASURE, { start, end: performance.now() });
  return engine;
}

/** Loads the index once; a failed load is forgotten so the next search tries again. */
export function searchEngine(): Promise<MiniSearch<SearchDocument>> {
  engine ??= loadEngine().catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

export async function searchStories(query: string): Promise<SearchHit[]> {
  const trimmed = query.trim();
  if (trimmed === '') return [];
  const index = await searchEngine();
  // A User Timing mark per query, so the benchmark can read the search cost from the page itself.
  const start = performance.now();
  const results = index.search(trimmed, QUERY_OPTIONS);
  performance.measure(SEARCH_MEASURE, { start, end: performance.now() });
  return results.slice(0, MAX_HITS).map((r) => ({
    storyId: String(r.id),
    articleId: String(r['articleId']),
    headline: String(r['headline']),
    lead: String(r['lead'] ?? ''),
    outlets: Array.isArray(r['outlets']) ? (r['outlets'] as unknown[]).map(String) : [],
    latest: typeof r['latest'] === 'string' ? r['latest'] : null,
    terms: r.terms,
  }));
}
