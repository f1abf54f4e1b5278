/**
 * `broadsheet build`: articles folder → built site. Read, extract, relate, then write the app shell
 * and the data (the shell first, since Vite empties the output folder).
 */
import { join, resolve } from 'node:path';
import type { Article, StorySummary } from '../shared/article-schema.ts';
import { buildAppShell } from './emit/build-app-shell.ts';
import { formatLeftOut, makeReport, writeReport, type BuildReport } from './emit/build-report.ts';
import { writePreviewImages } from './emit/preview-image/write-preview-images.ts';
import { normaliseSiteUrl } from './emit/share/share-meta.ts';
import { writeSharePages } from './emit/share/write-share-pages.ts';
import { writeFeeds } from './emit/write-feeds.ts';
import { writeHeaders } from './emit/write-headers.ts';
import { buildIdOf, stampServiceWorker } from './emit/stamp-service-worker.ts';
import { SearchHelpers, startSearchIndex } from './emit/write-search-index.ts';
import { writeSitemap } from './emit/write-sitemap.ts';
import { OutputManifest } from './emit/output-manifest.ts';
import { emitVersion, OutputInputs, StoryKeys } from './emit/output-inputs.ts';
import { articleEntry, storyPage, writeSiteData } from './emit/write-site-data.ts';
import { formatDate } from '../shared/format-date.ts';
import { extractInputsInParallel } from './extract-inputs.ts';
import { ExtractionCache } from './extract/extraction-cache.ts';
import { InputIndex } from './input-index.ts';
import { readInputs } from './read-inputs.ts';
import { relateCorpusInParallel } from './relate/relate-corpus.ts';
import { RelateStateStore } from './relate/relate-state.ts';
import { DEFAULT_UPDATE_LIMITS, type UpdateLimits } from './relate/update-relations.ts';
import { TokenCache } from './relate/token-cache.ts';
import { StageClock, type StageTiming } from './stage-clock.ts';
import type { BuildProgress } from './build-progress.ts';

export interface BuildOptions {
  readonly articlesDir: string;
  readonly outDir: string;
  /** Data only: no app shell, share pages or preview images; for tests and benchmarks of the data stages. */
  readonly skipApp?: boolean;
  /** Files larger than this are left out (default DEFAULT_MAX_BYTES). */
  readonly maxBytes?: number;
  /** Absolute URL the site is served from, for canonical and preview URLs (default: the local preview). */
  readonly siteUrl?: string;
  /** False skips the preview images (the pages still name them); the benchmark times them apart. */
  readonly previewImages?: boolean;
  /**
   * Folder for what later builds can reuse: extraction results and preview images, each keyed by content
   * and code version (default DEFAULT_CACHE_DIR); null extracts and renders everything again.
   */
  readonly cacheDir?: string | null;
  /**
   * When a rebuild updates the last build's stories and related lists rather than relating the corpus in
   * full (update-relations.ts; default DEFAULT_UPDATE_LIMITS: from 5000 articles, up to 50 changed).
   */
  readonly relateUpdate?: UpdateLimits;
  readonly log?: (line: string) => void;
  /** Stage-by-stage progress on the terminal (the command line passes one; tests and the bench stay quiet). */
  readonly progress?: BuildProgress;
}

export const DEFAULT_SITE_URL = 'http://localhost:4173';
export const SITE_URL_VARIABLE = 'BROADSHEET_SITE_URL';
export const DEFAULT_CACHE_DIR = '.cache/broadsheet';

export interface BuildResult {
  readonly report: BuildReport;
  readonly articles: readonly Article[];
  readonly stories: readonly StorySummary[];
  /** Wall time and memory of each stage, in the order they ended. */
  readonly stages: readonly StageTiming[];
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? ((line: string) => console.error(line));
  const outDir = resolve(options.outDir);
  const builtAt = new Date().toISOString();
  const siteUrlSetting = options.siteUrl ?? process.env[SITE_URL_VARIABLE];
  if (siteUrlSetting === undefined || siteUrlSetting === '') {
    log(`warning: no site URL given (--site-url or ${SITE_URL_VARIABLE}); share links will use ${DEFAULT_SITE_URL}`);
  }
  const siteUrl = normaliseSiteUrl(siteUrlSetting || DEFAULT_SITE_URL);

