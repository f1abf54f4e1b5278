/**
 * What only a browser shows about reading: keyboard shortcuts and focus, display settings applied before
 * the first paint and kept across reloads, line length, and read and saved marks surviving a reload.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, SCREENSHOT_DIR, storyListReady } from './chromium.ts';
import { buildAndServe, type ServedSite } from './site-server.ts';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function newPage(width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  return context.newPage();
}

async function articleHref(page: Page): Promise<string> {
  await page.goto(`${baseURL}/`);
  const href = await page
    .getByRole('list', { name: 'Copies of this story' })
    .getByRole('link')
    .first()
    .getAttribute('href');
  if (href === null) throw new Error('no article link');
  return href;
}

/** Average characters per rendered line over the article's body paragraphs. */
async function charactersPerLine(page: Page): Promise<number> {
  return page.evaluate(() => {
    let chars = 0;
    let lines = 0;
    for (const p of document.querySelectorAll('.article-body p')) {
      const text = p.textContent ?? '';
      const lineHeight = parseFloat(getComputedStyle(p).lineHeight);
      const count = Math.round(p.getBoundingClientRect().height / lineHeight);
      // Only paragraphs of three lines or more: a short last line would understate the measure.
      if (count < 3) continue;
      chars += text.length;
      lines += count - 0.5;
    }
    return chars / lines;
  });
}

describe('keyboard', () => {
  it('skips to content, moves through stories with j and k, opens with Enter and focuses the headline', async () => {
    const page = await newPage();
    await page.goto(`${baseURL}/`);
    await storyListReady(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    await page.keyboard.press('j');
    const focused = await page.evaluate(() => document.activeElement?.closest('h2') !== null);
    expect(focused).toBe(true);
    const headline = await page.evaluate(() => document.activeElement?.textContent ?? '');
    // One story in the bundled articles: k stays on it rather than leaving the list.
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(headline);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid');

    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: headline }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('article-headline');
    await page.context().close();
  });

  it('shows the shortcuts with ? and closes them with Escape, and / focuses search', async () => {
    const page = await newPage();
    await page.goto(`${baseURL}/`);
    await storyListReady(page);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.getByText('Next story').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // The footer offers the same list to readers who do not know the key.
    await page.getByRole('contentinfo').getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    // Typing j into search types j; it does not move through stories.
    await page.keyboard.type('j');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('j');
    await page.context().close();
  });
});

describe('display settings', () => {
  it('keeps a chosen theme across a reload, applied before the app runs', async () => {
    const page = await newPage();
    const href = await articleHref(page);
    await page.goto(`${baseURL}${href}`);
    await page.getByRole('button', { name: 'Display settings' }).click();
    await page.getByRole('radio', { name: 'Sepia' }).check();
    const sepia = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(sepia).toBe('rgb(244, 236, 216)');

    // With the app's scripts blocked, only the boot script can have applied the theme.
    await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('sepia');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(sepia);
    await page.context().close();
  });

  it('keeps lines of article text between 60 and 75 characters at every line width, text size and typeface', async () => {
    const page = await newPage();
    const href = await articleHref(page);
    await page.goto(`${baseURL}${href}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const measures: Record<string, number> = {};
    for (const width of ['Narrow', 'Medium', 'Wide']) {
      for (const [size, face] of [
        ['Small', 'Serif'],
        ['Large', 'Sans-serif'],
        ['Medium', 'Serif'],
      ] as const) {
        await page.getByRole('button', { name: 'Display settings' }).click();
        await page.getByRole('group', { name: 'Typeface' }).getByRole('radio', { name: face, exact: true }).check();
        await page.getByRole('group', { name: 'Line width' }).getByRole('radio', { name: width, exact: true }).check();
        await page.getByRole('group', { name: 'Text size' }).getByRole('radio', { name: size, exact: true }).check();
        await page.keyboard.press('Escape');
        measures[`${width}/${size}/${face}`] = Math.round(await charactersPerLine(page));
      }
    }
    expect(Object.entries(measures).filter(([, m]) => m < 60 || m > 75)).toEqual([]);
    await page.context().close();
  });

  it('opens the panel over the page without moving the article', async () => {
    const page = await newPage(390);
    const href = await articleHref(page);
    await page.goto(`${baseURL}${href}`);
    const headline = page.getByRole('heading', { level: 1 });
    // The pre-rendered page is replaced by the app's: measure once the app (and its header) is in.
    const settings = page.getByRole('button', { name: 'Display settings' });
    await settings.waitFor();
    await headline.waitFor();
    const before = await headline.boundingBox();
    expect(before).not.toBeNull();
    await settings.click();
    await page.getByRole('group', { name: 'Display settings' }).waitFor();
    expect(await headline.boundingBox()).toEqual(before);
    await page.getByRole('radio', { name: 'Sepia' }).check();
    await page.screenshot({ path: fileURLToPath(new URL('settings-390-sepia.png', SCREENSHOT_DIR)) });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await page.context().close();
  });
});

describe('read and saved marks', () => {
  it('marks an opened story read and keeps a saved article on /saved/ across reloads', async () => {
    const page = await newPage();
    const href = await articleHref(page);
    await page.goto(`${baseURL}${href}`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.goto(`${baseURL}/`);
    await storyListReady(page);
    expect(await page.locator('.story-row .read-mark').count()).toBe(1);
    await page.getByRole('link', { name: 'Saved (1)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Saved' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Saved' }).waitFor();
    expect(await page.locator(`main a[href="${href}"]`).count()).toBe(1);
    await page.context().close();
  });
});

describe('a right-to-left article', () => {
  let site: ServedSite;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'broadsheet-rtl-'));
    await copyFile(
      fileURLToPath(new URL('../golden/rtl-arabic-article/input.txt', import.meta.url)),
      join(dir, 'nile.txt'),
    );
    site = await buildAndServe(dir);
  });
  afterAll(async () => {
    await site.close();
  });

  it('sets lang and dir from the article and lays the text out from the right', async () => {
    const page = await newPage(1280);
    await page.goto(`${site.url}/`);
    await page.locator('.story-row h2 a').first().click();
    const article = page.locator('article.article');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await article.getAttribute('dir')).toBe('rtl');
    expect(await article.getAttribute('lang')).toBe('ar');
    expect(await page.locator('.dateline').textContent()).toBe('الخرطوم');
    // Each paragraph's text hugs the right edge of the column and leaves its ragged edge on the left.
    const edges = await page.evaluate(() => {
      const column = document.querySelector('.article-body')?.getBoundingClientRect();
      const range = document.createRange();
      const p = document.querySelector('.article-body p');
      if (column === undefined || p === null) return null;
      range.selectNodeContents(p);
      const lines = [...range.getClientRects()];
      const last = lines.at(-1);
      return last === undefined ? null : { right: column.right - last.right, left: last.left - column.left };
    });
    expect(edges?.right).toBeLessThan(2);
    expect(edges?.left).toBeGreaterThan(20);
    await page.screenshot({ path: fileURLToPath(new URL('article-rtl-1280.png', SCREENSHOT_DIR)), fullPage: true });
    await page.context().close();
  });
});
