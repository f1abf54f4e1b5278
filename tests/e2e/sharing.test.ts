/**
 * Sharing in a real browser: share pages read with JavaScript off, the app taking over from them, the
 * Share button copying the link where there is no share sheet, and the server's 404 for unknown paths.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StoryPage } from '../../src/shared/article-schema.ts';
import { launchChromium } from './chromium.ts';

const baseURL = inject('baseURL');
let browser: Browser;
let articlePaths: string[];

beforeAll(async () => {
  browser = await launchChromium();
  const response = await fetch(`${baseURL}/data/stories/page-1.json`);
  const page = (await response.json()) as StoryPage;
  articlePaths = page.stories.flatMap((s) => s.members.map((m) => `/article/${m.id}/`));
});
afterAll(async () => {
  await browser.close();
});

/** Uncaught errors and console errors the page reports, as they come. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

describe('share pages', () => {
  it('show the headline and the article text with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of articlePaths) {
      const response = await page.goto(`${baseURL}${path}`);
      expect(response?.status()).toBe(200);
      const headline = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
      expect(headline.length).toBeGreaterThan(20);
      expect(await page.title()).toBe(`${headline} — Broadsheet`);
      const paragraphs = page.locator('.article-body p');
      expect(await paragraphs.count()).toBeGreaterThan(10);
      expect(await paragraphs.first().isVisible()).toBe(true);
      expect(await page.getByRole('complementary').getByRole('link').count()).toBeGreaterThan(0);
    }
    await context.close();
  });

  it('are taken over by the app without a second headline or a console error', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto(`${baseURL}${articlePaths[0]}`);
    await page.getByRole('button', { name: /^Share: / }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the home page', () => {
  it('lists the first page of stories with JavaScript disabled, each opening its article', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${baseURL}/`);
    expect(response?.status()).toBe(200);
    const rows = page.locator('.story-row');
    const data = (await (await fetch(`${baseURL}/data/stories/page-1.json`)).json()) as StoryPage;
    expect(await rows.count()).toBe(data.stories.length);
    const first = data.stories[0];
    if (first === undefined) throw new Error('no stories built');
    const link = page.getByRole('heading', { level: 2, name: first.headline }).getByRole('link');
    await link.click();
    await page.waitForURL(/\/article\//);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toBe('');
    await context.close();
  });

  it('is taken over by the app with the same rows and no console error', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto(`${baseURL}/`);
    // The app's header has the search box; the written page does not.
    await page.getByRole('searchbox', { name: 'Search stories' }).waitFor();
    const headlines = await page.locator('.story-row h2').allTextContents();
    const data = (await (await fetch(`${baseURL}/data/stories/page-1.json`)).json()) as StoryPage;
    expect(headlines).toEqual(data.stories.map((s) => s.headline));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the Share button', () => {
  it('copies the canonical link and says "Link copied" when the browser has no share sheet', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true });
    });
    const page = await context.newPage();
    const path = articlePaths[0] ?? '/';
    await page.goto(`${baseURL}${path}`);
    const headline = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    await page.getByRole('button', { name: `Share: ${headline}` }).click();
    await expect.poll(() => page.locator('.share-controls').getByRole('status').textContent()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${path}`);
    await context.close();
  });
});

describe('the preview server', () => {
  it('answers 404 with the not-found page for an unknown path', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const path of ['/no/such/page', '/article/no-such-article-000000/']) {
      const response = await page.goto(`${baseURL}${path}`);
      expect(response?.status(), path).toBe(404);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
      expect(await page.getByRole('link', { name: 'Back to all stories' }).isVisible()).toBe(true);
    }
    await context.close();
  });

  it('sends an article address without its final slash to the page', async () => {
    const path = articlePaths[0] ?? '/';
    const response = await fetch(`${baseURL}${path.slice(0, -1)}`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(path);
  });
});
