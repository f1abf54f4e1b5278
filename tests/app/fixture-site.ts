/**
 * Site data for app tests, made from the bundled articles by the real build code, so the app is tested
 * against exactly what the build emits. `serveSite` stubs fetch to answer the app's data URLs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import { extractArticleFromBytes } from '../../src/ingest/extract/extract-article.ts';
import { relateCorpus } from '../../src/ingest/relate/relate-corpus.ts';
import { searchIndexFiles } from '../../src/ingest/emit/write-search-index.ts';
import { storyCopies } from '../../src/ingest/emit/write-site-data.ts';
import { SCHEMA_VERSION, type Article, type ArticleEntry } from '../../src/shared/article-schema.ts';
import { searchIndexPath, searchShardPath } from '../../src/shared/site-paths.ts';

const SEEDS = ['000_35ecf8471d5c1db4.txt', '001_ce27524887c080ba.txt'];

export const articles: Article[] = SEEDS.map((name) =>
  // jsdom gives modules http: URLs, so the path is taken from the project root (the test runner's cwd).
  extractArticleFromBytes(readFileSync(resolve('articles', name)), name),
);
const corpus = relateCorpus(articles);

export function entryFor(article: Article): ArticleEntry {
  const story = corpus.storyOf.get(article.id);
  if (story === undefined) throw new Error('fixture article has no story');
  return { schemaVersion: SCHEMA_VERSION, article, story, related: corpus.relatedOf.get(article.id) ?? [] };
}

export function siteFiles(): Map<string, unknown> {
  const files = new Map<string, unknown>();
  files.set('/data/index.json', {
    schemaVersion: SCHEMA_VERSION,
    builtAt: '2025-03-12T08:00:00.000Z',
    articleCount: articles.length,
    storyCount: corpus.stories.length,
    pageSize: 30,
    pageCount: 1,
  });
  files.set('/data/stories/page-1.json', {
    schemaVersion: SCHEMA_VERSION,
    page: 1,
    pageCount: 1,
    stories: corpus.stories,
  });
  for (const a of articles) files.set(`/data/articles/${a.id}.json`, entryFor(a));
  for (const story of corpus.stories) files.set(`/data/story/${story.id}.json`, storyCopies(story));
  const search = searchIndexFiles(corpus.stories, articles);
  files.set(searchIndexPath(), search.index);
  for (const [name, shard] of search.shards) files.set(searchShardPath(name), JSON.parse(JSON.stringify(shard)));
  return files;
}

export function serveSite(files: Map<string, unknown> = siteFiles()): void {
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = new URL(url, 'http://localhost').pathname;
    const body = files.get(path);
    if (body === undefined)
      return new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain' } });
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}
