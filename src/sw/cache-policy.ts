/**
 * What the service worker caches, where, and for how long, as small pure functions (tested in
 * tests/sw/cache-policy.test.ts). The app shell is precached by Workbox; the site's data lives in one
 * cache per build, so a new build never mixes with the old one and the old one is dropped whole.
 */
import { DATA_ROOT, searchIndexPath, searchShardPath, siteIndexPath, storyPagePath } from '../shared/site-paths.ts';

export const DATA_CACHE_PREFIX = 'broadsheet-data-';

export function dataCacheName(buildId: string): string {
  return `${DATA_CACHE_PREFIX}${buildId}`;
}

/** Data caches of other builds: deleted once this build's worker takes over. */
export function staleDataCaches(cacheNames: readonly string[], buildId: string): string[] {
  return cacheNames.filter((name) => name.startsWith(DATA_CACHE_PREFIX) && name !== dataCacheName(buildId));
}

export type RequestKind = 'navigation' | 'data' | 'other';

export function classifyRequest(url: URL, mode: RequestMode, ownOrigin: string): RequestKind {
  if (url.origin !== ownOrigin) return 'other';
  if (mode === 'navigate') return 'navigation';
  if (url.pathname.startsWith(`${DATA_ROOT}/`) && url.pathname.endsWith('.json')) return 'data';
  return 'other';
}

/** Cached when the worker installs: the site index and every page of the story list. */
export function installUrls(pageCount: number): string[] {
  return [siteIndexPath(), ...Array.from({ length: Math.max(1, pageCount) }, (_, i) => storyPagePath(i + 1))];
}

/** "Save all for offline" adds the search index (its file, then the shards it names) and each article's data. */
export function saveAllUrls(searchShards: readonly string[], articleDataUrls: readonly string[]): string[] {
  return [searchIndexPath(), ...searchShards.map(searchShardPath), ...articleDataUrls];
}

/** The cache key of a data request: its path alone (query strings never change the data). */
export function dataCacheKey(url: URL): string {
  return url.pathname;
}
