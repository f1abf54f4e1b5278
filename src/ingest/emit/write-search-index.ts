/** Writes the search index: one MiniSearch document per story (see src/shared/search-options.ts). */
import { statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Article, StorySummary } from '../../shared/article-schema.ts';
import { outletLabel } from '../../shared/outlet-label.ts';
import type { SearchDocument, SearchIndexFile } from '../../shared/search-options.ts';
import { searchIndexPath } from '../../shared/site-paths.ts';
import { clipText } from './share/html-text.ts';
import { bodyText } from '../extract/extract-article.ts';
import { runOnWorkers } from '../worker-pool.ts';
import { digestOf, freshIndexFile, indexWithCache } from './search-index-cache.ts';
import type { SearchIndexTask } from './search-index-worker.ts';

const LEAD_CHARS = 220;

export function searchDocument(story: StorySummary, articlesById: ReadonlyMap<string, Article>): SearchDocument {
  const members = story.members.flatMap((m) => {
    const article = articlesById.get(m.id);
    return article === undefined ? [] : [article];
  });
  const fullest = members.reduce<Article | undefined>(
    (best, a) => (best === undefined || a.wordCount > best.wordCount ? a : best),
    undefined,
  );
  const body = fullest === undefined ? '' : bodyText(fullest);
  return {
    id: story.id,
    headline: story.headline,
    headlines: [...new Set(members.map((a) => a.headline))].filter((h) => h !== story.headline).join('\n'),
    standfirst: story.standfirst ?? '',
    body,
    lead: clipText(story.standfirst ?? body, LEAD_CHARS),
    outlets: story.members.map((m) => outletLabel(m)),
    articleId: fullest?.id ?? story.members[0]?.id ?? story.id,
    latest: story.latest,
  };
}

export function buildSearchIndex(stories: readonly StorySummary[], articles: readonly Article[]): SearchIndexFile {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return freshIndexFile(stories.map((s) => searchDocument(s, byId)));
}

/**
 * Writes `data/search-index.json` of prepared search documents; returns a digest of it. With a cache
 * folder, the last build's index is updated rather than made afresh (search-index-cache.ts).
 */
export async function writeIndexFile(
  outDir: string,
  documents: readonly SearchDocument[],
  cacheDir: string | null = null,
): Promise<string> {
  // With a cache, its digest of the 150 MB file (at 100k articles) is the one returned: hashed once.
  let text: string;
  let digest: string;
  if (cacheDir === null) {
    text = JSON.stringify(freshIndexFile(documents));
    digest = digestOf(text);
  } else {
    ({ text, digest } = await indexWithCache(cacheDir, documents));
  }
  const path = join(outDir, searchIndexPath().slice(1));
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return digest;
}

/** Below this many stories, starting a worker thread costs more than indexing on this one. */
const MIN_FOR_WORKER = 2000;

/**
 * The search worker's heap: its documents and the index grow with their text (measured at 100k articles:
 * 192 million characters of documents, a live heap of at most 1.6 GB while serialising), with room to
 * spare. Unbounded, V8 let the worker's garbage pile up towards the machine's default limit beside the
 * writing stages: the build's peak RSS at 100k was 6.8 GiB, 6.1 GiB with this limit (one run each).
 */
function searchWorkerHeapMiB(documents: readonly SearchDocument[], cachedIndexBytes: number): number {
  let chars = 0;
  for (const d of documents) chars += d.headline.length + d.headlines.length + d.standfirst.length + d.body.length;
  // Updating the last index holds its file's text, its parsed form and the index loaded from it.
  return Math.ceil(384 + (chars * 10 + cachedIndexBytes * CACHED_INDEX_HEAP_FACTOR) / 2 ** 20);
}

/** Heap per byte of a cached index file while it is loaded and updated (see searchWorkerHeapMiB). */
const CACHED_INDEX_HEAP_FACTOR = 8;

function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export interface SearchIndexOptions {
  /** From this many stories the index is built on a worker thread. */
  readonly minForWorker?: number;
  /** The worker's heap limit (default: searchWorkerHeapMiB of the documents). */
  readonly maxHeapMiB?: number;
  /**
   * Folder for the last build's index (search-index-cache.ts), used from minForWorker stories; null (the
   * default) indexes afresh.
   */
  readonly cacheDir?: string | null;
}

/**
 * Starts writing `data/search-index.json` and returns its digest when written. A large index is built on
 * a worker thread, so the build's other stages run while it indexes (it is the slowest stage, and one
 * core's work): only the documents cross to the worker, which writes the file itself. Should the worker
 * outgrow its heap limit, the index is built again on this thread: slower, never lost.
 */
export function startSearchIndex(
  outDir: string,
  stories: readonly StorySummary[],
  articles: readonly Article[],
  { minForWorker = MIN_FOR_WORKER, maxHeapMiB, cacheDir = null }: SearchIndexOptions = {},
): Promise<string> {
  const documentsOf = () => {
    const byId = new Map(articles.map((a) => [a.id, a]));
    return stories.map((s) => searchDocument(s, byId));
  };
  const documents = documentsOf();
  // A small index takes under a second afresh: less than loading, updating and storing the last one.
  if (stories.length < minForWorker) return writeIndexFile(outDir, documents);
  const cachedBytes = cacheDir === null ? 0 : fileBytes(join(cacheDir, 'index.json'));
  return runOnWorkers<SearchIndexTask, string>(
    new URL('./search-index-worker.ts', import.meta.url),
    [{ outDir, documents, cacheDir }],
    {
      threads: 1,
      batchSize: 1,
      maxHeapMiB: maxHeapMiB ?? searchWorkerHeapMiB(documents, cachedBytes),
    },
  ).then(
    ([digest]) => digest ?? '',
    () => writeIndexFile(outDir, documentsOf(), cacheDir),
  );
}
