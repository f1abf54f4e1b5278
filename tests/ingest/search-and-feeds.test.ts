/**
 * What the build writes for discovery: the search index (queried here with the app's own options),
 * the RSS, Atom and JSON feeds (parsed as XML and JSON), the per-story feeds, the sitemap and robots.txt.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSite, type BuildResult } from '../../src/ingest/build-site.ts';
import { startSearchIndex } from '../../src/ingest/emit/write-search-index.ts';
import { STORY_FEED_SIZE } from '../../src/ingest/emit/write-feeds.ts';
import { OutputManifest } from '../../src/ingest/emit/output-manifest.ts';
import { URLS_PER_SITEMAP, writeSitemap } from '../../src/ingest/emit/write-sitemap.ts';
import type { Article, StorySummary } from '../../src/shared/article-schema.ts';
import { QUERY_OPTIONS } from '../../src/shared/search-options.ts';
import { loadBuiltIndex, readSearchIndexFile } from './built-search-index.ts';

const SITE = 'https://news.example.org';
let work: string;
let out: string;
let result: BuildResult;
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

function dated(i: number): string {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + Math.floor(i / 28)).padStart(2, '0');
  return `2025-${month}-${day}`;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-discovery-'));
  const articles = join(work, 'articles');
  out = join(work, 'out');
  await mkdir(articles);
  for (const name of ['000_35ecf8471d5c1db4.txt', '001_ce27524887c080ba.txt']) {
    await writeFile(join(articles, name), await readFile(new URL(`../../articles/${name}`, import.meta.url)));
  }
  await writeFile(
    join(articles, 'krakow.txt'),
    'Café owners in Kraków protest over new terrace rules\n\nPublished 3 March 2025\n\nCafé and bar owners in Kraków gathered in the main square on Monday to protest against new rules that limit the size of summer terraces in the old town.\n\nThe city council said the rules would keep the historic streets open for pedestrians and emergency vehicles.\n',
  );
  for (let i = 0; i < 55; i++) {
    await writeFile(
      join(articles, `bulletin-${String(i).padStart(2, '0')}.txt`),
      `Harbour bulletin number ${i} reports on tide and shipping\n\nPublished ${dated(i)}\n\nThe harbour office published bulletin number ${i} on the state of the tide, the shipping lanes and the repairs to the outer wall, which are expected to take several more weeks.\n`,
    );
  }
  // A cache of its own: from the project's, a second run would get articles whose bodies load lazily,
  // which the spread copy in the story-keys test below would drop.
  const cacheDir = join(work, 'cache');
  result = await buildSite({
    articlesDir: articles,
    outDir: out,
    siteUrl: SITE,
    skipApp: true,
    cacheDir,
    log: () => {},
  });
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the search index', () => {
  async function search(query: string): Promise<string[]> {
    const index = await loadBuiltIndex(out);
    return index.search(query, QUERY_OPTIONS).map((r) => String(r['headline']));
  }

  /** The index file and every shard it names, as text. */
  async function builtFiles(folder: string): Promise<string[]> {
    const file = await readSearchIndexFile(folder);
    const shards = file.shards.map((name) => readFile(join(folder, 'data', 'search', name), 'utf8'));
    return [JSON.stringify(file), ...(await Promise.all(shards))];
  }

  /** The index written into `folder` is `built`, and `digest` is the digest of its file. */
  async function expectSameIndex(folder: string, built: readonly string[], digest: string): Promise<void> {
    expect(await builtFiles(folder)).toEqual(built);
    expect(digest).toBe(
      createHash('sha256')
        .update(built[0] ?? '')
        .digest('hex'),
    );
  }

  it('holds one document per story', async () => {
    const file = await readSearchIndexFile(out);
    const site = JSON.parse(await readFile(join(out, 'data/index.json'), 'utf8')) as { storyCount: number };
    expect(file.documentCount).toBe(site.storyCount);
    expect(file.documentCount).toBeLessThan(result.articles.length);
    expect((await loadBuiltIndex(out)).documentCount).toBe(site.storyCount);
  });

  it('folds case and accents, matches prefixes and forgives a typo', async () => {
    for (const query of ['Zelenskyy', 'zelensky', 'KYIV', 'ceasef', 'ceasfire', 'Rubio Jeddah']) {
      expect((await search(query))[0], query).toMatch(/^US to resume security support to Ukraine/);
    }
    expect(await search('krakow cafe')).toEqual(['Café owners in Kraków protest over new terrace rules']);
    expect(await search('Café Kraków')).toEqual(['Café owners in Kraków protest over new terrace rules']);
    expect(await search('zzzyzx')).toEqual([]);
  });

  it('is the same files whether built on a worker thread or on this one', async () => {
    const built = await builtFiles(out);
    const elsewhere = join(work, 'worker-out');
    const digest = await startSearchIndex(elsewhere, result.stories, result.articles, { minForWorker: 0 });
    await expectSameIndex(elsewhere, built, digest);
  }, 60_000);

  it('is kept in the cache by the worker, and the next build makes again only the changed shard', async () => {
    const elsewhere = join(work, 'cached-worker-out');
    const cacheDir = join(work, 'search-cache');
    const options = { minForWorker: 0, cacheDir, storiesPerShard: 2 };
    await startSearchIndex(elsewhere, result.stories, result.articles, options);
    const before = await readSearchIndexFile(elsewhere);
    expect(before.shards.length).toBeGreaterThan(1);
    // One story fewer: the worker updates that story's shard; the others stay as they were.
    const [dropped, ...kept] = result.stories;
    await startSearchIndex(elsewhere, kept, result.articles, options);
    const after = await readSearchIndexFile(elsewhere);
    expect(after.documentCount).toBe(result.stories.length - 1);
    expect(after.shards.filter((name) => !before.shards.includes(name))).toHaveLength(1);
    const index = await loadBuiltIndex(elsewhere);
    expect(index.has(dropped?.id)).toBe(false);
    expect(index.has(kept[0]?.id)).toBe(true);
  }, 60_000);

  it('with story keys, makes again only the documents of stories whose key changed', async () => {
    const elsewhere = join(work, 'keyed-out');
    const cacheDir = join(work, 'keyed-cache');
    const keys = new Map(result.articles.map((a) => [a.id, `key-${a.id}`]));
    // As OutputInputs keys a story: its id and its copies' keys.
    const keyedBy = (articleKeys: ReadonlyMap<string, string>) => (story: StorySummary) =>
      [story.id, ...story.members.map((m) => articleKeys.get(m.id))].join('|');
    const options = { minForWorker: 0, cacheDir, storiesPerShard: 2, storyKey: keyedBy(keys) };
    await startSearchIndex(elsewhere, result.stories, result.articles, options);
    const before = await readSearchIndexFile(elsewhere);
    const krakow = result.articles.find((a) => a.sourceFile === 'krakow.txt');
    const edited = result.articles.map((a) => (a === krakow ? { ...a, headline: 'Zanzibar ferry timetable' } : a));
    const found = async () => (await loadBuiltIndex(elsewhere)).search('zanzibar', QUERY_OPTIONS).length;
    // The key stands for the article's text: with the same key, its story is not indexed again.
    await startSearchIndex(elsewhere, result.stories, edited, options);
    expect((await readSearchIndexFile(elsewhere)).shards).toEqual(before.shards);
    expect(await found()).toBe(0);
    // A new key: that story's shard, and only it, is made again.
    const rekeyed = new Map([...keys, [krakow?.id ?? '', 'key-edited']]);
    await startSearchIndex(elsewhere, result.stories, edited, { ...options, storyKey: keyedBy(rekeyed) });
    const after = await readSearchIndexFile(elsewhere);
    expect(after.shards.filter((name) => !before.shards.includes(name))).toHaveLength(1);
    expect(await found()).toBe(1);
  }, 60_000);

  it('is still written, on this thread, when the worker outgrows its heap limit', async () => {
    const built = await builtFiles(out);
    const elsewhere = join(work, 'starved-worker-out');
    // 1 MiB is far below what even starting the worker needs: it runs out of memory at once.
    const digest = await startSearchIndex(elsewhere, result.stories, result.articles, {
      minForWorker: 0,
      maxHeapMiB: 1,
    });
    await expectSameIndex(elsewhere, built, digest);
  }, 60_000);
});

