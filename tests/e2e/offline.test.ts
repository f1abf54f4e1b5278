/**
 * Offline reading in Chromium, on a site of twelve articles built for this test: after one online visit
 * and "Save all for offline", deep links reload offline, browsing ten articles offline makes no failed
 * request, the offline notice comes and goes, and a rebuild offers "New stories — reload" (never reloading
 * by itself) after which only the new build's data remains and the new article opens offline.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/ingest/build-site.ts';
import { launchChromium, storyListReady } from './chromium.ts';
import { BUNDLED_ARTICLES, buildAndServe, type ServedSite } from './site-server.ts';

const SUBJECTS: readonly (readonly string[])[] = [
  ['Lighthouse keepers', 'Orkney', 'lantern', 'fog', 'beacon', 'tower', 'shipwreck'],
  ['Beekeepers', 'Devon', 'hives', 'honey', 'pollen', 'queen', 'swarm'],
  ['Glacier scientists', 'Svalbard', 'ice', 'meltwater', 'crevasse', 'moraine', 'drill'],
  ['Violin makers', 'Cremona', 'spruce', 'varnish', 'luthier', 'bow', 'strings'],
  ['Tram drivers', 'Lisbon', 'tramline', 'carriage', 'depot', 'timetable', 'brakes'],
  ['Cheese makers', 'Gruyères', 'curd', 'rennet', 'cellar', 'wheel', 'brine'],
  ['Astronomers', 'Atacama', 'telescope', 'galaxy', 'nebula', 'mirror', 'comet'],
  ['Falconers', 'Abu Dhabi', 'falcon', 'hood', 'perch', 'talons', 'aviary'],
  ['Rope makers', 'Chatham', 'hemp', 'twine', 'ropewalk', 'rigging', 'knots'],
  ['Chocolatiers', 'Brussels', 'cocoa', 'praline', 'tempering', 'ganache', 'truffle'],
];

function subjectArticle([who, place, ...words]: readonly string[]): string {
  const [a, b, c, d, e] = words;
  return [
    `${who} in ${place} warn over shortage of ${a}`,
    '',
    `${who} in ${place} said on Monday that a shortage of ${a} and ${b} threatened their season, as demand for ${c} rose.`,
    '',
    `The ${d} trade in ${place} depends on ${a} arriving before winter, and several workshops have already cut their ${e} orders.`,
    '',
    `Local officials promised to review the supply of ${b} and ${c} within a month.`,
    '',
  ].join('\n');
}

let browser: Browser;
let site: ServedSite;
let articlesDir: string;

beforeAll(async () => {
  browser = await launchChromium();
  articlesDir = await mkdtemp(join(tmpdir(), 'broadsheet-offline-articles-'));
  for (const name of ['000_35ecf8471d5c1db4.txt', '001_ce27524887c080ba.txt']) {
    await writeFile(join(articlesDir, name), await readFile(join(BUNDLED_ARTICLES, name)));
  }
  for (const [i, subject] of SUBJECTS.entries()) {
    await writeFile(join(articlesDir, `subject-${i}.txt`), subjectArticle(subject));
  }
  site = await buildAndServe(articlesDir);
}, 120_000);
afterAll(async () => {
  await browser.close();
  await site.close();
  await rm(articlesDir, { recursive: true, force: true });
});

async function onlineVisit(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.url}/`);
  await storyListReady(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { context, page };
}

async function saveAll(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save all for offline' }).click();
  await expect
    .poll(() => page.getByRole('region', { name: 'Offline reading' }).getByRole('status').textContent(), {
      timeout: 15_000,
    })
    .toMatch(/^All \d+ files saved/);
}

async function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('broadsheet-data-')));
}

/** Unfolds every story's "+N" outlet chips, so each copy has a link on the list. */
async function showAllCopies(page: Page): Promise<void> {
  const more = page.getByRole('button', { name: /^Show \d+ more copies$/ });
  while ((await more.count()) > 0) await more.first().click();
}

