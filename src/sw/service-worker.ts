/// <reference lib="webworker" />
/**
 * The service worker (built by vite-plugin-pwa's injectManifest). Offline after the first visit:
 * - the app shell (HTML, JS, CSS, icons) is precached by Workbox at install;
 * - the site index and the first pages of the story list are cached at install, in this build's data cache;
 * - each article's data is cached as it is read, and all of them when the reader asks to save all;
 * - a navigation that the network cannot answer gets the precached shell, which then reads the cache.
 * A new build installs beside the old one and waits: the page offers "New stories — reload", and only
 * then does this worker take over and delete the old build's caches.
 */
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import type { SiteIndex, StoryPage } from '../shared/article-schema.ts';
import type { SearchIndexFile } from '../shared/search-options.ts';
import { articleEntryPath, searchIndexPath, siteIndexPath } from '../shared/site-paths.ts';
import {
  classifyRequest,
  dataCacheKey,
  dataCacheName,
  installUrls,
  storyPageUrls,
  saveAllUrls,
  staleDataCaches,
} from './cache-policy.ts';
import type { FromWorker, ToWorker } from '../shared/worker-messages.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

/** Replaced by the build once the data is written (src/ingest/emit/stamp-service-worker.ts). */
const BUILD_ID = '__BROADSHEET_BUILD_ID__';
const DATA_CACHE = dataCacheName(BUILD_ID);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

async function fetchInto(cache: Cache, path: string): Promise<void> {
  const response = await fetch(path, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  await cache.put(path, response);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(DATA_CACHE);
      await fetchInto(cache, siteIndexPath());
      const index = await cachedJson<SiteIndex>(cache, siteIndexPath());
      await Promise.all(installUrls(index?.pageCount ?? 1).map((url) => fetchInto(cache, url)));
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(staleDataCaches(await caches.keys(), BUILD_ID).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

async function dataResponse(request: Request): Promise<Response> {
  const key = dataCacheKey(new URL(request.url));
  const cache = await caches.open(DATA_CACHE);
  const cached = await cache.match(key);
  if (cached !== undefined) return cached;
  const response = await fetch(request);
  // Data files do not change within a build: keep every one the reader has opened.
  if (response.ok) await cache.put(key, response.clone()).catch(() => undefined);
  return response;
}

async function navigationResponse(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    // Offline: the app shell renders any route from cached data, or says what is not saved.
    const shell = await matchPrecache('/index.html');
    if (shell !== undefined) return shell;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET') return;
  switch (classifyRequest(url, event.request.mode, self.location.origin)) {
    case 'data':
      event.respondWith(dataResponse(event.request));
      break;
    case 'navigation':
      event.respondWith(navigationResponse(event.request));
      break;
    default:
      break;
  }
});

/** The JSON of a cached data file; its shape was checked by the build and is checked again by the app. */
async function cachedJson<T>(cache: Cache, path: string): Promise<T | undefined> {
  const response = await cache.match(path);
  return response === undefined ? undefined : ((await response.json()) as T);
}

/** The data file of every article the list pages `pageUrls` (cached) name. */
async function articleDataUrls(cache: Cache, pageUrls: readonly string[]): Promise<string[]> {
  const urls: string[] = [];
  for (const pageUrl of pageUrls) {
    const page = await cachedJson<StoryPage>(cache, pageUrl);
    for (const story of page?.stories ?? []) for (const m of story.members) urls.push(articleEntryPath(m.id));
  }
  return urls;
}

/** The shards the search index file names (fetched into the cache first, if it is not there). */
async function searchShards(cache: Cache): Promise<string[]> {
  try {
    if ((await cache.match(searchIndexPath())) === undefined) await fetchInto(cache, searchIndexPath());
  } catch {
    // Offline: saving stops at the index file's own fetch below and says so.
    return [];
  }
  return (await cachedJson<SearchIndexFile>(cache, searchIndexPath()))?.shards ?? [];
}

async function saveAll(client: Client | null): Promise<void> {
  const post = (message: FromWorker) => client?.postMessage(message);
  const cache = await caches.open(DATA_CACHE);
  // The list pages the install left out come first (without progress: the total is known only after them),
  // since the articles to save are read from them.
  const pages = storyPageUrls((await cachedJson<SiteIndex>(cache, siteIndexPath()))?.pageCount ?? 1);
  if ((await saveEach(cache, pages, { done: 0, total: 0 }, post)) === null) return;
  const urls = saveAllUrls(await searchShards(cache), await articleDataUrls(cache, pages));
  const total = pages.length + urls.length;
  const saved = await saveEach(cache, urls, { done: pages.length, total }, post);
  if (saved !== null) post({ type: 'SAVE_DONE', saved, total });
}

/**
 * Fetches each of `urls` the cache does not hold, counting on from `done` of `total` (progress is posted only
 * when the total is known). Returns the new count, or null after posting why saving stopped.
 */
async function saveEach(
  cache: Cache,
  urls: readonly string[],
  { done, total }: { done: number; readonly total: number },
  post: (message: FromWorker) => void,
): Promise<number | null> {
  for (const url of urls) {
    try {
      if ((await cache.match(url)) === undefined) await fetchInto(cache, url);
    } catch (error) {
      const quota = error instanceof DOMException && error.name === 'QuotaExceededError';
      post({ type: 'SAVE_FAILED', reason: quota ? 'quota' : 'network', done, total: Math.max(total, urls.length) });
      return null;
    }
    done++;
    if (total > 0 && (done % 25 === 0 || done === total)) post({ type: 'SAVE_PROGRESS', done, total });
  }
  return done;
}

self.addEventListener('message', (event) => {
  const message = event.data as ToWorker;
  if (message.type === 'SKIP_WAITING') void self.skipWaiting();
  if (message.type === 'SAVE_ALL') event.waitUntil(saveAll(event.source instanceof Client ? event.source : null));
});
