import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitSources } from '../../src/ingest/emit/output-inputs.ts';
import { searchIndexSources } from '../../src/ingest/emit/search-index-cache.ts';
import { extractorSources } from '../../src/ingest/extract/extraction-cache.ts';
import { relateSources } from '../../src/ingest/relate/relate-state.ts';
import { tokeniserSources } from '../../src/ingest/relate/token-cache.ts';
import { hashSourcesReached, importedSpecifiers, modulesIn, sourcesReached } from '../../src/ingest/source-version.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const names = (files: readonly string[]) => files.map((file) => file.slice(SRC.length));

describe('importedSpecifiers', () => {
  it('finds every way a module names another by a relative path, and no package', () => {
    const source = [
      "import { a } from './a.ts';",
      "import b, { c } from 'pkg';",
      "import './side-effect.ts';",
      "export { d } from '../d.ts';",
      "export * from './star.ts';",
      "import type { E } from './e.ts';",
      'import {',
      '  g,',
      "} from './g.ts';",
      "const f = await import('./f.ts');",
      "const worker = new Worker(new URL('./worker.ts', import.meta.url));",
      "const folder = new URL('./', import.meta.url);",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(importedSpecifiers(source).sort()).toEqual(
      ['./a.ts', './side-effect.ts', '../d.ts', './star.ts', './e.ts', './g.ts', './f.ts', './worker.ts'].sort(),
    );
  });
});

describe('hashSourcesReached', () => {
  let dir: string;
  const url = (name: string) => pathToFileURL(join(dir, name));
  const version = () => hashSourcesReached(createHash('sha256'), [url('entry.ts')]).digest('hex');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'broadsheet-source-version-'));
    await writeFile(join(dir, 'entry.ts'), "import type { B } from './b.ts';\nexport const a = 1;\n");
    await writeFile(join(dir, 'b.ts'), "export type B = number;\nexport const load = () => import('./c.ts');\n");
    // c imports the entry back: a cycle is walked once.
    await writeFile(
      join(dir, 'c.ts'),
      "import { a } from './entry.ts';\nexport const w = new URL('./worker.ts', import.meta.url);\nexport const folder = new URL('./', import.meta.url);\n",
    );
    await writeFile(join(dir, 'worker.ts'), 'export const work = 1;\n');
    await writeFile(join(dir, 'unrelated.ts'), 'export const other = 1;\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reaches every module imported however far, through cycles, folders passed over', () => {
    expect(sourcesReached([url('entry.ts')])).toEqual(
      ['b.ts', 'c.ts', 'entry.ts', 'worker.ts'].map((name) => join(dir, name)),
    );
  });

  it('changes with a module far down the imports, not with one none imports', async () => {
    const before = version();
    expect(version()).toBe(before);
    await writeFile(join(dir, 'unrelated.ts'), 'export const other = 2; // changed\n');
    expect(version()).toBe(before);
    await writeFile(join(dir, 'worker.ts'), 'export const work = 2; // changed\n');
    const afterWorker = version();
    expect(afterWorker).not.toBe(before);
    // A module newly imported joins the hash.
    await writeFile(join(dir, 'worker.ts'), "import './unrelated.ts';\nexport const work = 2; // changed\n");
    expect(sourcesReached([url('entry.ts')])).toContain(join(dir, 'unrelated.ts'));
    expect(version()).not.toBe(afterWorker);
  });

  it('lists a folder’s modules, and those below it when asked', () => {
    const here = new URL('./', import.meta.url);
    expect(modulesIn(here).map((u) => fileURLToPath(u))).toContain(fileURLToPath(import.meta.url));
    expect(modulesIn(new URL('../', import.meta.url)).some((u) => u.pathname.includes('/ingest/'))).toBe(false);
    expect(
      modulesIn(new URL('../', import.meta.url), { recursive: true }).some((u) => u.pathname.includes('/ingest/')),
    ).toBe(true);
  });
});

describe('the build caches’ versions', () => {
  it('cover what their stage imports from other folders', () => {
    // Each of these was missed by a list written by hand.
    expect(names(sourcesReached(extractorSources()))).toEqual(
      expect.arrayContaining([
        'shared/reading-time.ts',
        'shared/article-schema.ts',
        'ingest/extract/extract-article.ts',
      ]),
    );
    expect(names(sourcesReached(relateSources()))).toEqual(
      expect.arrayContaining([
        'ingest/extract/body-text.ts',
        'ingest/spelling-table.ts',
        'ingest/relate/relate-worker.ts',
      ]),
    );
    expect(names(sourcesReached(tokeniserSources()))).toEqual(
      expect.arrayContaining(['ingest/spelling-table.ts', 'ingest/relate/word-table.ts', 'ingest/relate/terms.ts']),
    );
    expect(names(sourcesReached(searchIndexSources()))).toEqual(
      expect.arrayContaining([
        'shared/search-options.ts',
        'shared/outlet-label.ts',
        'ingest/emit/search-shard.ts',
        'ingest/emit/search-shard-builder.ts',
        'ingest/emit/search-word-table.ts',
        'ingest/spelling-table.ts',
        'ingest/emit/search-shard-text.ts',
        'ingest/emit/search-index-worker.ts',
        'ingest/emit/share/html-text.ts',
        'ingest/extract/body-text.ts',
      ]),
    );
    expect(names(sourcesReached(emitSources()))).toEqual(
      expect.arrayContaining([
        'ingest/extract/body-text.ts',
        'ingest/emit/share/share-meta.ts',
        'shared/format-date.ts',
      ]),
    );
  });
});
