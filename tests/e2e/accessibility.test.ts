/**
 * axe-core in Chromium on every kind of page, light and dark: list, article, compare, search, saved,
 * not-found, the display settings (in sepia) and the shortcuts dialog.
 * Zero violations is the bar (WCAG 2.1 A and AA rules, plus axe's best practices).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
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

async function firstArticlePath(page: Page): Promise<string> {
  await page.goto(`${baseURL}/`);
  const href = await page
    .getByRole('list', { name: 'Copies of this story' })
    .getByRole('link')
    .first()
    .getAttribute('href');
  if (href === null) throw new Error('no article link on the list');
  return href;
}

/** Each violation as "rule: target…", so a failure names what to fix. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

const VIEWS: readonly (readonly [string, (page: Page) => Promise<void>])[] = [
  [
    'story list',
    async (page) => {
      await page.goto(`${baseURL}/`);
      await storyListReady(page);
    },
  ],
  [
    'article',
    async (page) => {
      await page.goto(`${baseURL}${await firstArticlePath(page)}`);
      await page.getByRole('complementary').waitFor();
    },
  ],
  [
    'compare',
    async (page) => {
      await page.goto(`${baseURL}${await firstArticlePath(page)}`);
      await page
        .getByRole('complementary')
        .getByRole('link', { name: /^Compare with / })
        .click();
      await page.getByRole('table').waitFor();
    },
  ],
  [
    'search results',
    async (page) => {
      await page.goto(`${baseURL}/search/?q=ceasefire`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('.search-results .story-row').first().waitFor();
    },
  ],
  [
    'saved',
    async (page) => {
      await page.goto(`${baseURL}${await firstArticlePath(page)}`);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.goto(`${baseURL}/saved/`);
      await page.getByRole('heading', { level: 1, name: 'Saved' }).waitFor();
    },
  ],
  [
    'article with display settings open, in sepia',
    async (page) => {
      await page.goto(`${baseURL}${await firstArticlePath(page)}`);
      await page.getByRole('button', { name: 'Display settings' }).click();
      await page.getByRole('radio', { name: 'Sepia' }).check();
    },
  ],
  [
    'keyboard shortcuts',
    async (page) => {
      await page.goto(`${baseURL}/`);
      await storyListReady(page);
      await page.keyboard.press('?');
      await page.getByRole('dialog').waitFor();
    },
  ],
  [
    'not found',
    async (page) => {
      await page.goto(`${baseURL}/article/no-such-article-00000000/`);
      await page
        .getByRole('link', { name: /home|stories/i })
        .first()
        .waitFor();
    },
  ],
];

describe('accessibility (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it.each(VIEWS)(`finds no violations on the %s view in ${scheme} mode`, async (_name, open) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      await open(page);
      expect(await violations(page)).toEqual([]);
      await context.close();
    });
  }
});
