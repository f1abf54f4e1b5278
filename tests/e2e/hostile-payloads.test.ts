/**
 * Article text is never trusted as HTML. A corpus of classic XSS vectors goes into every place an
 * article carries text (headline, byline, caption and credit, paragraphs), is built into a site and
 * opened in Chromium: no dialog opens, no payload script runs (the `window.__xss` marker they all try to
 * set stays unset), the Content Security Policy reports no violation, and each payload is visible on the
 * page as the text it is. The pre-rendered share pages, read with JavaScript off, keep every payload as
 * text in the title, the preview tags, the JSON-LD and the body; the feeds parse and carry them intact.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, storyListReady } from './chromium.ts';
import { buildAndServe, type ServedSite } from './site-server.ts';

const M = 'window.__xss=1';
export const PAYLOADS: readonly string[] = [
  `<script>${M}</script>`,
  `<img src=x onerror="${M}">`,
  `<img src=x onerror=alert(1)>`,
  `<svg onload=${M}>`,
  `<svg><script>${M}</script></svg>`,
  `<svg><animate onbegin=${M} attributeName=x dur=1s>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${M}>`,
  `"><script>${M}</script>`,
  `'><img src=x onerror=${M}>`,
  `</script><script>${M}</script>`,
  `]]><script>${M}</script><![CDATA[`,
  `</title><script>${M}</script>`,
  `</textarea><script>${M}</script>`,
  `<iframe src="javascript:parent.__xss=1"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<a href="javascript:${M}">read more</a>`,
  `javascript:${M}`,
  `<body onload=${M}>`,
  `<details open ontoggle=${M}>`,
  `<input autofocus onfocus=${M}>`,
  `<video><source onerror=${M}></video>`,
  `<object data="javascript:${M}"></object>`,
  `<embed src="javascript:${M}">`,
  `<style>@import 'javascript:${M}';</style>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${M}">`,
  `<base href="javascript:${M}//">`,
  `<form action="javascript:${M}"><button>go</button></form>`,
  `<!--<img src="--><img src=x onerror=${M}//">`,
  `<noscript><p title="</noscript><img src=x onerror=${M}>">`,
  `\${${M}}`,
  `{{constructor.constructor('${M}')()}}`,
  `"}]</script><script>${M}</script>`,
  `{"@context":"https://schema.org","x":"</script><script>${M}</script>"}`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==`,
  `<x onpointerover=${M}>hover</x>`,
  `<div style="background:url(javascript:${M})">x</div>`,
  `<link rel=import href="data:text/html,<script>${M}</script>">`,
];

/** One article per payload, the payload in each kind of line the extractor reads. */
function article(payload: string, i: number): string {
  return [
    'Home',
    'World',
    '',
    `Council row ${i} over ${payload} harbour wall`,
    '',
    `By Jane Doe ${payload}`,
    '',
    `The harbour wall at dusk, with ${payload} painted on it.`,
    `Photo: ${payload.replace(/\s+/g, '')}/Reuters`,
    '',
    `PORTMERE — Voters in this small harbour town approved a plan on Sunday to rebuild the sea wall, ${payload} said.`,
    '',
    `The new wall will be two metres higher than the old one, the council said in a statement about ${payload}.`,
    '',
    `Work is due to start in the spring and the cost will be shared with a national flood fund, ${payload}.`,
    '',
  ].join('\n');
}

let browser: Browser;
let site: ServedSite;
let articlesDir: string;

beforeAll(async () => {
  articlesDir = await mkdtemp(join(tmpdir(), 'broadsheet-xss-'));
  await Promise.all(
    PAYLOADS.map((p, i) => writeFile(join(articlesDir, `payload-${String(i).padStart(2, '0')}.txt`), article(p, i))),
  );
  site = await buildAndServe(articlesDir);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  await site.close();
  await rm(articlesDir, { recursive: true, force: true });
});

interface Watch {
  readonly dialogs: string[];
  readonly violations: () => Promise<string[]>;
}

async function watchedPage(): Promise<{ page: Page; watch: Watch }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return {
    page,
    watch: {
      dialogs,
      violations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    },
  };
}

/** Article ids by source file, read from the emitted story list (every page of it). */
async function idsBySourceFile(page: Page): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let p = 1; ; p++) {
    const list = (await (await page.request.get(`${site.url}/data/stories/page-${p}.json`)).json()) as {
      pageCount: number;
      stories: { id: string }[];
    };
    // A story lists a dozen copies; its own file lists them all.
    for (const s of list.stories) {
      const story = (await (await page.request.get(`${site.url}/data/story/${s.id}.json`)).json()) as {
        members: { id: string; sourceFile: string }[];
      };
      for (const m of story.members) ids.set(m.sourceFile, m.id);
    }
    if (p >= list.pageCount) break;
  }
  return ids;
}

function fileOf(i: number): string {
  return `payload-${String(i).padStart(2, '0')}.txt`;
}

