/**
 * The first page of the story list as static HTML, for the home page the build writes: it paints before
 * the app's script has loaded (and is the page with JavaScript off). It mirrors the markup and class names
 * of src/app/routes/story-list-route.tsx and src/app/components/story-row.tsx, so the list does not move
 * when the app takes it over. Times are dates: "2 h ago" depends on when the page is read, which only the
 * app knows. Every value is escaped.
 */
import type { SiteIndex, StoryPage, StorySummary } from '../../../shared/article-schema.ts';
import { formatInterfaceDate } from '../../../shared/format-date.ts';
import { outletLabel } from '../../../shared/outlet-label.ts';
import { articlePath, storyPath } from '../../../shared/site-paths.ts';
import { collapsedOutlets, leadArticleId, listSummary } from '../../../shared/story-row-parts.ts';
import { escapeHtml as e } from './html-text.ts';
import { readingTimeLabel } from '../../../shared/reading-time.ts';

function outletsHtml(story: StorySummary): string {
  const { shown, listsAll, hidden } = collapsedOutlets(story);
  const chips = shown.map(
    (m) => `<li><a href="${e(articlePath(m.id))}" title="${e(m.headline)}">${e(outletLabel(m))}</a></li>`,
  );
  if (!listsAll) {
    chips.push(
      `<li><a class="more-outlets" href="${e(storyPath(story.id))}" aria-label="All ${story.memberCount} copies">+${hidden}</a></li>`,
    );
  } else if (shown.length < story.members.length) {
    // The app's "+N" button lists the rest in place; without the app, the count says how many there are.
    chips.push(`<li><span class="more-outlets">+${hidden}</span></li>`);
  }
  return `<ul class="outlets" aria-label="Copies of this story">${chips.join('')}</ul>`;
}

export function storyRowHtml(story: StorySummary): string {
  const time =
    story.latest === null
      ? ''
      : `<time datetime="${e(story.latest)}" title="${e(formatInterfaceDate(story.latest))}">${e(formatInterfaceDate(story.latest))}</time>`;
  const reading = readingTimeLabel(story.readingMinutes);
  return (
    `<article class="story-row"><h2><a href="${e(articlePath(leadArticleId(story)))}">${e(story.headline)}</a></h2>` +
    (story.standfirst === null ? '' : `<p class="standfirst">${e(story.standfirst)}</p>`) +
    `<p class="meta">${time}${reading === null ? '' : `<span>${reading}</span>`}</p>${outletsHtml(story)}</article>`
  );
}

/** The list's section for one page, with the site's counts. */
export function storyListHtml(index: Pick<SiteIndex, 'storyCount' | 'articleCount'>, page: StoryPage): string {
  const pager =
    page.pageCount > 1
      ? `<nav class="pager" aria-label="Pages">` +
        (page.page > 1 ? `<a href="/?page=${page.page - 1}">Newer stories</a>` : '') +
        `<span>Page ${page.page} of ${page.pageCount}</span>` +
        (page.page < page.pageCount ? `<a href="/?page=${page.page + 1}">Older stories</a>` : '') +
        `</nav>`
      : '';
  return (
    `<section class="story-list" aria-labelledby="list-title">` +
    `<h1 id="list-title" class="visually-hidden">Latest stories</h1>` +
    `<p class="list-summary">${e(listSummary(index.storyCount, index.articleCount))}</p>` +
    (page.stories.length === 0 ? '<p>No stories yet: add article text files and rebuild.</p>' : '') +
    page.stories.map(storyRowHtml).join('') +
    pager +
    `</section>`
  );
}
