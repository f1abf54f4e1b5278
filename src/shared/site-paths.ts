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

export const SITE_NAME = 'Broadsheet';