describe('the Content Security Policy', () => {
  it('is sent as a header and set in the page, with no unsafe-inline or unsafe-eval for scripts', async () => {
    const { page } = await watchedPage();
    const response = await page.goto(`${site.url}/`);
    const header = response?.headers()['content-security-policy'] ?? '';
    const meta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    for (const policy of [header, meta]) {
      expect(policy).toMatch(/script-src 'self'(;|$)/);
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    }
    expect(header).toContain("frame-ancestors 'none'");
    await storyListReady(page);
    await page.context().close();
  });
});

describe(`${PAYLOADS.length} XSS payloads in article text`, () => {
  it('are all built: every payload file became an article', async () => {
    const { page } = await watchedPage();
    const response = await page.request.get(`${site.url}/report.json`);
    const report = (await response.json()) as { built: number; leftOut: number };
    expect(report).toMatchObject({ built: PAYLOADS.length, leftOut: 0 });
    expect((await idsBySourceFile(page)).size).toBe(PAYLOADS.length);
    await page.context().close();
  });

  it('run nowhere in the story list, and each article shows its payload as literal text', async () => {
    const { page, watch } = await watchedPage();
    const ids = await idsBySourceFile(page);
    await page.goto(`${site.url}/`);
    await storyListReady(page);
    for (const [i, payload] of PAYLOADS.entries()) {
      await page.goto(`${site.url}/article/${ids.get(fileOf(i)) ?? 'missing'}`);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      expect(await heading.textContent(), `payload ${i}`).toBe(`Council row ${i} over ${payload} harbour wall`);
      const body = (await page.locator('.article-body').textContent()) ?? '';
      expect(body, `payload ${i} in the body`).toContain(payload);
      expect(await page.locator('.byline').textContent(), `payload ${i} in the byline`).toContain(payload);
      await page.getByText(/^Show removed text/).click();
      expect(
        await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
        `payload ${i}`,
      ).toBeUndefined();
      expect(await watch.violations(), `CSP violations on payload ${i}`).toEqual([]);
    }
    expect(watch.dialogs).toEqual([]);
    expect(await watch.violations()).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('stay text in the pre-rendered share pages: the head, the JSON-LD and the body, with JavaScript off', async () => {
    const { page } = await watchedPage();
    const ids = await idsBySourceFile(page);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const staticPage = await context.newPage();
    for (const [i, payload] of PAYLOADS.entries()) {
      const headline = `Council row ${i} over ${payload} harbour wall`;
      const response = await staticPage.goto(`${site.url}/article/${ids.get(fileOf(i)) ?? 'missing'}/`);
      expect(response?.status(), `payload ${i}`).toBe(200);
      expect(await staticPage.title(), `payload ${i} in the title`).toBe(`${headline} — Broadsheet`);
      expect(await staticPage.getByRole('heading', { level: 1 }).textContent(), `payload ${i}`).toBe(headline);
      expect(
        await staticPage.locator('meta[property="og:title"]').getAttribute('content'),
        `payload ${i} in og:title`,
      ).toBe(headline);
      const ld = await staticPage.locator('script[type="application/ld+json"]').allTextContents();
      expect(ld, `payload ${i}: one JSON-LD block`).toHaveLength(1);
      expect((JSON.parse(ld[0] ?? '{}') as { headline?: string }).headline, `payload ${i} in JSON-LD`).toBe(headline);
      // Nothing the payloads carry became an element: only the display-settings boot script, the app's
      // module script and the JSON-LD.
      const scripts = await staticPage
        .locator('script')
        .evaluateAll((ss) => ss.map((s) => s.getAttribute('src') ?? s.getAttribute('type') ?? 'inline'));
      expect(
        scripts.map((s) => s.replace(/^(\/assets\/index)-[\w-]+\.js$/, '$1.js')),
        `payload ${i}: scripts`,
      ).toEqual(['/reader-preferences.js', '/assets/index.js', 'application/ld+json']);
      expect(
        await staticPage.locator('#root :is(img, svg, iframe, object, embed, video, input, style, math, body)').count(),
        `payload ${i}: injected elements`,
      ).toBe(0);
    }
    await context.close();
    await page.context().close();
  }, 120_000);

  it('stay text in the feeds: RSS and Atom parse as XML and JSON Feed as JSON, with every headline intact', async () => {
    const headlines = new Set(PAYLOADS.map((payload, i) => `Council row ${i} over ${payload} harbour wall`));
    const get = async (path: string) => (await fetch(`${site.url}${path}`)).text();
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true });
    const rss = xml.parse(await get('/feed.xml'), true) as { rss: { channel: { item: { title: string }[] } } };
    const atom = xml.parse(await get('/atom.xml'), true) as {
      feed: { entry: { title: { '#text': string; '@type': string } }[] };
    };
    const json = JSON.parse(await get('/feed.json')) as { items: { title: string }[] };
    // Atom titles are type="text": what the XML holds is the headline, markup-looking characters and all.
    const atomTitles = atom.feed.entry.map((e) => {
      expect(e.title['@type']).toBe('text');
      return e.title['#text'];
    });
    for (const titles of [
      rss.rss.channel.item.map((i) => String(i.title)),
      atomTitles,
      json.items.map((i) => i.title),
    ]) {
      expect(titles).toHaveLength(PAYLOADS.length);
      expect(new Set(titles)).toEqual(headlines);
    }
  });
});
