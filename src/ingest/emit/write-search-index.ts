/** Writes the search index: one MiniSearch document per story (see src/shared/search-options.ts). */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { SCHEMA_VERSION, type Article, type StorySummary } from '../../shared/article-schema.ts';
import { outletLabel } from '../../shared/outlet-label.ts';
import { INDEX_OPTIONS, type SearchDocument, type SearchIndexFile } from '../../shared/search-options.ts';
import { searchIndexPath } from '../../shared/site-paths.ts';
import { clipText } from './share/html-text.ts';
import { bodyText } from '../extract/extract-article.ts';

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
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(stories.map((s) => searchDocument(s, byId)));
  return {
    schemaVersion: SCHEMA_VERSION,
    documentCount: index.documentCount,
    // MiniSearch's serialisation is a plain JSON object; the file schema only checks it is one.
    index: index.toJSON() as unknown as Record<string, unknown>,
  };
}

/** Writes `data/search-index.json`; returns a digest of it. */
export async function writeSearchIndex(
  outDir: string,
  stories: readonly StorySummary[],
  articles: readonly Article[],
): Promise<string> {
  const json = JSON.stringify(buildSearchIndex(stories, articles));
  await writeFile(join(outDir, searchIndexPath().slice(1)), json);
  return createHash('sha256').update(json).digest('hex');
}
