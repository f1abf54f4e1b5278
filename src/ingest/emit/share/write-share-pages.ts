/**
 * Writes a real HTML page for every article at its own URL (`article/<id>/index.html`), with the tags
 * link previews read (Open Graph, Twitter card, JSON-LD NewsArticle) and the article text itself, plus
 * `404.html` and the home page's own preview tags. Crawlers do not run JavaScript: these pages must
 * stand on their own.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Article, ArticleEntry, StoryPage } from '../../../shared/article-schema.ts';
import {
  COMPARE_PATH,
  SAVED_PATH,
  SEARCH_PATH,
  SITE_NAME,
  STORY_PATH,
  storyFeedPath,
} from '../../../shared/site-paths.ts';
import { appOnlyPageHtml, articlePageHtml, notFoundPageHtml, siteChromeHtml } from './article-html.ts';
import { storyListHtml } from './story-list-html.ts';
import { escapeHtml as e, jsonForScript } from './html-text.ts';
import { parsePageTemplate, type PageTemplate } from './page-template.ts';
import { shareMeta } from './share-meta.ts';
import { FileWriter } from '../file-writer.ts';
import type { OutputInputs } from '../output-inputs.ts';
import { contentDigest, type OutputManifest } from '../output-manifest.ts';

const SITE_DESCRIPTION = "Every outlet's copy of the news, grouped by story, readable offline.";

const meta = (attr: 'name' | 'property', key: string, value: string | number) =>
  `<meta ${attr}="${key}" content="${e(String(value))}" />`;

export function articleHeadTags(entry: ArticleEntry, siteUrl: string): string {
  const m = shareMeta(entry.article, siteUrl);
  const published = entry.article.published;
  return [
    meta('name', 'description', m.description),
    `<link rel="canonical" href="${e(m.canonical)}" />`,
    meta('property', 'og:type', 'article'),
    meta('property', 'og:site_name', m.siteName),
    meta('property', 'og:title', entry.article.headline),
    meta('property', 'og:description', m.description),
    meta('property', 'og:url', m.canonical),
    meta('property', 'og:image', m.image.url),
    meta('property', 'og:image:type', 'image/png'),
    meta('property', 'og:image:width', m.image.width),
    meta('property', 'og:image:height', m.image.height),
    meta('property', 'og:image:alt', m.image.alt),
    ...(published === null ? [] : [meta('property', 'article:published_time', published)]),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', entry.article.headline),
    meta('name', 'twitter:description', m.description),
    meta('name', 'twitter:image', m.image.url),
    meta('name', 'twitter:image:alt', m.image.alt),
    `<link rel="alternate" type="application/atom+xml" title="${e(`Story: ${entry.story.headline}`)}" href="${e(storyFeedPath(entry.story.id))}" />`,
    `<script type="application/ld+json">${jsonForScript(m.jsonLd)}</script>`,
  ]
    .map((tag) => `    ${tag}`)
    .join('\n');
}

function homeHeadTags(siteUrl: string): string {
  return [
    meta('name', 'description', `${SITE_NAME}: ${SITE_DESCRIPTION}`),
    `<link rel="canonical" href="${e(`${siteUrl}/`)}" />`,
    meta('property', 'og:type', 'website'),
    meta('property', 'og:site_name', SITE_NAME),
    meta('property', 'og:title', SITE_NAME),
    meta('property', 'og:description', SITE_DESCRIPTION),
    meta('property', 'og:url', `${siteUrl}/`),
  ]
    .map((tag) => `    ${tag}`)
    .join('\n');
}

export async function readPageTemplate(outDir: string): Promise<PageTemplate> {
  const path = join(outDir, 'index.html');
  return parsePageTemplate(await readFile(path, 'utf8'), path);
}

async function writePage(path: string, html: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, html);
}

/** What the home page shows before the app runs: the first page of the story list and the site's counts. */
export interface HomePage {
  readonly counts: { readonly storyCount: number; readonly articleCount: number };
  readonly firstPage: StoryPage;
}

const keyed = (templateKey: string, entryKey: string | undefined) =>
  entryKey === undefined ? undefined : `${templateKey}:${entryKey}`;

/** Writes every share page, 404.html and the home page; returns the number of article pages. */
export async function writeSharePages(
  outDir: string,
  articles: readonly Article[],
  /** An article's entry, asked for only when its page is made (most pages of a rebuild are kept). */
  entryOf: (article: Article) => ArticleEntry,
  siteUrl: string,
  onWritten: (count: number) => void = () => {},
  home: HomePage,
  manifest: OutputManifest | null = null,
  inputs: OutputInputs | null = null,
): Promise<number> {
  const template = await readPageTemplate(outDir);
  // A page is made from its entry and the template (the app shell's page, which names its assets).
  const templateKey = contentDigest(template.html);
  // An unchanged entry's page is kept without keying it only if the last build used the same template.
  const sameTemplate = manifest?.sameContext('share page template', templateKey) ?? false;
  const writer = new FileWriter(manifest);
  let written = 0;
  for (const article of articles) {
    // The folder is named by the raw id: the server maps the percent-encoded URL back to it.
    const name = `article/${article.id}/index.html`;
    const unchanged = sameTemplate && inputs?.entryUnchanged(article) === true;
    const kept = writer.keepOrReuse(name, unchanged, () => keyed(templateKey, inputs?.entry(article)));
    if (kept !== undefined) {
      written++;
      if (written % 250 === 0) onWritten(written);
      continue;
    }
    const entry = entryOf(article);
    const html = template.render({
      title: `${entry.article.headline} — ${SITE_NAME}`,
      head: articleHeadTags(entry, siteUrl),
      body: articlePageHtml(entry),
    });
    await writer.write(join(outDir, name), html, { makeFolder: true });
    written++;
    if (written % 250 === 0) onWritten(written);
  }
  await writer.flush();
  await writePage(
    join(outDir, '404.html'),
    template.render({
      title: `Page not found — ${SITE_NAME}`,
      head: `    <meta name="robots" content="noindex" />`,
      body: notFoundPageHtml(),
    }),
  );
  // Pages only the app can fill (they read the query string or this device's storage).
  const appOnlyPages = [
    [COMPARE_PATH, 'Compare coverage', 'Comparing copies needs JavaScript.'],
    [SEARCH_PATH, 'Search', 'Searching needs JavaScript.'],
    [SAVED_PATH, 'Saved', 'The Saved list is kept by JavaScript on this device.'],
    [STORY_PATH, 'All copies of a story', 'Listing every copy of a story needs JavaScript.'],
  ] as const;
  for (const [path, title, needs] of appOnlyPages) {
    await writePage(
      join(outDir, path, 'index.html'),
      template.render({
        title: `${title} — ${SITE_NAME}`,
        head: `    <meta name="robots" content="noindex" />`,
        body: appOnlyPageHtml(title, needs),
      }),
    );
  }
  // The home page gains a canonical URL, preview tags and the list's first page itself: it paints before the
  // app's script loads, and the app takes over the same markup.
  await writeFile(
    join(outDir, 'index.html'),
    template.render({
      title: SITE_NAME,
      head: homeHeadTags(siteUrl),
      body: siteChromeHtml(storyListHtml(home.counts, home.firstPage)),
    }),
  );
  return written;
}
