/** The URLs of the emitted data (see src/ingest/emit/write-site-data.ts) and their loaders. */
import {
  ArticleEntrySchema,
  SiteIndexSchema,
  StoryPageSchema,
  type ArticleEntry,
  type SiteIndex,
  type StoryPage,
} from '../../shared/article-schema.ts';
import { fetchValidated } from './fetch-validated.ts';

export const DATA_ROOT = '/data';

export function loadSiteIndex(signal?: AbortSignal): Promise<SiteIndex> {
  return fetchValidated(`${DATA_ROOT}/index.json`, SiteIndexSchema, signal);
}

export function loadStoryPage(page: number, signal?: AbortSignal): Promise<StoryPage> {
  return fetchValidated(`${DATA_ROOT}/stories/page-${page}.json`, StoryPageSchema, signal);
}

export function loadArticleEntry(id: string, signal?: AbortSignal): Promise<ArticleEntry> {
  return fetchValidated(`${DATA_ROOT}/articles/${encodeURIComponent(id)}.json`, ArticleEntrySchema, signal);
}
