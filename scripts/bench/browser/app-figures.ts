/**
 * The app's figures on a built site, in headless Chromium: JS and CSS of the first load (gzip), time to
 * the first story row (the home page's HTML holds the first page of rows, so this is its first paint),
 * article navigation time, and search (first query with the index load, then the per-keystroke search
 * cost from the page's own User Timing marks).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LOAD_MEASURE, SEARCH_MEASURE } from '../../../src/app/search/search-engine.ts';
import { launchChromium } from '../../../tests/e2e/chromium.ts';
import { serveSite } from './serve-site.ts';

export interface AppFigures {
  readonly firstLoadJsGzipKiB: number;
  readonly firstLoadCssGzipKiB: number;
  readonly firstRowMs: number;
  readonly articleNavigationMs: number;
  readonly firstSearchMs: number;
  readonly indexLoadMs: number;
  readonly keystrokeP95Ms: number;
  readonly keystrokes: number;
}

const QUERIES = ['government', 'election campaign', 'football', 'profits rose', 'music award', 'broadband'];

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

export async function measureApp(siteDir: string): Promise<AppFigures> {
  const server = await serveSite(siteDir);
  const { url } = server;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // When the first row entered the page, seen from inside it (the home page's HTML holds the first rows, so
    // the parser may add them long before the app runs); a row is on screen once the page has also painted.
    // A string, not a function: tsx would wrap a function in helpers the page does not have.
    await page.addInitScript(`
      new MutationObserver((_, observer) => {
        if (document.querySelector('.story-row') === null) return;
        window.__firstRowAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });`);
    await page.goto(`${url}/`);
    await page.locator('.story-row').first().waitFor();
    const rowInPage = await page.evaluate(() => (window as unknown as { __firstRowAt: number }).__firstRowAt);
    const firstPaint = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list, observer) => {
            const paint = list.getEntriesByName('first-contentful-paint')[0];
            if (paint === undefined) return;
            observer.disconnect();
            resolve(paint.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    const firstRowMs = Math.max(rowInPage, firstPaint);
    const loaded = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
    );
    let js = 0;
    let css = 0;
    for (const path of loaded) {
      if (!path.endsWith('.js') && !path.endsWith('.css')) continue;
      const size = gzipSync(await readFile(join(siteDir, path))).length;
      if (path.endsWith('.js')) js += size;
      else css += size;
    }

    // The home page's HTML holds the first rows; links navigate within the app once it has taken over.
    await page.getByRole('searchbox', { name: 'Search stories' }).waitFor();
    const articleNavigationMs = await page.evaluate(async () => {
      const start = performance.now();
      document.querySelector<HTMLAnchorElement>('.story-row h2 a')?.click();
      // Polled without a named helper: tsx would wrap one in a helper the page does not have.
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (document.querySelector('.article-body') === null) return;
          clearInterval(timer);
          resolve();
        }, 2);
      });
      return performance.now() - start;
    });

    await page.goto(`${url}/`);
    await page.locator('.story-row').first().waitFor();
    const box = page.getByRole('searchbox', { name: 'Search stories' });
    const searchStart = await page.evaluate(() => performance.now());
    await box.fill(QUERIES[0] ?? 'news');
    await page.getByRole('region', { name: 'Search' }).getByRole('status').filter({ hasText: /match/ }).waitFor();
    const firstSearchMs = (await page.evaluate(() => performance.now())) - searchStart;
    const indexLoadMs = await page.evaluate(
      (name) => performance.getEntriesByName(name)[0]?.duration ?? 0,
      LOAD_MEASURE,
    );

    const before = await page.evaluate((name) => performance.getEntriesByName(name).length, SEARCH_MEASURE);
    for (const query of QUERIES.slice(1)) {
      await box.fill('');
      await box.pressSequentially(query, { delay: 30 });
      await page.waitForTimeout(150);
    }
    const durations = await page.evaluate(
      ([name, skip]) =>
        performance
          .getEntriesByName(name as string)
          .slice(skip as number)
          .map((e) => e.duration),
      [SEARCH_MEASURE, before] as const,
    );
    await context.close();
    return {
      firstLoadJsGzipKiB: js / 1024,
      firstLoadCssGzipKiB: css / 1024,
      firstRowMs,
      articleNavigationMs,
      firstSearchMs,
      indexLoadMs,
      keystrokeP95Ms: percentile(durations, 0.95),
      keystrokes: durations.length,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1]?.endsWith('app-figures.ts')) {
  const dir = process.argv[2];
  if (dir === undefined) throw new Error('usage: app-figures.ts SITE_DIR');
  console.log(await measureApp(dir));
}
