/**
 * Gives the built service worker the id of this build's data. The worker file changes whenever the data
 * does (even when the app code does not), so browsers see a new worker, install this build's data beside
 * the old, and the reader is offered the new stories.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SERVICE_WORKER_FILE = 'service-worker.js';
const PLACEHOLDER = '__BROADSHEET_BUILD_ID__';

/** A short id from the digests of everything the build wrote for the app to read. */
export function buildIdOf(digests: readonly string[]): string {
  const hash = createHash('sha256');
  for (const digest of digests) hash.update(digest);
  return hash.digest('hex').slice(0, 16);
}

export async function stampServiceWorker(outDir: string, buildId: string): Promise<void> {
  const path = join(outDir, SERVICE_WORKER_FILE);
  const source = await readFile(path, 'utf8');
  if (!source.includes(PLACEHOLDER)) {
    throw new Error(`${path} has no ${PLACEHOLDER} to replace: was it built from src/sw/service-worker.ts?`);
  }
  await writeFile(path, source.replaceAll(PLACEHOLDER, buildId));
}
