/** Builds an articles folder into a scratch site and serves it with Vite's preview server (as `npm start` does). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { buildSite } from '../../src/ingest/build-site.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServedSite {
  readonly url: string;
  readonly dir: string;
  close(): Promise<void>;
}

export async function buildAndServe(articlesDir: string): Promise<ServedSite> {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-site-'));
  await buildSite({ articlesDir, outDir: dir, log: () => {} });
  const server = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: dir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('the preview server did not report its address');
  return {
    url: url.replace(/\/$/, ''),
    dir,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const BUNDLED_ARTICLES = join(ROOT, 'articles');
