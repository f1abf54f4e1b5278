/**
 * The walking skeleton in a real browser: list → article → sidebar → reload of the deep link, at phone
 * and desktop widths, light and dark, with screenshots kept for a person to look at.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, SCREENSHOT_DIR, storyListReady } from './chromium.ts';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser.close();
});

async function openPage(width: number, colorScheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('close', () => expect(problems).toEqual([]));
  return page;
}

function shot(name: string): string {
  return fileURLToPath(new URL(`${name}.png`, SCREENSHOT_DIR));
}

describe('the reader on the bundled articles', () => {
  it('lists the two copies as one story, opens it, shows the sidebar, and survives a reload', async () => {
    const page = await openPage(1280, 'light');
    await page.goto(`${baseURL}/`);
    await storyListReady(page);
    const rows = page.locator('.story-row');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => page.getByRole('list', { name: 'Copies of this story' }).getByRole('link').count()).toBe(2);

    await page
      .getByRole('link', { name: 'US to resume security support to Ukraine after Kyiv accepts ceasefire' })
      .click();
    const headline = page.getByRole('heading', { level: 1 });
    await expect
      .poll(() => headline.textContent())
      .toBe('US to resume security support to Ukraine after Kyiv accepts ceasefire');
    expect(new URL(page.url()).pathname).toMatch(
      /^\/article\/us-to-resume-security-support-to-ukraine-after-kyiv-accepts-[0-9a-f]{8}\/$/,
    );
    const sidebar = page.getByRole('complementary', { name: 'Other coverage and related stories' });
    expect(await sidebar.getByRole('heading', { name: 'Other coverage of this story' }).isVisible()).toBe(true);
    expect(
      await sidebar.getByRole('link', { name: /as Kyiv says it is ready to accept ceasefire proposal/ }).isVisible(),
    ).toBe(true);
    await page.screenshot({ path: shot('article-desktop-light'), fullPage: true });

    await page.reload();
    await expect
      .poll(() => headline.textContent())
      .toBe('US to resume security support to Ukraine after Kyiv accepts ceasefire');
    expect(await page.getByRole('heading', { name: 'Will Russia agree?', level: 2 }).isVisible()).toBe(true);
    expect(await page.title()).toBe(
      'US to resume security support to Ukraine after Kyiv accepts ceasefire — Broadsheet',
    );
    await page.context().close();
  });

  it('follows the other copy from the sidebar and shows its dateline', async () => {
    const page = await openPage(390, 'dark');
    await page.goto(`${baseURL}/`);
    await page.getByRole('list', { name: 'Copies of this story' }).getByRole('link').first().click();
    await page.getByRole('complementary').getByRole('link').first().click();
    await expect.poll(() => page.locator('.dateline').textContent()).toBe('JEDDAH');
    await page.screenshot({ path: shot('article-phone-dark'), fullPage: true });
    await page.context().close();
  });

  it.each([
    [390, 'light'],
    [390, 'dark'],
    [1280, 'light'],
    [1280, 'dark'],
  ] as const)('renders the story list at %i px in %s mode without horizontal scrolling', async (width, scheme) => {
    const page = await openPage(width, scheme);
    await page.goto(`${baseURL}/`);
    await storyListReady(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await page.screenshot({ path: shot(`list-${width}-${scheme}`), fullPage: true });
    const article = await page
      .getByRole('list', { name: 'Copies of this story' })
      .getByRole('link')
      .first()
      .getAttribute('href');
    await page.goto(`${baseURL}${article ?? '/'}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.screenshot({ path: shot(`article-${width}-${scheme}`), fullPage: true });
    await page.context().close();
  });
});

describe('compare coverage in the browser', () => {
  it.each([
    [390, 'light'],
    [390, 'dark'],
    [1280, 'light'],
    [1280, 'dark'],
  ] as const)('opens from the sidebar and aligns the two copies at %i px in %s mode', async (width, scheme) => {
    const page = await openPage(width, scheme);
    await page.goto(`${baseURL}/`);
    await page.getByRole('list', { name: 'Copies of this story' }).getByRole('link').first().click();
    await page
      .getByRole('complementary')
      .getByRole('link', { name: /^Compare with / })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Compare coverage' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/compare/');
    const table = page.getByRole('table');
    expect(await table.locator('del').count()).toBeGreaterThan(0);
    expect(await table.locator('ins').count()).toBeGreaterThan(0);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await page.screenshot({ path: shot(`compare-${width}-${scheme}`), fullPage: true });
    // The comparison is a deep link: it survives a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Compare coverage' }).waitFor();
    await page.context().close();
  });
});
