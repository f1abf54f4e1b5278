/**
 * Offline cache size: builds a corpus, opens it in Chromium, presses "Save all for offline" and adds up
 * what the caches hold (precached shell + this build's data).
 *   tsx scripts/bench/offline-cache-size.ts ARTICLES_DIR
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../../../src/ingest/build-site.ts';
import { launchChromium } from '../../../tests/e2e/chromium.ts';
import { serveSite } from './serve-site.ts';

export interface CacheSize {
  readonly shellBytes: number;
  readonly dataBytes: number;
  readonly entries: number;
}

export async function measureOfflineCache(articlesDir: string): Promise<CacheSize> {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-cache-size-'));
  await buildSite({ articlesDir, outDir: dir, previewImages: false, cacheDir: null, log: () => {} });
  const server = await serveSite(dir);
  const { url } = server;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.getByRole('button', { name: 'Save all for offline' }).click();
    await page.waitForFunction(
      () => document.querySelector('.save-offline [role=status]')?.textContent?.startsWith('All ') === true,
      undefined,
      { timeout: 600_000 },
    );
    return await page.evaluate(async () => {
      let shellBytes = 0;
      let dataBytes = 0;
      let entries = 0;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const body = await (await cache.match(request))?.arrayBuffer();
          const size = body?.byteLength ?? 0;
          if (name.startsWith('broadsheet-data-')) dataBytes += size;
          else shellBytes += size;
          entries++;
        }
      }
      return { shellBytes, dataBytes, entries };
    });
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('offline-cache-size.ts')) {
  const dir = process.argv[2];
  if (dir === undefined) throw new Error('usage: offline-cache-size.ts ARTICLES_DIR');
  const size = await measureOfflineCache(dir);
  const mb = (n: number) => (n / 1e6).toFixed(2);
  console.log(`${dir}: shell ${mb(size.shellBytes)} MB + data ${mb(size.dataBytes)} MB in ${size.entries} entries`);
}
