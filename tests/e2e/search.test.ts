/** Search and feeds in Chromium: the index loads only on first use, results follow typing, `?q=` survives reload. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, storyListReady } from './chromium.ts';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('search', () => {
  it('loads the index on the first search, not at start-up, and keeps ?q= across a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${baseURL}/`);
    await storyListReady(page);
    expect(requested.filter((p) => p.includes('search'))).toEqual([]);

    await page.keyboard.press('/');
    await page.keyboard.type('Zelenskyy ceasefire', { delay: 20 });
    await expect.poll(() => new URL(page.url()).search).toBe('?q=Zelenskyy%20ceasefire');
    const results = page.getByRole('region', { name: 'Search' });
    await expect.poll(() => results.getByRole('link').count()).toBe(1);
    expect(requested).toContain('/data/search-index.json');
    // The index file names its shards, which the app fetches and joins.
    expect(requested.filter((p) => p.startsWith('/data/search/')).length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('mark').count()).toBeGreaterThan(0);

    await page.reload();
    await expect.poll(() => results.getByRole('link').count()).toBe(1);
    expect(await page.getByRole('searchbox', { name: 'Search stories' }).inputValue()).toBe('Zelenskyy ceasefire');
    await context.close();
  });
});

describe('feeds', () => {
  it('are linked from the page head and served', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    const links = await page
      .locator('link[rel="alternate"]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('type'), e.getAttribute('href')]));
    expect(links.map(([type]) => type).sort()).toEqual([
      'application/atom+xml',
      'application/feed+json',
      'application/rss+xml',
    ]);
    for (const [, href] of links) expect((await page.request.get(`${baseURL}${href ?? ''}`)).status()).toBe(200);
    await context.close();
  });
});
