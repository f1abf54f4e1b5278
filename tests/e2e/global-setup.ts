/**
 * Builds the bundled articles into a scratch folder once and serves it with Vite's preview server (the
 * same server `npm start` uses) on a free port; tests read the address with `inject('baseURL')`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../src/ingest/build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    siteDir: string;
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const siteDir = await mkdtemp(join(tmpdir(), 'broadsheet-e2e-'));
  await buildSite({ articlesDir: join(ROOT, 'articles'), outDir: siteDir, log: () => {} });
  const server = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: siteDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('the preview server did not report its address');
  project.provide('baseURL', url.replace(/\/$/, ''));
  project.provide('siteDir', siteDir);
  return async () => {
    await server.close();
    await rm(siteDir, { recursive: true, force: true });
  };
}
