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

/**
 * How many pages of the story list the worker caches when it installs: the first screens a reader scrolls.
 * Later pages are kept as the reader opens them, and "Save all for offline" fetches every one. Fetching all
 * of them at install (165 files at 10k articles, 1,700 at 100k) made a first visit download them all while the
 * page was starting: Lighthouse on the 10k story list scored 91–100 with that, 93–99 with three pages, and 100
 * four times out of four without the worker.
 */
export const INSTALL_PAGES = 3;

/** Every page of the story list (at least the first), which "Save all for offline" reads to find each article. */
export function storyPageUrls(pageCount: number): string[] {
  return Array.from({ length: Math.max(1, pageCount) }, (_, i) => storyPagePath(i + 1));
}

/** Cached when the worker installs: the site index and the first pages of the story list. */
export function installUrls(pageCount: number): string[] {
  return [siteIndexPath(), ...storyPageUrls(Math.min(INSTALL_PAGES, pageCount))];
}

/** "Save all for offline" adds the search index (its file, then the shards it names) and each article's data. */
export function saveAllUrls(searchShards: readonly string[], articleDataUrls: readonly string[]): string[] {
  return [searchIndexPath(), ...searchShards.map(searchShardPath), ...articleDataUrls];
}

/** The cache key of a data request: its path alone (query strings never change the data). */
export function dataCacheKey(url: URL): string {
  return url.pathname;
}
