/**
 * Writes the search index: one MiniSearch document per story (see src/shared/search-options.ts), in
 * shards (src/app/search/join-shards.ts says how the app joins them).
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCHEMA_VERSION, type Article, type StorySummary } from '../../shared/article-schema.ts';
import { outletLabel } from '../../shared/outlet-label.ts';
import type { SearchDocument, SearchIndexFile, SearchShardFile } from '../../shared/search-options.ts';
import { searchIndexPath, searchShardPath } from '../../shared/site-paths.ts';
import { clipText } from './share/html-text.ts';
import { bodyText } from '../extract/body-text.ts';
import { WorkerPool } from '../worker-pool.ts';
import {
  documentHash,
  exists,
  planShard,
  readShardStates,
  saveShardStates,
  type OverlayState,
  type SearchSource,
  type ShardState,
} from './search-index-cache.ts';
import {
  freshShard,
  makeShard,
  shardCountFor,
  shardName,
  shardOf,
  STORIES_PER_SHARD,
  type ShardResult,
  type ShardTask,
} from './search-shard.ts';

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

/**
 * The index as the site holds it, made in memory: its file and each shard's file by name (the app's test
 * fixtures; the build writes through startSearchIndex).
 */
export function searchIndexFiles(
  stories: readonly StorySummary[],
  articles: readonly Article[],
  storiesPerShard = STORIES_PER_SHARD,
): { readonly index: SearchIndexFile; readonly shards: ReadonlyMap<string, SearchShardFile> } {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const groups = shardGroups(
    stories.map((s) => searchDocument(s, byId)),
    storiesPerShard,
  );
  const shards = new Map<string, SearchShardFile>();
  groups.forEach((documents, shard) => {
    if (documents.length === 0) return;
    const file = freshShard(documents);
    shards.set(shardName(shard, JSON.stringify(file)), file);
  });
  return {
    index: { schemaVersion: SCHEMA_VERSION, documentCount: stories.length, shards: [...shards.keys()] },
    shards,
  };
}

/** The stories of each shard, by shard number. */
function shardGroups<T extends { readonly id: string }>(stories: readonly T[], storiesPerShard: number): T[][] {
  const count = shardCountFor(stories.length, storiesPerShard);
  const groups = Array.from({ length: count }, (): T[] => []);
  for (const story of stories) groups[shardOf(story.id, count)]?.push(story);
  return groups;
}

/** sha256 in hex. */
function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Below this many stories, starting a worker thread costs more than indexing on this one. */
const MIN_FOR_WORKER = 2000;
/** Shard updates made on this thread rather than on a worker started for them. */
const MAX_UPDATES_HERE = 2;

/**
 * The search worker's heap for its largest shard: the documents and the index grow with their text
 * (measured at 100k articles, before the index was sharded: 192 million characters of documents, a live
 * heap of at most 1.6 GB while serialising), with room to spare. Unbounded, V8 let the worker's garbage
 * pile up towards the machine's default limit beside the writing stages.
 */
async function searchWorkerHeapMiB(tasks: readonly ShardTask[]): Promise<number> {
  let most = 0;
  for (const task of tasks) {
    let chars = 0;
    for (const d of task.documents)
      chars += d.headline.length + d.headlines.length + d.standfirst.length + d.body.length;
    // Updating a shard holds its file's text, its parsed form and the index loaded from it.
    const cached = task.update === null ? 0 : await fileBytes(task.update.file);
    most = Math.max(most, chars * 10 + cached * CACHED_INDEX_HEAP_FACTOR);
  }
  return Math.ceil(384 + most / 2 ** 20);
}

/** Heap per byte of a cached shard file while it is loaded and updated (see searchWorkerHeapMiB). */
const CACHED_INDEX_HEAP_FACTOR = 8;

