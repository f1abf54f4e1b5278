/**
 * The RSS and Atom writer: documents that parse as XML, values that come back exactly as given (text stays
 * text, the content's HTML comes back as HTML), and characters XML cannot hold dropped rather than making
 * the feed unreadable.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomXml, rssXml, xmlText, type FeedEntry, type FeedHead } from '../../src/ingest/emit/feed-xml.ts';

const head: FeedHead = {
  title: 'Broadsheet & "friends"',
  id: 'https://news.example.org/',
  link: 'https://news.example.org/',
  self: 'https://news.example.org/atom.xml?a=1&b=2',
  updated: new Date('2025-03-03T10:00:00Z'),
  description: 'Every <outlet>’s copy',
  rights: 'Each article belongs to its outlet.',
  generator: 'Broadsheet',
};

const entry = (over: Partial<FeedEntry> = {}): FeedEntry => ({
  url: 'https://news.example.org/article/a-1/',
  title: 'Tide <b>tables</b> & ]]> "quotes"',
  updated: new Date('2025-03-02T08:30:00Z'),
  published: new Date('2025-03-02T08:30:00Z'),
  summary: 'A < B && C > D',
  contentHtml: '<div class="block"><p>Café &amp; bar ]]&gt; <em>open</em></p></div>',
  author: 'Ana Ruiz',
  ...over,
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'entry' || name === 'item' || name === 'link',
});

interface AtomText {
  '#text': string;
  '@type': string;
}

describe('feed XML', () => {
  it('escapes the five-character risk and drops what XML 1.0 cannot hold', () => {
    expect(xmlText('plain text, unchanged')).toBe('plain text, unchanged');
    expect(xmlText('a & b < c > d "e"')).toBe('a &amp; b &lt; c &gt; d &quot;e&quot;');
    expect(xmlText('bell\u0007 tab\t line\n form\u000C')).toBe('bell tab\t line\n form');
    expect(xmlText('lone \uD800 pair \uD83D\uDCF0 end \uDC00')).toBe('lone  pair \uD83D\uDCF0 end ');
    expect(xmlText('\uFFFE\uFFFF')).toBe('');
  });

  it('writes Atom that parses, with text as text and the content as HTML', () => {
    const text = atomXml(head, [entry(), entry({ published: null, author: 'Harbour Daily' })]);
    expect(XMLValidator.validate(text)).toBe(true);
    const { feed } = parser.parse(text) as {
      feed: {
        id: string;
        title: string;
        updated: string;
        link: { '@rel': string; '@href': string }[];
        entry: {
          id: string;
          title: AtomText;
          summary: AtomText;
          content: AtomText;
          published?: string;
          updated: string;
          author: { name: string };
        }[];
      };
    };
    expect(feed.title).toBe(head.title);
    expect(feed.updated).toBe('2025-03-03T10:00:00.000Z');
    expect(feed.link.map((l) => [l['@rel'], l['@href']])).toEqual([
      ['alternate', head.link],
      ['self', head.self],
    ]);
    const [first, second] = feed.entry;
    expect(first?.title).toEqual({ '#text': entry().title, '@type': 'text' });
    expect(first?.summary['#text']).toBe('A < B && C > D');
    expect(first?.content).toEqual({ '#text': entry().contentHtml, '@type': 'html' });
    expect(first?.published).toBe('2025-03-02T08:30:00.000Z');
    expect(first?.author.name).toBe('Ana Ruiz');
    expect(second?.published).toBeUndefined();
    expect(second?.author.name).toBe('Harbour Daily');
  });

  it('writes RSS 2.0 that parses, with RFC 822 dates and the content encoded', () => {
    const text = rssXml(head, [entry()]);
    expect(XMLValidator.validate(text)).toBe(true);
    const { rss } = parser.parse(text) as {
      rss: {
        '@version': string;
        channel: { title: string; lastBuildDate: string; item: Record<string, string | { '#text': string }>[] };
      };
    };
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel.title).toBe(head.title);
    expect(rss.channel.lastBuildDate).toBe('Mon, 03 Mar 2025 10:00:00 GMT');
    const [item] = rss.channel.item;
    expect(item?.['title']).toBe(entry().title);
    expect(item?.['pubDate']).toBe('Sun, 02 Mar 2025 08:30:00 GMT');
    expect(item?.['content:encoded']).toBe(entry().contentHtml);
    expect(item?.['dc:creator']).toBe('Ana Ruiz');
    expect(item?.['guid']).toEqual({ '#text': entry().url, '@isPermaLink': 'true' });
  });

  it('keeps an entry readable when its text holds a control character', () => {
    const text = atomXml(head, [entry({ title: 'Breaking\u0000 news\u001B' })]);
    expect(XMLValidator.validate(text)).toBe(true);
    const { feed } = parser.parse(text) as { feed: { entry: { title: AtomText }[] } };
    expect(feed.entry[0]?.title['#text']).toBe('Breaking news');
  });
});