describe('offline reading', () => {
  it('reloads a deep link offline with the full article, and marks saved stories in the list', async () => {
    const { context, page } = await onlineVisit();
    await saveAll(page);
    await page.reload();
    await expect.poll(() => page.locator('.saved-offline').count()).toBe(await page.locator('.story-row').count());
    const href = (await page.locator('.story-row h2 a').first().getAttribute('href')) ?? '/';
    await context.setOffline(true);
    await page.goto(`${site.url}${href}`);
    const headline = page.getByRole('heading', { level: 1 });
    await expect.poll(() => headline.textContent()).not.toBe('');
    // The shell's own markup paints first (its list has a heading too): the article comes when the app runs.
    await expect.poll(() => page.locator('.article-body p').count()).toBeGreaterThan(2);
    expect(await page.getByRole('complementary').isVisible()).toBe(true);
    // Saving kept the search index too (its file and the shards it names): search works offline.
    await page.goto(`${site.url}/search/?q=telescope`);
    const results = page.getByRole('region', { name: 'Search' });
    await expect.poll(() => results.getByRole('link').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('browses ten articles offline without one failed request', async () => {
    const { context, page } = await onlineVisit();
    await saveAll(page);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.url()} ${r.status()}`);
    });
    await context.setOffline(true);
    await page.reload();
    await storyListReady(page);
    await showAllCopies(page);
    // Every copy is linked from the list by its outlet chip, titled with its headline.
    const copies = page.getByRole('list', { name: 'Copies of this story' }).getByRole('link');
    const titles = await copies.evaluateAll((as) => as.map((a) => a.getAttribute('title') ?? ''));
    expect(titles.length).toBeGreaterThanOrEqual(10);
    for (const [i, title] of titles.slice(0, 10).entries()) {
      await copies.nth(i).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
      await page.goBack();
      await storyListReady(page);
      await showAllCopies(page);
    }
    expect(failed).toEqual([]);
    await context.close();
  });

  it('keeps read and saved marks made offline across offline reloads', async () => {
    const { context, page } = await onlineVisit();
    await saveAll(page);
    await context.setOffline(true);
    await page.reload();
    await storyListReady(page);
    const headline = (await page.locator('.story-row h2 a').first().textContent()) ?? '';
    await page.locator('.story-row h2 a').first().click();
    await page.getByRole('heading', { level: 1, name: headline }).waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await page.reload();
    await page.getByRole('button', { name: 'Saved', exact: true }).waitFor();
    await page.goto(`${site.url}/`);
    const row = page.locator('.story-row', { has: page.getByRole('link', { name: headline, exact: true }) });
    await row.getByText('Read', { exact: true }).waitFor();
    await page.goto(`${site.url}/saved/`);
    await page.getByRole('heading', { level: 1, name: 'Saved' }).waitFor();
    expect(await page.locator('main .story-row h2').allTextContents()).toEqual([headline]);
    await context.close();
  });

  it('says it is offline within a second, and stops saying so when back online', async () => {
    const { context, page } = await onlineVisit();
    const notice = page.getByText('You are offline. Stories saved on this device still open.');
    expect(await notice.count()).toBe(0);
    await context.setOffline(true);
    await notice.waitFor({ timeout: 1000 });
    expect(await page.locator('.connection-status').getAttribute('role')).toBe('status');
    await context.setOffline(false);
    await notice.waitFor({ state: 'detached', timeout: 1000 });
    await context.close();
  });

  it('offers new stories after a rebuild, reloads only when asked, and keeps only the new data', async () => {
    const { context, page } = await onlineVisit();
    await saveAll(page);
    const before = await cacheNames(page);
    expect(before).toHaveLength(1);

    await writeFile(join(articlesDir, 'subject-0.txt'), subjectArticle(SUBJECTS[0] ?? []).replace('Monday', 'Tuesday'));
    await writeFile(
      join(articlesDir, 'new-story.txt'),
      subjectArticle(['Clockmakers', 'Geneva', 'escapement', 'pendulum', 'gears', 'springs', 'dial']),
    );
    await buildSite({ articlesDir, outDir: site.dir, log: () => {} });

    let loads = 0;
    page.on('load', () => loads++);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByRole('button', { name: 'New stories — reload' });
    await prompt.waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    expect(loads).toBe(0);

    await prompt.click();
    await page.waitForEvent('load');
    await storyListReady(page);
    await expect.poll(() => cacheNames(page)).not.toEqual(before);
    expect(await cacheNames(page)).toHaveLength(1);

    await showAllCopies(page);
    const newStory = page.locator('a[title="Clockmakers in Geneva warn over shortage of escapement"]');
    await newStory.waitFor();
    await newStory.click();
    // The home page has its own h1, so wait for the article's, not just any.
    await page
      .getByRole('heading', { level: 1, name: 'Clockmakers in Geneva warn over shortage of escapement' })
      .waitFor();
    await context.setOffline(true);
    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Clockmakers in Geneva warn over shortage of escapement');
    await context.close();
  });
});

/** A made-up word no other article of the long list uses: two syllables for `n`, one for `k`. */
function word(n: number, k: number): string {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pu'];
  return `${syllables[Math.floor(n / 10) % 10]}${syllables[n % 10]}${syllables[k]}n`;
}

describe('a story list longer than the install caches', () => {
  let longDir: string;
  let longSite: ServedSite;
  const ARTICLES = 100;

  beforeAll(async () => {
    longDir = await mkdtemp(join(tmpdir(), 'broadsheet-long-list-'));
    for (let n = 0; n < ARTICLES; n++) {
      const w = (k: number) => word(n, k);
      const subject = [`${w(0)} ${w(1)} makers`, w(2), w(3), w(4), w(5), w(6), w(7)];
      await writeFile(join(longDir, `long-${String(n).padStart(3, '0')}.txt`), subjectArticle(subject));
    }
    longSite = await buildAndServe(longDir);
  }, 120_000);
  afterAll(async () => {
    await longSite.close();
    await rm(longDir, { recursive: true, force: true });
  });

  const cachedPaths = (page: Page) =>
    page.evaluate(async () => {
      const names = (await caches.keys()).filter((k) => k.startsWith('broadsheet-data-'));
      const paths: string[] = [];
      for (const name of names) {
        for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
      }
      return paths;
    });

  it('caches the first pages at install, and the rest with their articles on "save all", which then open offline', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${longSite.url}/`);
    await storyListReady(page);
    await expect.poll(() => page.getByText('Page 1 of 4').count()).toBe(1);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // The install keeps the site index and the first three pages; the fourth is not fetched.
    await expect
      .poll(async () => (await cachedPaths(page)).filter((p) => p.startsWith('/data/stories/')).sort())
      .toEqual(['/data/stories/page-1.json', '/data/stories/page-2.json', '/data/stories/page-3.json']);
    await page.getByRole('button', { name: 'Save all for offline' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Offline reading' }).getByRole('status').textContent(), {
        timeout: 30_000,
      })
      .toMatch(/^All \d+ files saved/);
    const saved = await cachedPaths(page);
    expect(saved).toContain('/data/stories/page-4.json');
    expect(saved.filter((p) => p.startsWith('/data/articles/'))).toHaveLength(ARTICLES);
    // Offline, the last page lists its stories and one of them opens.
    await context.setOffline(true);
    await page.goto(`${longSite.url}/?page=4`);
    await expect.poll(() => page.getByText('Page 4 of 4').count()).toBe(1);
    const link = page.locator('.story-row h2 a').first();
    const headline = (await link.textContent()) ?? '';
    await link.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(headline);
    await expect.poll(() => page.locator('.article-body p').count()).toBeGreaterThan(1);
    await context.close();
  });
});