async function fileBytes(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

export interface SearchIndexOptions {
  /** From this many stories the shards are made on a worker thread (and kept in the cache). */
  readonly minForWorker?: number;
  /** The worker's heap limit (default: searchWorkerHeapMiB of its largest shard). */
  readonly maxHeapMiB?: number;
  /**
   * Folder for the last build's shards (search-index-cache.ts), used from minForWorker stories; null (the
   * default) makes every shard afresh.
   */
  readonly cacheDir?: string | null;
  /** At most this many stories per shard (default STORIES_PER_SHARD). */
  readonly storiesPerShard?: number;
  /**
   * A key of what a story is made from (OutputInputs.storyKey: its id and its copies' extraction keys; the
   * relate code's version is in the cache's): with the cache, unchanged stories' documents are not made.
   */
  readonly storyKey?: (story: StorySummary) => string | undefined;
  /** Through which the build's thread can help make the shards once it is otherwise idle. */
  readonly helpers?: SearchHelpers;
}

async function makeHere(tasks: readonly ShardTask[]): Promise<ShardResult[]> {
  const results: ShardResult[] = [];
  for (const task of tasks) results.push(await makeShard(task));
  return results;
}

/**
 * The shards to make, taken one at a time by the search worker and, once the build's own thread has
 * written everything else and would only wait for the index, by that thread too (SearchHelpers.help).
 */
class ShardQueue {
  private next = 0;
  private left: number;
  private readonly results: ShardResult[] = [];
  private readonly settled: Promise<void>;
  private settle = (): void => {};
  private fail: (error: unknown) => void = () => {};

  constructor(private readonly tasks: readonly ShardTask[]) {
    this.left = tasks.length;
    this.settled = new Promise<void>((resolve, reject) => {
      this.settle = resolve;
      this.fail = reject;
    });
    // A failure is reported by the thread that met it, and by done() to whoever waits there.
    this.settled.catch(() => {});
    if (this.left === 0) this.settle();
  }

  /** Makes shards with `make` until none is left to take; returns how many it made. */
  async drain(make: (task: ShardTask) => Promise<ShardResult>): Promise<number> {
    let made = 0;
    while (this.next < this.tasks.length) {
      const i = this.next++;
      const task = this.tasks[i];
      if (task === undefined) continue;
      try {
        this.results[i] = await make(task);
      } catch (error) {
        this.fail(error);
        throw error;
      }
      made += 1;
      this.left -= 1;
      if (this.left === 0) this.settle();
    }
    return made;
  }

  /** Every shard's result, in the tasks' order, once each is made (by whichever thread took it). */
  async done(): Promise<ShardResult[]> {
    await this.settled;
    return this.results;
  }
}

/**
 * Lets the build's thread help make the search index's shards once it has nothing else to do: a cold
 * build's index is one core's work for longer than the build writes the rest (at 100k articles its worker
 * ran 30–40 s past the writing stages, the second core idle).
 */
export class SearchHelpers {
  private queue: ShardQueue | undefined;

  /** Offered by the index once it has shards to make on its worker. */
  offer(queue: ShardQueue): void {
    this.queue = queue;
  }

  /** Whether the index has offered its shards yet. */
  get offered(): boolean {
    return this.queue !== undefined;
  }

  /**
   * Makes shards on this thread until none is left to take (none, when the index offered none yet);
   * returns how many it made.
   */
  async help(): Promise<number> {
    return (await this.queue?.drain(makeShard)) ?? 0;
  }
}

/** Makes the shards on a worker, with the build's thread helping when it can (SearchHelpers). */
async function makeOnWorker(
  tasks: readonly ShardTask[],
  maxHeapMiB: number,
  helpers: SearchHelpers | undefined,
): Promise<ShardResult[]> {
  const queue = new ShardQueue(tasks);
  helpers?.offer(queue);
  const pool = new WorkerPool(new URL('./search-index-worker.ts', import.meta.url), { threads: 1, maxHeapMiB });
  let workerFailed = false;
  try {
    await queue.drain(async (task) => {
      if (!workerFailed) {
        const made = await pool
          .run<ShardTask, ShardResult>([task], { batchSize: 1 })
          .then(([result]) => result)
          .catch(() => undefined);
        if (made !== undefined) return made;
        // Should the worker fail (it outgrew its heap), this shard and the rest it takes are made here.
        workerFailed = true;
      }
      return makeShard(task);
    });
  } finally {
    await pool.close();
  }
  return queue.done();
}

/**
 * Writes `data/search-index.json` and its shards (`data/search/`) for the site's stories and returns a
 * digest of the index (its file names every shard by content). A large index is made on a worker thread,
 * so the build's other stages run meanwhile (it is the slowest stage, and one core's work): only the
 * documents cross to the worker, which writes the shards itself; and from the same size, with a cache,
 * only the shards whose stories changed are made.
 */
export function startSearchIndex(
  outDir: string,
  stories: readonly StorySummary[],
  articles: readonly Article[],
  {
    minForWorker = MIN_FOR_WORKER,
    maxHeapMiB,
    cacheDir = null,
    storiesPerShard = STORIES_PER_SHARD,
    storyKey,
    helpers,
  }: SearchIndexOptions = {},
): Promise<string> {
  // Made only when a document is (with the cache, a rebuild makes those of changed stories alone).
  let byId: Map<string, Article> | undefined;
  const articleById = () => (byId ??= new Map(articles.map((a) => [a.id, a])));
  const onWorker = stories.length >= minForWorker;
  // A small index takes under a second afresh: less than loading, updating and storing the last one.
  const cacheFolder = onWorker ? cacheDir : null;
  const sources = stories.map((story): SearchSource => {
    let made: SearchDocument | undefined;
    const document = () => (made ??= searchDocument(story, articleById()));
    if (cacheFolder === null) return { id: story.id, hash: '', document };
    return { id: story.id, hash: storyKey?.(story) ?? documentHash(document()), document };
  });
  return writeSearchIndex(outDir, sources, {
    onWorker,
    cacheFolder,
    storiesPerShard,
    ...(maxHeapMiB === undefined ? {} : { maxHeapMiB }),
    ...(helpers === undefined ? {} : { helpers }),
  });
}

export interface WriteSearchIndexOptions {
  /** Make the shards on a worker thread; should it outgrow its heap limit, they are made on this one. */
  readonly onWorker: boolean;
  /** The last build's shards (search-index-cache.ts); null makes every shard afresh. */
  readonly cacheFolder: string | null;
  readonly storiesPerShard: number;
  readonly maxHeapMiB?: number;
  /** Most stories the overlay shard holds before they are folded into the shards (default OVERLAY_MAX_STORIES). */
  readonly overlayLimit?: number;
  /** Through which the build's thread can help make the shards once it is otherwise idle. */
  readonly helpers?: SearchHelpers;
}

/**
 * A rebuild that changed a few stories does not update their shards (loading, changing and writing 5 MB of
 * index for one story took a 100k rebuild 0.6–0.8 s on the main thread): the stories whose documents in the
 * shards are not current go into a small overlay shard, made afresh each build, and the index file names
 * them as hidden in the shards that hold their old documents (or that hold a story since removed); the app's
 * join leaves those out. Past this many stories the overlay is folded into the shards, which are updated.
 */
export const OVERLAY_MAX_STORIES = 128;

/** Writes the index of `sources`' documents (see startSearchIndex) and returns its digest. */
export async function writeSearchIndex(
  outDir: string,
  sources: readonly SearchSource[],
  {
    onWorker,
    cacheFolder,
    storiesPerShard,
    maxHeapMiB,
    overlayLimit = OVERLAY_MAX_STORIES,
    helpers,
  }: WriteSearchIndexOptions,
): Promise<string> {
  const groups = shardGroups(sources, storiesPerShard);
  const outFolder = join(outDir, searchShardPath('').slice(1));
  await mkdir(outFolder, { recursive: true });
  const previous = cacheFolder === null ? [] : await readShardStates(cacheFolder, groups.length);
  if (cacheFolder !== null) {
    const overlay = await planOverlay(groups, previous, cacheFolder, overlayLimit);
    if (overlay !== undefined) return writeWithOverlay(outDir, outFolder, cacheFolder, groups, previous, overlay);
  }

  const results: (ShardResult | null)[] = groups.map(() => null);
  const tasks: ShardTask[] = [];
  for (const [shard, shardSources] of groups.entries()) {
    if (shardSources.length === 0) continue;
    const lastShard = previous[shard];
    const task =
      cacheFolder === null
        ? { shard, documents: shardSources.map((s) => s.document()), update: null, outFolder, cacheFolder }
        : await planShard(shard, shardSources, lastShard, { outFolder, cacheFolder });
    if (task !== null) {
      tasks.push(task);
      continue;
    }
    // Unchanged since the last build: its file stays (or comes back from the cache).
    if (lastShard == null || cacheFolder === null) throw new Error(`search shard ${shard} is neither kept nor made`);
    await keepShardFile(outFolder, cacheFolder, lastShard.name);
    results[shard] = { name: lastShard.name, documentCount: shardSources.length, nextId: lastShard.nextId };
  }
  // Updating a shard or two (a rebuild that changed a few stories) takes less than starting the worker,
  // which loads the TypeScript sources (measured in the bench's 10k rebuild: the build waited 1.6 s for it).
  const worthAWorker = onWorker && (tasks.length > MAX_UPDATES_HERE || tasks.some((t) => t.update === null));
  const made = worthAWorker
    ? await makeOnWorker(tasks, maxHeapMiB ?? (await searchWorkerHeapMiB(tasks)), helpers)
    : await makeHere(tasks);
  tasks.forEach((task, i) => (results[task.shard] = made[i] ?? null));

  const names = results.flatMap((r) => (r === null ? [] : [r.name]));
  const text = await writeIndexFile(outDir, outFolder, { documentCount: sources.length, names });
  if (cacheFolder !== null) {
    const states = results.map((r, shard): ShardState | null =>
      r === null
        ? null
        : {
            name: r.name,
            nextId: r.nextId,
            documents: Object.fromEntries((groups[shard] ?? []).map((s) => [s.id, s.hash])),
          },
    );
    await saveShardStates(cacheFolder, groups.length, states);
  }
  return digestOf(text);
}

/** The shard file the last build made, in the site's folder (brought back from the cache when gone). */
async function keepShardFile(outFolder: string, cacheFolder: string, name: string): Promise<void> {
  const path = join(outFolder, name);
  if ((await fileBytes(path)) === 0) await copyFile(join(cacheFolder, name), path);
}

/** Writes the index file, removes the shard files it no longer names, and returns its text. */
async function writeIndexFile(
  outDir: string,
  outFolder: string,
  {
    documentCount,
    names,
    hidden,
  }: { documentCount: number; names: readonly string[]; hidden?: Record<string, string[]> },
): Promise<string> {
  const index: SearchIndexFile = {
    schemaVersion: SCHEMA_VERSION,
    documentCount,
    shards: [...names],
    ...(hidden === undefined || Object.keys(hidden).length === 0 ? {} : { hidden }),
  };
  const text = JSON.stringify(index);
  await writeFile(join(outDir, searchIndexPath().slice(1)), text);
  const current = new Set(names);
  for (const name of await readdir(outFolder)) {
    if (!current.has(name)) await rm(join(outFolder, name), { force: true });
  }
  return text;
}

/** The overlay: the stories whose documents in the shards are not current, and each shard's hidden ones. */
interface OverlayPlan {
  readonly stories: readonly SearchSource[];
  /** By shard number: the story ids of its file that are not to be used. */
  readonly hidden: readonly (readonly string[])[];
}

/**
 * The overlay for this build, when every shard with stories is the last build's, its file is still in the
 * cache, and at most `limit` stories differ from their document in it; undefined otherwise (the shards are
 * made or updated instead, and the overlay is folded in).
 */
async function planOverlay(
  groups: readonly (readonly SearchSource[])[],
  previous: readonly (ShardState | null)[],
  cacheFolder: string,
  limit: number,
): Promise<OverlayPlan | undefined> {
  if (limit <= 0 || previous.length !== groups.length) return undefined;
  const stories: SearchSource[] = [];
  const hidden: string[][] = [];
  for (const [shard, shardSources] of groups.entries()) {
    const last = previous[shard];
    const gone: string[] = [];
    hidden.push(gone);
    if (last == null) {
      if (shardSources.length > 0) return undefined;
      continue;
    }
    const now = new Set<string>();
    for (const source of shardSources) {
      now.add(source.id);
      if (last.documents[source.id] === source.hash) continue;
      stories.push(source);
      if (stories.length > limit) return undefined;
      if (last.documents[source.id] !== undefined) gone.push(source.id);
    }
    for (const id of Object.keys(last.documents)) if (!now.has(id)) gone.push(id);
    if (shardSources.length > 0 && !(await exists(join(cacheFolder, last.name)))) return undefined;
  }
  return { stories: stories.sort((a, b) => (a.id < b.id ? -1 : 1)), hidden };
}

/** Keeps every shard as the last build wrote it and writes the overlay beside them (see OVERLAY_MAX_STORIES). */
async function writeWithOverlay(
  outDir: string,
  outFolder: string,
  cacheFolder: string,
  groups: readonly (readonly SearchSource[])[],
  previous: readonly (ShardState | null)[],
  { stories, hidden }: OverlayPlan,
): Promise<string> {
  const names: string[] = [];
  const hiddenByName: Record<string, string[]> = {};
  const states = await Promise.all(
    groups.map(async (shardSources, shard): Promise<ShardState | null> => {
      const last = previous[shard];
      if (last == null || shardSources.length === 0) return null;
      await keepShardFile(outFolder, cacheFolder, last.name);
      return last;
    }),
  );
  states.forEach((state, shard) => {
    if (state === null) return;
    names.push(state.name);
    const ids = hidden[shard] ?? [];
    if (ids.length > 0) hiddenByName[state.name] = [...ids].sort();
  });
  let overlay: OverlayState | null = null;
  if (stories.length > 0) {
    const made = await makeShard({
      // Numbered past the shards, so its name is not one of theirs.
      shard: groups.length,
      documents: stories.map((s) => s.document()),
      update: null,
      outFolder,
      cacheFolder,
    });
    names.push(made.name);
    overlay = { name: made.name, documents: Object.fromEntries(stories.map((s) => [s.id, s.hash])) };
  }
  const documentCount = groups.reduce((sum, g) => sum + g.length, 0);
  const text = await writeIndexFile(outDir, outFolder, { documentCount, names, hidden: hiddenByName });
  await saveShardStates(cacheFolder, groups.length, states, overlay);
  return digestOf(text);
}
