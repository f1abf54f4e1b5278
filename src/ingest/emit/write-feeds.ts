/**
 * Feeds: the latest articles as RSS 2.0 (`feed.xml`), Atom (`atom.xml`) and JSON Feed 1.1 (`feed.json`),
 * and one Atom feed per story (`feeds/story/<id>.xml`, its newest copies) so a reader can follow one story's
 * new coverage. The XML is written by feed-xml.ts, the JSON here, from the same entries.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article, StorySummary } from '../../shared/article-schema.ts';
import { outletLabel } from '../../shared/outlet-label.ts';
import { articlePath, SITE_NAME, storyFeedPath } from '../../shared/site-paths.ts';
import { articleBlocksHtml } from './share/article-html.ts';
import { atomXml, rssXml, type FeedEntry, type FeedHead } from './feed-xml.ts';
import { FileWriter } from './file-writer.ts';
import type { OutputInputs } from './output-inputs.ts';
import type { OutputManifest } from './output-manifest.ts';
import { describeArticle } from './share/share-meta.ts';

export const FEED_SIZE = 50;
/**
 * A story's feed tells its followers about new copies: the newest 20 are plenty for a feed reader, and
 * a story covered by hundreds of outlets would otherwise make a feed of megabytes.
 */
export const STORY_FEED_SIZE = 20;
const SITE_DESCRIPTION = "Every outlet's copy of the news, grouped by story.";

/**
 * The `limit` newest articles, newest first; articles without a date come after the dated ones, and
 * input order breaks ties. Kept in a list of at most `limit` as the articles go by (at 100k articles,
 * sorting them all for the site feed's 50 was a tenth of a rebuild's feeds stage).
 */
export function newestFirst(articles: readonly Article[], limit: number): Article[] {
  const kept: { article: Article; time: number }[] = [];
  for (const article of articles) {
    const time = article.published === null ? NaN : Date.parse(article.published);
    // After every kept article at least as new: an earlier one in input order stays first.
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (atLeastAsNew(kept[middle]?.time ?? NaN, time)) low = middle + 1;
      else high = middle;
    }
    if (low >= limit) continue;
    kept.splice(low, 0, { article, time });
    if (kept.length > limit) kept.pop();
  }
  return kept.map((k) => k.article);
}

/** Whether a publication time (NaN: undated) is at least as new as another, an undated one the oldest. */
function atLeastAsNew(time: number, other: number): boolean {
  if (Number.isNaN(other)) return true;
  if (Number.isNaN(time)) return false;
  return time >= other;
}

function feedEntry(article: Article, siteUrl: string, builtAt: Date): FeedEntry {
  const published = article.published === null ? null : new Date(article.published);
  return {
    url: `${siteUrl}${articlePath(article.id)}`,
    title: article.headline,
    updated: published ?? builtAt,
    published,
    summary: describeArticle(article),
    contentHtml: articleBlocksHtml(article),
    author: article.byline ?? outletLabel(article),
  };
}

const RIGHTS = 'Each article belongs to its outlet.';

/** A feed's head: the site's description and rights, updated when its newest entry was. */
function feedHead(
  options: Pick<FeedHead, 'title' | 'id' | 'link' | 'self'>,
  entries: readonly FeedEntry[],
  builtAt: Date,
): FeedHead {
  return {
    ...options,
    updated: entries[0]?.published ?? builtAt,
    description: SITE_DESCRIPTION,
    rights: RIGHTS,
    generator: SITE_NAME,
  };
}

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  content_html: string;
  date_published?: string;
  authors?: { name: string }[];
  language?: string;
}

/** The JSON Feed of the latest articles, from the entries the XML feeds were made from. */
function jsonFeed(latest: readonly { article: Article; entry: FeedEntry }[], siteUrl: string): string {
  const items: JsonFeedItem[] = latest.map(({ article: a, entry }) => ({
    id: entry.url,
    url: entry.url,
    title: a.headline,
    summary: entry.summary,
    content_html: entry.contentHtml,
    ...(a.published === null ? {} : { date_published: new Date(a.published).toISOString() }),
    ...(a.byline === null ? {} : { authors: [{ name: a.byline }] }),
    ...(a.language === 'und' ? {} : { language: a.language }),
  }));
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: SITE_NAME,
    home_page_url: `${siteUrl}/`,
    feed_url: `${siteUrl}/feed.json`,
    description: SITE_DESCRIPTION,
    items,
  });
}

export async function writeFeeds(
  outDir: string,
  articles: readonly Article[],
  stories: readonly StorySummary[],
  siteUrl: string,
  builtAt: string,
  manifest: OutputManifest | null = null,
  inputs: OutputInputs | null = null,
): Promise<void> {
  const built = new Date(builtAt);
  const latest = newestFirst(articles, FEED_SIZE).map((article) => ({
    article,
    entry: feedEntry(article, siteUrl, built),
  }));
  const entries = latest.map((x) => x.entry);
  const site = { title: SITE_NAME, id: `${siteUrl}/`, link: `${siteUrl}/` };
  await writeFile(
    join(outDir, 'feed.xml'),
    rssXml(feedHead({ ...site, self: `${siteUrl}/feed.xml` }, entries, built), entries),
  );
  await writeFile(
    join(outDir, 'atom.xml'),
    atomXml(feedHead({ ...site, self: `${siteUrl}/atom.xml` }, entries, built), entries),
  );
  await writeFile(join(outDir, 'feed.json'), jsonFeed(latest, siteUrl));

  // Made only when a story's feed is (a rebuild keeps most): a map of every article, 100k entries at 100k.
  let byId: Map<string, Article> | undefined;
  const articleById = () => (byId ??= new Map(articles.map((a) => [a.id, a])));
  await mkdir(join(outDir, 'feeds', 'story'), { recursive: true });
  const writer = new FileWriter(manifest);
  for (const story of stories) {
    const name = `feeds/story/${story.id}.xml`;
    const unchanged = inputs?.storyFeedUnchanged(story) === true;
    if (writer.keepOrReuse(name, unchanged, () => inputs?.storyFeed(story, builtAt)) !== undefined) continue;
    const members = newestFirst(
      story.members.flatMap((m) => articleById().get(m.id) ?? []),
      STORY_FEED_SIZE,
    );
    const storyEntries = members.map((article) => feedEntry(article, siteUrl, built));
    const self = `${siteUrl}${storyFeedPath(story.id)}`;
    const head = feedHead(
      {
        title: `${story.headline} — ${SITE_NAME}`,
        id: self,
        link: `${siteUrl}${articlePath(members[0]?.id ?? story.id)}`,
        self,
      },
      storyEntries,
      built,
    );
    await writer.write(join(outDir, name), atomXml(head, storyEntries));
  }
  await writer.flush();
}