  const cacheRoot = options.cacheDir === undefined ? resolve(DEFAULT_CACHE_DIR) : options.cacheDir;
  const clock = new StageClock(options.progress);
  // The last build's relate state (195 MB at 100k articles), when this code made it, is read on another
  // thread meanwhile: it is needed only once the files are read and extracted.
  const relateStore = cacheRoot === null ? null : new RelateStateStore(join(cacheRoot, 'relate'));
  if (relateStore?.madeByThisCode() === true) relateStore.readAhead();
  // The app shell depends on no article: it is built (or copied from the cache) from the start, beside
  // reading and extracting, whose main thread mostly waits for the files or the workers; every stage that
  // writes into the output folder comes after it (a build without the cache has Vite empty that folder).
  const appShell =
    options.skipApp === true
      ? undefined
      : clock.background('app shell', () =>
          buildAppShell(outDir, { cacheDir: cacheRoot === null ? null : join(cacheRoot, 'app-shell') }),
        );
  const readAndExtract = async () => {
    // With the cache, files whose stat is the last build's are not read unless their extraction is not cached.
    const { inputs, skipped } = await clock.time('read', () =>
      readInputs(
        options.articlesDir,
        options.maxBytes,
        cacheRoot === null ? null : new InputIndex(join(cacheRoot, 'inputs'), options.articlesDir),
      ),
    );
    const extracted = await clock.time('extract', () =>
      extractInputsInParallel(inputs, {
        onStep: clock.step,
        cache: cacheRoot === null ? null : new ExtractionCache(join(cacheRoot, 'extraction')),
      }),
    );
    // The files' bytes are not needed after extraction; at 100k articles they hold hundreds of MB until
    // the build ends if this array keeps them.
    inputs.length = 0;
    return { ...extracted, skipped };
  };
  const { articles, failed, keyOf, skipped } = await readAndExtract().catch(async (error: unknown) => {
    // A build that stops leaves nothing still writing into the output folder.
    await appShell?.wait().catch(() => {});
    throw error;
  });
  const leftOut = [...skipped, ...failed];
  for (const entry of leftOut) log(formatLeftOut(entry));