describe('feeds', () => {
  const articleUrl = /^https:\/\/news\.example\.org\/article\/[^/]+\/$/;

  it('RSS 2.0 lists the latest 50 articles, newest first, with absolute links', async () => {
    const rss = xml.parse(await readFile(join(out, 'feed.xml'), 'utf8')) as {
      rss: {
        '@version': string;
        channel: { title: string; link: string; description: string; item: Record<string, string>[] };
      };
    };
    expect(rss.rss['@version']).toBe('2.0');
    expect(rss.rss.channel.title).toBe('Broadsheet');
    expect(rss.rss.channel.link).toBe(`${SITE}/`);
    expect(rss.rss.channel.description.length).toBeGreaterThan(0);
    const items = rss.rss.channel.item;
    expect(items).toHaveLength(50);
    for (const item of items) {
      expect(item['title']).toBeTruthy();
      expect(item['link']).toMatch(articleUrl);
      expect(item['pubDate']).toBeTruthy();
    }
    const dates = items.map((i) => Date.parse(i['pubDate'] ?? ''));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    // 3 March beats every bulletin (the latest is 27 February); the two undated copies are not among 50.
    expect(items.map((i) => i['title']).slice(0, 2)).toEqual([
      'Café owners in Kraków protest over new terrace rules',
      'Harbour bulletin number 54 reports on tide and shipping',
    ]);
  });

  it('Atom has an id, title, updated and entries with absolute links', async () => {
    const atom = xml.parse(await readFile(join(out, 'atom.xml'), 'utf8')) as {
      feed: {
        id: string;
        title: string;
        updated: string;
        entry: { id: string; title: string; updated: string; link: { '@href': string } }[];
      };
    };
    expect(atom.feed.id).toBe(`${SITE}/`);
    expect(atom.feed.title).toBe('Broadsheet');
    expect(Number.isNaN(Date.parse(atom.feed.updated))).toBe(false);
    expect(atom.feed.entry).toHaveLength(50);
    for (const entry of atom.feed.entry) {
      expect(entry.link['@href']).toMatch(articleUrl);
      expect(entry.id).toBe(entry.link['@href']);
      expect(entry.title).toBeTruthy();
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
    }
  });

  it('JSON Feed 1.1 parses and has the required fields', async () => {
    const feed = JSON.parse(await readFile(join(out, 'feed.json'), 'utf8')) as {
      version: string;
      title: string;
      home_page_url: string;
      feed_url: string;
      items: { id: string; url: string; title: string; content_html: string }[];
    };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Broadsheet');
    expect(feed.home_page_url).toBe(`${SITE}/`);
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    expect(feed.items).toHaveLength(50);
    for (const item of feed.items) {
      expect(item.url).toMatch(articleUrl);
      expect(item.id).toBe(item.url);
      expect(item.content_html).toContain('<p>');
    }
  });

  it('writes a feed for every story, listing its copies', async () => {
    const files = await readdir(join(out, 'feeds', 'story'));
    const storyIds = new Set(
      (
        JSON.parse(await readFile(join(out, 'data/stories/page-1.json'), 'utf8')) as { stories: { id: string }[] }
      ).stories.map((s) => `${s.id}.xml`),
    );
    for (const file of storyIds) expect(files).toContain(file);
    const seedStory = result.articles.find((a) => a.sourceFile === '000_35ecf8471d5c1db4.txt');
    const feedFile = files.find((f) => (seedStory === undefined ? false : f.startsWith('us-to-resume')));
    const atom = xml.parse(await readFile(join(out, 'feeds', 'story', feedFile ?? ''), 'utf8')) as {
      feed: { entry: { link: { '@href': string } }[] };
    };
    expect(atom.feed.entry).toHaveLength(2);
  });

  it("keeps a large story's feed to its newest copies", async () => {
    const stories = (
      JSON.parse(await readFile(join(out, 'data/stories/page-1.json'), 'utf8')) as {
        stories: { id: string; memberCount: number }[];
      }
    ).stories;
    const big = stories.reduce((a, b) => (b.memberCount > a.memberCount ? b : a));
    expect(big.memberCount).toBeGreaterThan(STORY_FEED_SIZE);
    const atom = xml.parse(await readFile(join(out, 'feeds', 'story', `${big.id}.xml`), 'utf8')) as {
      feed: { entry: { published: string }[] };
    };
    expect(atom.feed.entry).toHaveLength(STORY_FEED_SIZE);
    const dates = atom.feed.entry.map((e) => e.published);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('sitemap and robots.txt', () => {
  it('list exactly the built articles (and the home page)', async () => {
    const sitemap = xml.parse(await readFile(join(out, 'sitemap.xml'), 'utf8')) as {
      urlset: { url: { loc: string }[] };
    };
    const locs = sitemap.urlset.url.map((u) => u.loc).sort();
    const expected = [`${SITE}/`, ...result.articles.map((a) => `${SITE}/article/${encodeURIComponent(a.id)}/`)].sort();
    expect(locs).toEqual(expected);
    expect(await readFile(join(out, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });

  it('split into an index of files of at most 50,000 URLs for a large site', async () => {
    const dir = join(work, 'large');
    await mkdir(dir);
    const fake = Array.from(
      { length: URLS_PER_SITEMAP + 10 },
      (_, i) => ({ id: `a-${i}`, published: null }) as unknown as Article,
    );
    expect(await writeSitemap(dir, fake, SITE)).toBe(2);
    const index = xml.parse(await readFile(join(dir, 'sitemap.xml'), 'utf8')) as {
      sitemapindex: { sitemap: { loc: string }[] };
    };
    expect(index.sitemapindex.sitemap.map((s) => s.loc)).toEqual([`${SITE}/sitemap-1.xml`, `${SITE}/sitemap-2.xml`]);
    const second = xml.parse(await readFile(join(dir, 'sitemap-2.xml'), 'utf8')) as { urlset: { url: unknown[] } };
    expect(second.urlset.url).toHaveLength(11);
  });

  it('makes again only the files of URLs whose articles changed, with the output record', async () => {
    const dir = join(work, 'large-kept');
    const records = join(work, 'large-kept-record');
    await mkdir(dir);
    const fake = (ids: readonly string[]) => ids.map((id) => ({ id, published: null }) as unknown as Article);
    const ids = Array.from({ length: URLS_PER_SITEMAP + 10 }, (_, i) => `a-${i}`);
    const first = new OutputManifest(records, dir, 'v');
    await writeSitemap(dir, fake(ids), SITE, first);
    first.finish();
    const firstPart = await readFile(join(dir, 'sitemap-1.xml'), 'utf8');
    // One article added at the end: only the second file of URLs is made (and compared, and written) again.
    const appended = new OutputManifest(records, dir, 'v');
    const made = vi.spyOn(appended, 'unchanged');
    expect(await writeSitemap(dir, fake([...ids, 'added']), SITE, appended)).toBe(2);
    appended.finish();
    expect(made.mock.calls.map(([path]) => path)).toEqual([join(dir, 'sitemap-2.xml')]);
    expect(await readFile(join(dir, 'sitemap-1.xml'), 'utf8')).toBe(firstPart);
    expect(await readFile(join(dir, 'sitemap-2.xml'), 'utf8')).toContain(`${SITE}/article/added/`);
    // One added first: every article after it moves, and both files are made again.
    const inserted = new OutputManifest(records, dir, 'v');
    await writeSitemap(dir, fake(['first', ...ids, 'added']), SITE, inserted);
    inserted.finish();
    const part = async (name: string) =>
      (xml.parse(await readFile(join(dir, name), 'utf8')) as { urlset: { url: { loc: string }[] } }).urlset.url;
    const locs = [...(await part('sitemap-1.xml')), ...(await part('sitemap-2.xml'))].map((u) => u.loc);
    expect(locs).toEqual([`${SITE}/`, ...['first', ...ids, 'added'].map((id) => `${SITE}/article/${id}/`)]);
  });
});
