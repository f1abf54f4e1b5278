/**
 * The built app's index.html as a template for pages the build writes itself (share pages, 404): the
 * same scripts, styles and policy, with the head and the root element filled in. The app takes over the
 * root element when its script runs; until then (or with JavaScript off) the written HTML is the page.
 */
import { escapeHtml } from './html-text.ts';

export interface PageParts {
  /** Plain text; escaped here. */
  readonly title: string;
  /** Trusted, already escaped HTML for the end of `<head>`. */
  readonly head: string;
  /** Trusted, already escaped HTML for inside the root element. */
  readonly body: string;
}

export interface PageTemplate {
  /** The app page it was made from. */
  readonly html: string;
  render(parts: PageParts): string;
}

const TITLE = /<title>[^<]*<\/title>/;
const DESCRIPTION = /\s*<meta\s+name="description"[^>]*>/;
const ROOT = /<div id="root"><\/div>/;
const NOSCRIPT = /\s*<noscript>[\s\S]*?<\/noscript>/;

export function parsePageTemplate(html: string, source: string): PageTemplate {
  for (const [what, pattern] of [
    ['<title>', TITLE],
    ['<div id="root"></div>', ROOT],
    ['</head>', /<\/head>/],
  ] as const) {
    if (!pattern.test(html)) throw new Error(`${source}: the app page has no ${what}, so pages cannot be written`);
  }
  // The shell's own description and JavaScript notice describe the story list, not the page written here.
  const shell = html.replace(DESCRIPTION, '').replace(NOSCRIPT, '');
  return {
    html,
    render: ({ title, head, body }) =>
      shell
        .replace(TITLE, () => `<title>${escapeHtml(title)}</title>`)
        .replace(/\s*<\/head>/, () => `\n${head}\n  </head>`)
        .replace(ROOT, () => `<div id="root">${body}</div>`),
  };
}
