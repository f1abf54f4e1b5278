/**
 * An article as static HTML, for its share page: what crawlers, link unfurlers and readers with
 * JavaScript off see. It mirrors the app's markup and class names (src/app/components) so the page
 * looks the same before and after the app takes over. Every value is escaped.
 */
import type { Article, ArticleEntry, Block } from '../../../shared/article-schema.ts';
import { formatDate } from '../../../shared/format-date.ts';
import { outletLabel } from '../../../shared/outlet-label.ts';
import { articlePath, SITE_NAME, storyFeedPath, storyPath } from '../../../shared/site-paths.ts';
import { escapeHtml as e } from './html-text.ts';
import { readingTimeLabel } from '../../../shared/reading-time.ts';

type BlockOf<T extends Block['type']> = Extract<Block, { type: T }>;
type BlockWriters = { [T in Block['type']]: (block: BlockOf<T>, dateline: string | null) => string };

const BLOCK_HTML: BlockWriters = {
  paragraph: (block, dateline) =>
    `<p>${dateline === null ? '' : `<span class="dateline">${e(dateline)}</span> — `}${e(block.text)}</p>`,
  subheading: (block) => `<h2 class="subheading">${e(block.text)}</h2>`,
  caption: (block) =>
    `<figure class="caption"><figcaption>${e(block.text)}` +
    `${block.credit === null ? '' : ` <span class="credit">Photo: ${e(block.credit)}</span>`}</figcaption></figure>`,
  highlights: (block) =>
    `<section class="highlights" aria-label="Highlights"><ul>${block.items.map((i) => `<li>${e(i)}</li>`).join('')}</ul></section>`,
  quote: (block) =>
    `<figure class="pull-quote"><blockquote><p>${e(block.text)}</p></blockquote>` +
    `${block.attribution === null ? '' : `<figcaption>${e(block.attribution)}</figcaption>`}</figure>`,
};

function blockHtml<T extends Block['type']>(block: BlockOf<T>, dateline: string | null): string {
  const write: (block: BlockOf<T>, dateline: string | null) => string = BLOCK_HTML[block.type];
  return write(block, dateline);
}

function headerHtml(article: Article): string {
  const reading = readingTimeLabel(article.readingMinutes);
  const meta = [
    article.byline === null ? '' : `<span class="byline">By ${e(article.byline)}</span>`,
    article.published === null
      ? ''
      : `<time datetime="${e(article.published)}">${e(formatDate(article.published, langOf(article) ?? 'en'))}</time>`,
    reading === null ? '' : `<span class="reading-time" lang="en" dir="ltr">${reading}</span>`,
  ].join('');
  return (
    `<header class="article-header">` +
    (article.outlet === null ? '' : `<p class="kicker">${e(article.outlet)}</p>`) +
    `<h1 tabindex="-1" id="article-headline">${e(article.headline)}</h1>` +
    (article.standfirst === null ? '' : `<p class="standfirst">${e(article.standfirst)}</p>`) +
    `<p class="meta">${meta}</p></header>`
  );
}

function langOf(article: Article): string | null {
  return article.language === 'und' ? null : article.language;
}

function sidebarHtml({ article, story, related }: ArticleEntry): string {
  const others = story.members.filter((m) => m.id !== article.id);
  const link = (id: string, inner: string) => `<a href="${e(articlePath(id))}">${inner}</a>`;
  const list = (items: readonly string[], empty: string) =>
    items.length === 0 ? `<p class="empty">${empty}</p>` : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
  return (
    `<aside class="sidebar" aria-label="Other coverage and related stories">` +
    `<section aria-labelledby="other-coverage"><h2 id="other-coverage">Other coverage of this story</h2>` +
    list(
      others.map((m) =>
        link(m.id, `<span class="outlet">${e(outletLabel(m))}</span><span class="headline">${e(m.headline)}</span>`),
      ),
      'No other outlet&#39;s copy yet.',
    ) +
    (story.members.length < story.memberCount
      ? `<p class="all-copies"><a href="${e(storyPath(story.id))}">All ${story.memberCount} copies of this story</a></p>`
      : '') +
    `</section><section aria-labelledby="related"><h2 id="related">Related</h2>` +
    list(
      related.map(
        (r) =>
          link(r.article.id, `<span class="headline">${e(r.article.headline)}</span>`) +
          (r.terms.length === 0 ? '' : `<span class="because">because: ${e(r.terms.join(', '))}</span>`),
      ),
      'No related stories.',
    ) +
    `</section><p class="follow"><a href="${e(storyFeedPath(story.id))}">Follow this story (Atom feed)</a></p></aside>`
  );
}

/** The site chrome around a page's main content, as in src/app/routes/root-layout.tsx. */
export function siteChromeHtml(main: string): string {
  return (
    `<a class="skip-link" href="#main">Skip to content</a>` +
    `<header class="site-header"><a href="/" class="masthead">${SITE_NAME}</a></header>` +
    `<main id="main" tabindex="-1">${main}</main>`
  );
}

/** The article's blocks as HTML (also the full content of feed entries). */
export function articleBlocksHtml(article: Article): string {
  const firstParagraph = article.blocks.findIndex((b) => b.type === 'paragraph');
  return article.blocks
    .map((b, i) => `<div class="block">${blockHtml(b, i === firstParagraph ? article.dateline : null)}</div>`)
    .join('');
}

export function articlePageHtml(entry: ArticleEntry): string {
  const { article } = entry;
  const lang = langOf(article);
  const blocks = articleBlocksHtml(article);
  return siteChromeHtml(
    `<div class="article-layout"><article class="article"${lang === null ? '' : ` lang="${e(lang)}"`} dir="${article.direction}">` +
      // The app puts its share buttons here; the empty box keeps the text from moving when it does.
      `${headerHtml(article)}<div class="share-controls"></div><div class="article-body">${blocks}</div></article>${sidebarHtml(entry)}</div>`,
  );
}

/** A page only the app can fill (search, compare): with JavaScript off, it says so and links home. */
export function appOnlyPageHtml(title: string, needs: string): string {
  return siteChromeHtml(
    `<section class="story-list" aria-labelledby="page-title"><h1 id="page-title">${e(title)}</h1>` +
      `<noscript><p>${e(needs)} Every story is listed on the <a href="/">front page</a>.</p></noscript>` +
      `</section>`,
  );
}

export function notFoundPageHtml(): string {
  return siteChromeHtml(
    `<section class="error-view" aria-labelledby="error-title"><h1 id="error-title" tabindex="-1">Page not found</h1>` +
      `<p>There is no article or page at this address. It may have been removed or the link mistyped.</p>` +
      `<p><a href="/">Back to all stories</a></p></section>`,
  );
}
