/** The app shell is built once per version of its sources and copied into each output folder. */
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appShellVersion, buildAppShell } from '../../src/ingest/emit/build-app-shell.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-shell-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the cached app shell', () => {
  it('is built once, copied into each folder, and replaces only stale hashed assets there', async () => {
    const cache = join(work, 'cache');
    const first = join(work, 'first');
    await buildAppShell(first, { cacheDir: cache });
    const version = await appShellVersion();
    expect(await readdir(cache)).toEqual([version]);
    const built = (await stat(join(cache, version, 'index.html'))).mtimeMs;

    const second = join(work, 'second');
    await mkdir(join(second, 'assets'), { recursive: true });
    await writeFile(join(second, 'assets', 'index-OLDHASH.js'), 'old bundle');
    await writeFile(join(second, 'keep.json'), '{}');
    await buildAppShell(second, { cacheDir: cache });

    // Not built again: the cached shell is the same files.
    expect((await stat(join(cache, version, 'index.html'))).mtimeMs).toBe(built);
    const assets = await readdir(join(second, 'assets'));
    expect(assets).not.toContain('index-OLDHASH.js');
    expect(assets.some((name) => name.endsWith('.js'))).toBe(true);
    expect(await readdir(second)).toEqual(expect.arrayContaining(['index.html', 'service-worker.js', 'keep.json']));
  }, 60_000);
});
