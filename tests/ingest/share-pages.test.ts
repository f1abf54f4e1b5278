/**
 * The pre-rendered share pages, read as a crawler reads them: parsed with an HTML parser, no JavaScript.
 * Headlines full of markup and quotes must come through as the same text in every tag and in the JSON-LD.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../../src/ingest/build-site.ts';
import { MAX_DESCRIPTION } from '../../src/ingest/emit/share/share-meta.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const SITE = 'https://news.example.org';
const HOSTILE_HEADLINE = `Mayor's "no" to <b>plan</b> </script><script>alert(1)</script> & <!-- the rest -->`;

let work: string;
let out: string;
let result: BuildResult;
const logged: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-share-'));
  const articles = join(work, 'articles');
  out = join(work, 'out');
  await mkdir(articles);
  for (const name of ['000_35ecf8471d5c1db4.txt', '001_ce27524887c080ba.txt']) {
    await writeFile(join(articles, name), await readFile(new URL(`../../articles/${name}`, import.meta.url)));
  }
  await writeFile(
    join(articles, 'hostile.txt'),
    [
      HOSTILE_HEADLINE,
      '',
      'Subscribe Now',
      '',
      'The council voted on Tuesday to shelve the harbour plan after a long night of debate, and the mayor said the vote "</script>" was final & binding.',
      '',
      'Opponents said they would take the matter to court before the end of the month, and asked for the papers to be published.',
    ].join('\n'),
  );
  await writeFile(
    join(articles, 'cyrillic.txt'),
    'Город открыл новый мост через реку\n\nГородские власти открыли в субботу новый мост через реку, который строили три года. Движение по мосту начнётся в понедельник утром.\n',
  );
  result = await buildSite({ articlesDir: articles, outDir: out, siteUrl: `${SITE}/`, log: (l) => logged.push(l) });
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the app shell', () => {
  it('is built beside reading and extracting, and in place before anything else is written', () => {
    const stages = result.stages.map((s) => s.stage);
    expect(stages[0]).toBe('app shell (start)');
    expect(stages.indexOf('app shell')).toBeGreaterThan(stages.indexOf('extract'));
    expect(stages.indexOf('app shell')).toBeLessThan(stages.indexOf('write data'));
  });

  it('is finished, not left writing, when the build stops with a read error', async () => {
    const stopped = join(work, 'stopped');
    await expect(
      buildSite({ articlesDir: join(work, 'no-such-folder'), outDir: stopped, siteUrl: `${SITE}/`, log: () => {} }),
    ).rejects.toThrow(/no-such-folder/);
    expect(existsSync(join(stopped, 'index.html'))).toBe(true);
  }, 60_000);
});

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
}

function elements(node: Node, found: Element[] = []): Element[] {
  if ('tagName' in node) found.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) elements(child, found);
  if ('content' in node) elements(node.content, found);
  return found;
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

interface SharePage {
  title: string;
  meta: (key: string) => string | undefined;
  canonical: string | undefined;
  jsonLd: Record<string, unknown>[];
  h1: string[];
  bodyText: string;
}

async function readSharePage(id: string): Promise<SharePage> {
  const doc = parse(await readFile(join(out, 'article', id, 'index.html'), 'utf8'));
  const all = elements(doc);
  const metas = all.filter((e) => e.tagName === 'meta');
  return {
    title: textOf(all.find((e) => e.tagName === 'title') ?? doc),
    meta: (key) => {
      const matches = metas.filter((m) => attr(m, 'property') === key || attr(m, 'name') === key);
      expect(matches.length, `one ${key} tag`).toBeLessThanOrEqual(1);
      return matches[0] === undefined ? undefined : attr(matches[0], 'content');
    },
    canonical: attr(
      must(
        all.find((e) => e.tagName === 'link' && attr(e, 'rel') === 'canonical'),
        'canonical link',
      ),
      'href',
    ),
    jsonLd: all
      .filter((e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json')
      .map((e) => JSON.parse(textOf(e)) as Record<string, unknown>),
    h1: all.filter((e) => e.tagName === 'h1').map(textOf),
    bodyText: all
      .filter((e) => attr(e, 'class') === 'article-body')
      .map(textOf)
      .join(' '),
  };
}

describe('share pages', () => {
  it('are written for every built article', async () => {
    expect(result.report.built).toBe(4);
    const folders = await readdir(join(out, 'article'));
    expect(folders.sort()).toEqual(result.articles.map((a) => a.id).sort());
  });

  it('carry every preview field, with absolute URLs from the site URL', async () => {
    for (const article of result.articles) {
      const page = await readSharePage(article.id);
      const canonical = `${SITE}/article/${encodeURIComponent(article.id)}/`;
      expect(page.title).toBe(`${article.headline} — Broadsheet`);
      expect(page.canonical).toBe(canonical);
      expect(page.meta('og:url')).toBe(canonical);
      expect(page.meta('og:type')).toBe('article');
      expect(page.meta('og:title')).toBe(article.headline);
      expect(page.meta('og:site_name')).toBe('Broadsheet');
      const description = page.meta('description') ?? '';
      expect(description.length).toBeGreaterThan(40);
      expect(description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
      expect(description).not.toMatch(/subscribe|Broadsheet:/i);
      expect(page.meta('og:description')).toBe(description);
      expect(page.meta('og:image')).toBe(`${SITE}/og/${encodeURIComponent(article.id)}.png`);
      expect(page.meta('og:image:width')).toBe('1200');
      expect(page.meta('og:image:height')).toBe('630');
      expect(page.meta('og:image:alt')).toContain(article.headline);
      expect(page.meta('twitter:card')).toBe('summary_large_image');
      expect(page.h1).toEqual([article.headline]);
    }
  });

  it('have one JSON-LD NewsArticle that parses and points at the canonical URL', async () => {
    for (const article of result.articles) {
      const page = await readSharePage(article.id);
      expect(page.jsonLd).toHaveLength(1);
      const ld = must(page.jsonLd[0], 'JSON-LD');
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld['@type']).toBe('NewsArticle');
      expect(ld['headline']).toBe(article.headline);
      expect(ld['image']).toEqual([page.meta('og:image')]);
      expect(ld['mainEntityOfPage']).toEqual({ '@type': 'WebPage', '@id': page.canonical });
      expect(ld['publisher']).toMatchObject({ '@type': 'Organization' });
      expect(ld['author']).toBeDefined();
      if (article.published !== null) {
        expect(ld['datePublished']).toBe(article.published);
        expect(page.meta('article:published_time')).toBe(article.published);
      }
    }
  });

  it('keep a hostile headline as text in the title, the tags, the heading and the JSON-LD', async () => {
    const article = must(
      result.articles.find((a) => a.sourceFile === 'hostile.txt'),
      'hostile article',
    );
    expect(article.headline).toBe(HOSTILE_HEADLINE);
    const html = await readFile(join(out, 'article', article.id, 'index.html'), 'utf8');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<b>plan');
    const page = await readSharePage(article.id);
    expect(page.title).toBe(`${HOSTILE_HEADLINE} — Broadsheet`);
    expect(page.meta('og:title')).toBe(HOSTILE_HEADLINE);
    expect(page.h1).toEqual([HOSTILE_HEADLINE]);
    expect(page.jsonLd[0]?.['headline']).toBe(HOSTILE_HEADLINE);
    expect(page.meta('description')).toMatch(/^The council voted on Tuesday/);
    expect(page.bodyText).toContain('the vote "</script>" was final & binding');
  });

  it('put the readable article text in the HTML itself', async () => {
    const article = must(
      result.articles.find((a) => a.dateline !== null),
      'article with a dateline',
    );
    const page = await readSharePage(article.id);
    expect(page.bodyText).toContain(`${article.dateline} — `);
    expect(page.bodyText.length).toBeGreaterThan(2000);
  });

  it('names the folder of a non-Latin id by the id itself, and percent-encodes it in URLs', async () => {
    const article = must(
      result.articles.find((a) => a.sourceFile === 'cyrillic.txt'),
      'Cyrillic article',
    );
    expect(article.id).toMatch(/^город/);
    const page = await readSharePage(article.id);
    expect(page.canonical).toMatch(/^https:\/\/news\.example\.org\/article\/%D0%B3/);
  });

  it('write a 404 page and preview tags on the home page', async () => {
    const notFound = parse(await readFile(join(out, '404.html'), 'utf8'));
    expect(
      elements(notFound)
        .filter((e) => e.tagName === 'h1')
        .map(textOf),
    ).toEqual(['Page not found']);
    const home = elements(parse(await readFile(join(out, 'index.html'), 'utf8')));
    const canonical = home.find((e) => e.tagName === 'link' && attr(e, 'rel') === 'canonical');
    expect(canonical === undefined ? undefined : attr(canonical, 'href')).toBe(`${SITE}/`);
  });

  it('puts the first page of the story list in the home page, hostile headlines as text', async () => {
    const html = await readFile(join(out, 'index.html'), 'utf8');
    const home = elements(parse(html));
    const rows = home.filter((e) => e.tagName === 'article' && attr(e, 'class') === 'story-row');
    expect(rows).toHaveLength(result.stories.length);
    const headlines = rows.map((row) =>
      textOf(
        must(
          elements(row).find((e) => e.tagName === 'h2'),
          'row heading',
        ),
      ),
    );
    expect(headlines.sort()).toEqual(result.stories.map((s) => s.headline).sort());
    // Each headline opens a built article's page.
    for (const row of rows) {
      const link = must(
        elements(row).find((e) => e.tagName === 'a'),
        'headline link',
      );
      const id = decodeURIComponent(must(attr(link, 'href'), 'href').split('/')[2] ?? '');
      expect(result.articles.some((a) => a.id === id)).toBe(true);
    }
    expect(
      textOf(
        must(
          home.find((e) => attr(e, 'class') === 'list-summary'),
          'summary',
        ),
      ),
    ).toBe(`${result.stories.length} stories from ${result.articles.length} articles`);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('needs JavaScript to show the story list');
  });

  it('writes a 1200×630 PNG under 300 KB for every article', async () => {
    for (const article of result.articles) {
      const png = await readFile(join(out, 'og', `${article.id}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      expect(png.length).toBeLessThan(300 * 1024);
    }
  });

  it('does not warn about the site URL when one is given', () => {
    expect(logged.filter((l) => l.includes('site URL'))).toEqual([]);
  });
});
