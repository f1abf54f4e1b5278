/**
 * Writes the JSON the app reads (and returns a digest of it), each file checked against the shared contract first: the build never
 * emits data the app would refuse.
 *
 *   data/index.json               SiteIndex: counts and the number of list pages
 *   data/stories/page-<n>.json    StoryPage: one page of the story list, newest first
 *   data/story/<id>.json          StoryCopies: every copy of one story
 *   data/articles/<id>.json       ArticleEntry: the article, its story and its related articles
 *
 * Pages and entries list at most a dozen copies of a story (listed-story.ts); the story's file has them all.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ArticleEntrySchema,
  SCHEMA_VERSION,
  SiteIndexSchema,
  StoryCopiesSchema,
  StoryPageSchema,
  type Article,
  type ArticleEntry,
  type SiteIndex,
  type StoryCopies,
  type StoryPage,
  type StorySummary,
} from '../../shared/article-schema.ts';
import { parseOrThrow } from '../../shared/validate.ts';
import type { RelatedCorpus } from '../relate/relate-corpus.ts';
import { BatchedHash } from './batched-hash.ts';
import { FileWriter } from './file-writer.ts';
import { listedStory } from './listed-story.ts';
import type { OutputInputs } from './output-inputs.ts';
import type { OutputManifest } from './output-manifest.ts';

export const STORIES_PER_PAGE = 30;

/**
 * Writes `name` as JSON unless the last build made it from the same inputs (`inputKey`), and feeds its
 * name and content digest to the build's digest, from which the service worker's build id comes.
 * `make` checks the data against the schema too: a kept file was checked when it was written. A file whose
 * inputs are known `unchanged` is kept without its key being made (OutputInputs.entryUnchanged).
 * Returns a promise only when it writes: most files of a rebuild are kept, and a promise per file to await
 * is 140k turns of the event loop's microtask queue at 100k articles.
 */
function writeJson(
  writer: FileWriter,
  outDir: string,
  name: string,
  make: () => unknown,
  digest: BatchedHash,
  inputKey: () => string | undefined,
  unchanged = false,
): Promise<void> | undefined {
  const kept = writer.keepOrReuse(name, unchanged, inputKey);
  if (kept !== undefined) {
    digest.add(`${name}\0${kept}\n`);
    return undefined;
  }
  return writer.write(join(outDir, name), JSON.stringify(make())).then((fileDigest) => {
    digest.add(`${name}\0${fileDigest}\n`);
  });
}

/** The stories on page `page` (from 1) of the story list. */
function storiesOnPage(stories: readonly StorySummary[], page: number): readonly StorySummary[] {
  return stories.slice((page - 1) * STORIES_PER_PAGE, page * STORIES_PER_PAGE);
}

/** Page `page` (from 1) of the story list, newest first, as `data/stories/page-<n>.json` holds it. */
export function storyPage(stories: readonly StorySummary[], page: number): StoryPage {
  return {
    schemaVersion: SCHEMA_VERSION,
    page,
    pageCount: Math.max(1, Math.ceil(stories.length / STORIES_PER_PAGE)),
    stories: storiesOnPage(stories, page).map(listedStory),
  };
}

export async function writeSiteData(
  outDir: string,
  articles: readonly Article[],
  corpus: RelatedCorpus,
  builtAt: string,
  manifest: OutputManifest | null = null,
  inputs: OutputInputs | null = null,
): Promise<string> {
  // Every file's name and content digest, from which the service worker's build id comes.
  const digest = new BatchedHash('sha256');
  const writer = new FileWriter(manifest);
  const dataDir = join(outDir, 'data');
  await mkdir(join(dataDir, 'stories'), { recursive: true });
  await mkdir(join(dataDir, 'articles'), { recursive: true });
  await mkdir(join(dataDir, 'story'), { recursive: true });

  const pageCount = Math.max(1, Math.ceil(corpus.stories.length / STORIES_PER_PAGE));
  const index: SiteIndex = parseOrThrow(
    SiteIndexSchema,
    {
      schemaVersion: SCHEMA_VERSION,
      builtAt,
      articleCount: articles.length,
      storyCount: corpus.stories.length,
      pageSize: STORIES_PER_PAGE,
      pageCount,
    },
    'data/index.json',
  );
  // The build time is left out of the digest: rebuilding the same articles is not a new version.
  digest.add(JSON.stringify({ ...index, builtAt: '' }));
  await writeFile(join(dataDir, 'index.json'), JSON.stringify(index));

  for (let page = 1; page <= pageCount; page++) {
    const name = `data/stories/page-${page}.json`;
    const make = (): StoryPage => parseOrThrow(StoryPageSchema, storyPage(corpus.stories, page), name);
    const key = () => inputs?.storyPage(storiesOnPage(corpus.stories, page), page, pageCount);
    const writing = writeJson(writer, outDir, name, make, digest, key);
    if (writing !== undefined) await writing;
  }

  for (const story of corpus.stories) {
    const name = `data/story/${story.id}.json`;
    const make = () => parseOrThrow(StoryCopiesSchema, storyCopies(story), name);
    const key = () => inputs?.storyCopies(story);
    const writing = writeJson(writer, outDir, name, make, digest, key, inputs?.storyUnchanged(story));
    if (writing !== undefined) await writing;
  }

  for (const article of articles) {
    const name = `data/articles/${article.id}.json`;
    const make = () =>
      parseOrThrow(ArticleEntrySchema, articleEntry(article, corpus), `${name} (from ${article.sourceFile})`);
    const key = () => inputs?.entry(article);
    const writing = writeJson(writer, outDir, name, make, digest, key, inputs?.entryUnchanged(article));
    if (writing !== undefined) await writing;
  }
  await writer.flush();
  return digest.digest('hex');
}

/** Every copy of a story: the file the story list's "+N" and the sidebar's "All N copies" open. */
export function storyCopies(story: StorySummary): StoryCopies {
  return { schemaVersion: SCHEMA_VERSION, id: story.id, headline: story.headline, members: story.members };
}

/** An article with its story and related articles: its data file, and what its share page shows. */
export function articleEntry(article: Article, corpus: RelatedCorpus): ArticleEntry {
  const story = corpus.storyOf.get(article.id);
  if (story === undefined) throw new Error(`article ${article.id} (${article.sourceFile}) is in no story`);
  return {
    schemaVersion: SCHEMA_VERSION,
    article,
    story: listedStory(story),
    related: corpus.relatedOf.get(article.id) ?? [],
  };
}
