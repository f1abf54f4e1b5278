/**
 * The URL scheme of a built site, shared by the build (which writes files at these paths) and the app
 * (which links to and fetches them). Article pages end in a slash because each is a folder with an
 * `index.html`: static hosts serve that without a redirect.
 */

export const DATA_ROOT = '/data';

export function articlePath(id: string): string {
  return `/article/${encodeURIComponent(id)}/`;
}

/** The 1200×630 link-preview image of an article. */
export function previewImagePath(id: string): string {
  return `/og/${encodeURIComponent(id)}.png`;
}

export const PREVIEW_IMAGE_SIZE = { width: 1200, height: 630 } as const;

export const siteIndexPath = (): string => `${DATA_ROOT}/index.json`;
export const storyPagePath = (page: number): string => `${DATA_ROOT}/stories/page-${page}.json`;
export const articleEntryPath = (id: string): string => `${DATA_ROOT}/articles/${encodeURIComponent(id)}.json`;
export const storyCopiesPath = (id: string): string => `${DATA_ROOT}/story/${encodeURIComponent(id)}.json`;

/** Every copy of one story; `?id=` names the story. */
export const STORY_PATH = '/story/';
export const storyPath = (id: string): string => `${STORY_PATH}?id=${encodeURIComponent(id)}`;

export const searchIndexPath = (): string => `${DATA_ROOT}/search-index.json`;
/** A shard of the search index, as the index file names it. */
export const searchShardPath = (name: string): string => `${DATA_ROOT}/search/${encodeURIComponent(name)}`;
/** The search page; `?q=` holds the query so a search can be shared and survives a reload. */
export const SEARCH_PATH = '/search/';
export const searchPath = (query: string): string =>
  query === '' ? SEARCH_PATH : `${SEARCH_PATH}?q=${encodeURIComponent(query)}`;

/** An Atom feed of one story's copies, to follow its new coverage. */
export const storyFeedPath = (storyId: string): string => `/feeds/story/${encodeURIComponent(storyId)}.xml`;

/** Two copies of one story side by side. */
export const COMPARE_PATH = '/compare/';
export const comparePath = (a: string, b: string): string =>
  `${COMPARE_PATH}?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;

/** This device's saved articles (kept in the browser, not built). */
export const SAVED_PATH = '/saved/';

export const SITE_NAME = 'Broadsheet';