  // With the cache, tokenised chunks of unchanged articles are read back rather than tokenised again.
  const articleKeys = articles.flatMap((a) => keyOf.get(a.id) ?? []);
  const tokenCache =
    cacheRoot === null || articleKeys.length !== articles.length
      ? undefined
      : { store: new TokenCache(join(cacheRoot, 'tokens')), keys: articleKeys };
  // The app shell is in place before anything else is written, so the search index can write its shards
  // as soon as the corpus is grouped.
  await appShell?.wait();
  // The search index is made on a worker from the stories alone: from the moment they are grouped, beside
  // the related-stories search and the stages that write the rest. Its stories are keyed as the output's.
  const storyKeys = cacheRoot === null ? null : new StoryKeys(keyOf);
  const searchHelpers = new SearchHelpers();
  let searchIndex: { wait: () => Promise<string> } | undefined;
  const startSearch = (stories: readonly StorySummary[]) =>
    (searchIndex ??= clock.background('search index', () =>
      startSearchIndex(outDir, stories, articles, {
        cacheDir: cacheRoot === null ? null : join(cacheRoot, 'search-index'),
        ...(storyKeys === null ? {} : { storyKey: (story: StorySummary) => storyKeys.of(story) }),
        helpers: searchHelpers,
      }),
    ));
  // With the cache, a rebuild that changed a few articles updates the last build's stories and lists.
  const state =
    tokenCache === undefined || relateStore === null
      ? undefined
      : {
          store: relateStore,
          keys: articleKeys,
          limits: options.relateUpdate ?? DEFAULT_UPDATE_LIMITS,
        };
  const corpus = await relateCorpusInParallel(
    articles,
    tokenCache === undefined || state === undefined
      ? { clock, onGrouped: startSearch }
      : { clock, tokenCache, state, onGrouped: startSearch },
  );
  relateStore?.dropReadAhead();
  // (The update of a rebuild does not tell its stories before it ends.)
  const search = startSearch(corpus.stories);
  // With a cache, files the last build wrote into this folder unchanged are left alone, and files made
  // from the same inputs (article, story, related list) are not even made again. When the relate update
  // started from the state that build saved, the articles it left alone are not even keyed: their files
  // are kept as the output record has them (OutputInputs.entryUnchanged).
  const manifest = clock.timeSync('output record', () =>
    cacheRoot === null ? null : new OutputManifest(join(cacheRoot, 'output'), outDir, emitVersion(siteUrl)),
  );
  const madeFrom =
    manifest === null || storyKeys === null
      ? null
      : new OutputInputs(keyOf, corpus, manifest.previousStateToken, storyKeys);
  const dataDigest = await clock.time('write data', () =>
    writeSiteData(outDir, articles, corpus, builtAt, manifest, madeFrom),
  );
  await clock.time('feeds', async () => {
    await writeFeeds(outDir, articles, corpus.stories, siteUrl, builtAt, manifest, madeFrom);
    await writeSitemap(outDir, articles, siteUrl, manifest);
  });
  if (options.skipApp !== true) {
    await clock.time('share pages', () =>
      writeSharePages(
        outDir,
        articles,
        (article) => articleEntry(article, corpus),
        siteUrl,
        (written) => clock.step(written, articles.length),
        {
          counts: { storyCount: corpus.stories.length, articleCount: articles.length },
          firstPage: storyPage(corpus.stories, 1),
        },
        manifest,
        madeFrom,
      ),
    );
  }
  // Rather than wait for the search worker, this thread makes the shards it has not taken yet (a small
  // index, made on this thread from the start, offers none).
  if (searchHelpers.offered) await clock.time('search index (here)', () => searchHelpers.help());
  const searchDigest = await search.wait();
  await state?.store.settled();
  // A build without images (the benchmark times them apart) leaves the last build's images in place.
  if (options.previewImages === false) manifest?.keep('og');
  if (options.skipApp !== true && options.previewImages !== false) {
    await clock.time('preview images', () =>
      writePreviewImages(
        outDir,
        articles.map((a) => {
          const inputKey = keyOf.get(a.id);
          return {
            id: a.id,
            card: () => ({
              headline: a.headline,
              outlet: a.outlet,
              date: a.published === null ? null : formatDate(a.published, a.language === 'und' ? 'en' : a.language),
            }),
            ...(inputKey === undefined ? {} : { inputKey }),
            unchanged: madeFrom?.entryUnchanged(a) ?? false,
          };
        }),
        { cacheDir: cacheRoot === null ? null : join(cacheRoot, 'preview-images'), manifest },
      ),
    );
  }
  // The service worker, the headers, the output record and the build report.
  const report = await clock.time('finish', async () => {
    if (options.skipApp !== true) await stampServiceWorker(outDir, buildIdOf([dataDigest, searchDigest]));
    await writeHeaders(outDir);
    // The output record names the relate state saved with this output, for the next build to update from.
    const removed = manifest?.finish(relateStore?.savedToken) ?? 0;
    if (removed > 0) log(`removed ${removed} file(s) the last build wrote that this one no longer makes`);
    const made = makeReport(options.articlesDir, builtAt, articles, leftOut);
    await writeReport(outDir, made);
    return made;
  });
  options.progress?.finish();
  log(
    `built ${articles.length} article${articles.length === 1 ? '' : 's'} in ${corpus.stories.length} ` +
      `stor${corpus.stories.length === 1 ? 'y' : 'ies'} into ${outDir}` +
      (leftOut.length > 0 ? `; ${leftOut.length} file(s) left out (see report.json)` : ''),
  );
  return { report, articles, stories: corpus.stories, stages: clock.timings };
}
