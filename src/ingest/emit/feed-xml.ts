/**
 * RSS 2.0 and Atom 1.0 documents, written as text. The `feed` package built an object tree per feed and
 * serialised it through xml-js: at 100k articles that was about 70 % of the feeds stage (a feed per
 * story). Both formats are a fixed frame of a dozen elements; what matters is escaping, done here once
 * for every value (xmlText) with the characters XML 1.0 cannot hold dropped.
 */

/** The feed itself. */
export interface FeedHead {
  readonly title: string;
  /** Atom's id: a URL that names this feed for good. */
  readonly id: string;
  /** The page the feed is about. */
  readonly link: string;
  /** The feed's own URL. */
  readonly self: string;
  readonly updated: Date;
  readonly description: string;
  readonly rights: string;
  readonly generator: string;
}

/** One entry (an article's copy). */
export interface FeedEntry {
  readonly url: string;
  /** Plain text. */
  readonly title: string;
  /** When it was published, or when the feed was built for an undated copy. */
  readonly updated: Date;
  readonly published: Date | null;
  /** Plain text. */
  readonly summary: string;
  /** HTML made by the build (article-html.ts), escaped as text here like every other value. */
  readonly contentHtml: string;
  /** The byline, or the outlet when there is none (Atom wants an author on every entry). */
  readonly author: string;
}

// Control characters are what these look for: the lint rule against them guards against typos elsewhere.
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
// Characters XML 1.0 has no place for: controls but tab and line ends, U+FFFE/FFFF, lone surrogates.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as XML character data or an attribute value (double-quoted). */
export function xmlText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => ENTITY[c] ?? c);
}

const element = (indent: string, name: string, text: string, attributes = ''): string =>
  `${indent}<${name}${attributes}>${xmlText(text)}</${name}>\n`;

export function atomXml(head: FeedHead, entries: readonly FeedEntry[]): string {
  let out =
    '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n' +
    element('  ', 'id', head.id) +
    element('  ', 'title', head.title) +
    element('  ', 'updated', head.updated.toISOString()) +
    element('  ', 'generator', head.generator) +
    `  <link rel="alternate" type="text/html" href="${xmlText(head.link)}"/>\n` +
    `  <link rel="self" type="application/atom+xml" href="${xmlText(head.self)}"/>\n` +
    element('  ', 'subtitle', head.description) +
    element('  ', 'rights', head.rights);
  for (const entry of entries) {
    out +=
      '  <entry>\n' +
      element('    ', 'id', entry.url) +
      element('    ', 'title', entry.title, ' type="text"') +
      `    <link rel="alternate" type="text/html" href="${xmlText(entry.url)}"/>\n` +
      element('    ', 'updated', entry.updated.toISOString()) +
      (entry.published === null ? '' : element('    ', 'published', entry.published.toISOString())) +
      `    <author>\n${element('      ', 'name', entry.author)}    </author>\n` +
      element('    ', 'summary', entry.summary, ' type="text"') +
      element('    ', 'content', entry.contentHtml, ' type="html"') +
      '  </entry>\n';
  }
  return `${out}</feed>\n`;
}

export function rssXml(head: FeedHead, entries: readonly FeedEntry[]): string {
  let out =
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">\n' +
    '  <channel>\n' +
    element('    ', 'title', head.title) +
    element('    ', 'link', head.link) +
    element('    ', 'description', head.description) +
    element('    ', 'lastBuildDate', head.updated.toUTCString()) +
    element('    ', 'docs', 'https://www.rssboard.org/rss-specification') +
    element('    ', 'generator', head.generator) +
    element('    ', 'copyright', head.rights) +
    `    <atom:link href="${xmlText(head.self)}" rel="self" type="application/rss+xml"/>\n`;
  for (const entry of entries) {
    out +=
      '    <item>\n' +
      element('      ', 'title', entry.title) +
      element('      ', 'link', entry.url) +
      element('      ', 'guid', entry.url, ' isPermaLink="true"') +
      element('      ', 'pubDate', entry.updated.toUTCString()) +
      element('      ', 'dc:creator', entry.author) +
      element('      ', 'description', entry.summary) +
      element('      ', 'content:encoded', entry.contentHtml) +
      '    </item>\n';
  }
  return `${out}  </channel>\n</rss>\n`;
}
