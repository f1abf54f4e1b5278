/**
 * Feeds: the latest articles as RSS 2.0 (`feed.xml`), Atom (`atom.xml`) and JSON Feed 1.1 (`feed.json`),
 * and one Atom feed per story (`feeds/story/<id>.xml`, its newest copies) so a reader can follow one story's
 * new coverage.
 * RSS and Atom come from the `feed` library (it escapes and formats the XML); its JSON output is JSON Feed
 * 1.0, so the 1.1 document is written here from the same entries.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Feed, type Item } from 'feed';
import type { Article, StorySummary } from '../../shared/article-schema.ts';
import { articlePath, SITE_NAME, storyFeedPath } from '../../shared/site-paths.ts';
import { articleBlocksHtml } from './share/article-html.ts';
import { escapeHtml } from './share/html-text.ts';
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

/** Newest first; articles without a date keep their input order after the dated ones. */
export function newestFirst(articles: readonly Article[]): Article[] {
  return articles
    .map((article, order) => ({
      article,
      order,
      time: article.published === null ? NaN : Date.parse(article.published),
    }))
    .sort((a, b) => {
      if (Number.isNaN(a.time) !== Number.isNaN(b.time)) return Number.isNaN(a.time) ? 1 : -1;
      return (Number.isNaN(a.time) ? 0 : b.time - a.time) || a.order - b.order;
    })
    .map((x) => x.article);
}

function feedItem(article: Article, siteUrl: string, builtAt: Date): Item {
  const url = `${siteUrl}${articlePath(article.id)}`;
  const date = article.published === null ? builtAt : new Date(article.published);
  return {
    title: article.headline,
    id: url,
    link: url,
    date,
    ...(article.published === null ? {} : { published: date }),
    description: describeArticle(article),
    content: articleBlocksHtml(article),
    ...(article.byline === null ? {} : { author: [{ name: article.byline }] }),
  };
}

/**
 * The `feed` library marks Atom entry titles `type="html"`, so a reader parses them as HTML: the
 * headline, which is text, is HTML-escaped for Atom (RSS titles stay plain text).
 */
function atomItem(item: Item): Item {
  return { ...item, title: escapeHtml(item.title) };
}

function makeFeed(options: {
  title: string;
  id: string;
  link: string;
  self: Record<string, string>;
  updated: Date;
}): Feed {
  return new Feed({
    title: options.title,
    description: SITE_DESCRIPTION,
    id: options.id,
    link: options.link,
    updated: options.updated,
    feedLinks: options.self,
    generator: SITE_NAME,
    copyright: 'Each article belongs to its outlet.',
  });
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

function jsonFeed(articles: readonly Article[], siteUrl: string, builtAt: Date): string {
  const items: JsonFeedItem[] = articles.map((a) => {
    const item = feedItem(a, siteUrl, builtAt);
    return {
      id: item.link,
      url: item.link,
      title: a.headline,
      summary: item.description ?? '',
      content_html: item.content ?? '',
      ...(a.published === null ? {} : { date_published: new Date(a.published).toISOString() }),
      ...(a.byline === null ? {} : { authors: [{ name: a.byline }] }),
      ...(a.language === 'und' ? {} : { language: a.language }),
    };
  });
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
  const latest = newestFirst(articles).slice(0, FEED_SIZE);
  const siteOptions = {
    title: SITE_NAME,
    id: `${siteUrl}/`,
    link: `${siteUrl}/`,
    self: { rss: `${siteUrl}/feed.xml`, atom: `${siteUrl}/atom.xml`, json: `${siteUrl}/feed.json` },
    updated: latest[0]?.published == null ? built : new Date(latest[0].published),
  };
  const site = makeFeed(siteOptions);
  for (const article of latest) site.addItem(feedItem(article, siteUrl, built));
  await writeFile(join(outDir, 'feed.xml'), site.rss2());
  const atom = makeFeed({ ...siteOptions, self: siteOptions.self });
  for (const article of latest) atom.addItem(atomItem(feedItem(article, siteUrl, built)));
  await writeFile(join(outDir, 'atom.xml'), atom.atom1());
  await writeFile(join(outDir, 'feed.json'), jsonFeed(latest, siteUrl, built));

  const byId = new Map(articles.map((a) => [a.id, a]));
  await mkdir(join(outDir, 'feeds', 'story'), { recursive: true });
  const writer = new FileWriter(manifest);
  for (const story of stories) {
    const name = `feeds/story/${story.id}.xml`;
    if (writer.reuse(name, inputs?.storyFeed(story, builtAt)) !== undefined) continue;
    const members = newestFirst(story.members.flatMap((m) => byId.get(m.id) ?? [])).slice(0, STORY_FEED_SIZE);
    const self = `${siteUrl}${storyFeedPath(story.id)}`;
    const feed = makeFeed({
      title: `${story.headline} — ${SITE_NAME}`,
      id: self,
      link: `${siteUrl}${articlePath(members[0]?.id ?? story.id)}`,
      self: { atom: self },
      updated: members[0]?.published == null ? built : new Date(members[0].published),
    });
    for (const article of members) feed.addItem(atomItem(feedItem(article, siteUrl, built)));
    await writer.write(join(outDir, name), feed.atom1());
  }
  await writer.flush();
}
