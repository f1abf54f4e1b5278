/** The URLs of the emitted data (see src/ingest/emit/write-site-data.ts) and their loaders. */
import {
  ArticleEntrySchema,
  SiteIndexSchema,
  StoryCopiesSchema,
  StoryPageSchema,
  type ArticleEntry,
  type SiteIndex,
  type StoryCopies,
  type StoryPage,
} from '../../shared/article-schema.ts';
import { articleEntryPath, siteIndexPath, storyCopiesPath, storyPagePath } from '../../shared/site-paths.ts';
import { fetchValidated } from './fetch-validated.ts';

export function loadSiteIndex(signal?: AbortSignal): Promise<SiteIndex> {
  return fetchValidated(siteIndexPath(), SiteIndexSchema, signal);
}

export function loadStoryPage(page: number, signal?: AbortSignal): Promise<StoryPage> {
  return fetchValidated(storyPagePath(page), StoryPageSchema, signal);
}

export function loadArticleEntry(id: string, signal?: AbortSignal): Promise<ArticleEntry> {
  return fetchValidated(articleEntryPath(id), ArticleEntrySchema, signal);
}

export function loadStoryCopies(id: string, signal?: AbortSignal): Promise<StoryCopies> {
  return fetchValidated(storyCopiesPath(id), StoryCopiesSchema, signal);
}
