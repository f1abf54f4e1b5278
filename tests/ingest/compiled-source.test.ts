import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMPILED_VARIABLE, compileForNode, withJsSpecifiers } from '../../bin/compiled-source.js';
import { COMPILED_VARIABLE as WORKER_VARIABLE, compiledModule, startWorker } from '../../src/ingest/worker-pool.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('withJsSpecifiers', () => {
  it('renames the relative TypeScript modules a module imports, re-exports and imports later', () => {
    const code = [
      'import { a } from "./a.ts";',
      "import b from '../shared/b.ts';",
      'import "./side-effect.ts";',
      'export * from "./c.ts";',
      'export { d } from "../../d.ts";',
      'const e = () => import("./e.ts");',
      'const f = await import( "./lazy/f.ts" );',
    ].join('\n');
    expect(withJsSpecifiers(code)).toBe(
      [
        'import { a } from "./a.js";',
        "import b from '../shared/b.js';",
        'import "./side-effect.js";',
        'export * from "./c.js";',
        'export { d } from "../../d.js";',
        'const e = () => import("./e.js");',
        'const f = await import( "./lazy/f.js" );',
      ].join('\n'),
    );
  });

  it('leaves worker URLs, packages and other strings alone', () => {
    const code = [
      'const worker = new URL("./worker.ts", "file:///src/x.ts");',
      'import { x } from "some-package.ts";',
      'import y from "node:fs";',
      'const name = "./not-an-import.ts";',
      'const ts = "from ./a.ts";',
    ].join('\n');
    expect(withJsSpecifiers(code)).toBe(code);
  });
});

describe('compileForNode', () => {
  let root: string;
  let cacheDir: string;
  const write = async (path: string, text: string) => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  };
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'broadsheet-compiled-'));
    cacheDir = join(root, 'cache');
    await write('src/ingest/b.ts', 'export const b: number = 41;\n');
    await write('src/shared/t.ts', 'export type Answer = { readonly value: number };\n');
    await write(
      'src/ingest/a.ts',
      [
        "import { b } from './b.ts';",
        "import type { Answer } from '../shared/t.ts';",
        'export const answer: Answer = { value: b + 1 };',
        'export const url = import.meta.url;',
        "export const worker = new URL('./w.ts', import.meta.url).href;",
        "export const later = async (): Promise<number> => (await import('./b.ts')).b;",
        'export class Holder {',
        '  constructor(readonly held: number) {}',
        '}',
      ].join('\n'),
    );
    await write(
      'src/ingest/w.ts',
      [
        "import { parentPort } from 'node:worker_threads';",
        "parentPort?.postMessage({ url: import.meta.url, here: import.meta.resolve('./w.js') });",
      ].join('\n'),
    );
    await write(
      'scripts/entry.ts',
      [
        "import { answer, Holder, later, url, worker } from '../src/ingest/a.ts';",
        'const held: number = new Holder(7).held;',
        'console.log(JSON.stringify({ value: answer.value, url, worker, later: await later(), held }));',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });
  const runEntry = async (url: string) => JSON.parse((await run(process.execPath, [fileURLToPath(url)])).stdout);

  it('compiles the entry and the build-time modules to JavaScript that runs as the source does', async () => {
    const compiled = await compileForNode('scripts/entry.ts', { root, cacheDir });
    expect(compiled.compiledNow).toBe(true);
    expect(fileURLToPath(compiled.url).startsWith(cacheDir)).toBe(true);
    expect(await runEntry(compiled.url)).toEqual({
      value: 42,
      // import.meta.url is the TypeScript file's: what a module finds from it is what it found before.
      url: pathToFileURL(join(root, 'src/ingest/a.ts')).href,
      worker: pathToFileURL(join(root, 'src/ingest/w.ts')).href,
      later: 41,
      held: 7,
    });
    const setting = JSON.parse(compiled.setting) as { source: string; compiled: string };
    expect(setting.source).toBe(pathToFileURL(`${root}/`).href);
    expect(existsSync(new URL('src/ingest/w.js', setting.compiled))).toBe(true);
  });

  it('compiles again only when a source changed, and removes only stale copies', async () => {
    const first = await compileForNode('scripts/entry.ts', { root, cacheDir });
    expect(first.compiledNow).toBe(false);
    await write('src/ingest/b.ts', 'export const b: number = 99;\n');
    const second = await compileForNode('scripts/entry.ts', { root, cacheDir });
    expect(second.compiledNow).toBe(true);
    expect(second.url).not.toBe(first.url);
    expect((await runEntry(second.url)).value).toBe(100);
    // The copy before is kept for a while: a build started from it may still be starting workers.
    expect(await readdir(cacheDir)).toHaveLength(2);
    expect(existsSync(fileURLToPath(first.url))).toBe(true);
  });

  it('fails on a syntax error without leaving a half-made copy (the bin then runs the source through tsx)', async () => {
    await write('src/ingest/broken.ts', 'export const x: number = ;\n');
    const before = await readdir(cacheDir);
    await expect(compileForNode('scripts/entry.ts', { root, cacheDir })).rejects.toThrow();
    expect(await readdir(cacheDir)).toEqual(before);
    await rm(join(root, 'src/ingest/broken.ts'));
  });

  it('has worker threads run the compiled copy of a worker module', async () => {
    const compiled = await compileForNode('scripts/entry.ts', { root, cacheDir });
    const setting = JSON.parse(compiled.setting) as { source: string; compiled: string };
    const entry = pathToFileURL(join(root, 'src/ingest/w.ts'));
    expect(compiledModule(entry, compiled.setting)?.href).toBe(new URL('src/ingest/w.js', setting.compiled).href);
    expect(compiledModule(pathToFileURL('/elsewhere/w.ts'), compiled.setting)).toBeNull();
    expect(compiledModule(entry, undefined)).toBeNull();

    expect(WORKER_VARIABLE).toBe(COMPILED_VARIABLE);
    vi.stubEnv(COMPILED_VARIABLE, compiled.setting);
    try {
      const worker = startWorker(entry);
      const reply = await new Promise<{ url: string; here: string }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      await worker.terminate();
      // Its own file is the compiled one; what it was told is its URL is the source's.
      expect(reply).toEqual({ url: entry.href, here: new URL('src/ingest/w.js', setting.compiled).href });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('the command line compiled', () => {
  let cacheDir: string;
  beforeAll(async () => {
    // Inside the project, as the bin's own: compiled modules find their packages from where they are.
    await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
    cacheDir = await mkdtemp(join(ROOT, 'node_modules/.cache/broadsheet-compiled-test-'));
  });
  afterAll(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('extracts an article exactly as the TypeScript run through tsx does', async () => {
    const seeds = join(ROOT, 'articles');
    const seed = join(seeds, (await readdir(seeds)).filter((name) => name.endsWith('.txt')).sort()[0] ?? '');
    const compiled = await compileForNode('src/ingest/cli.ts', { cacheDir });
    const [fromCompiled, fromSource] = await Promise.all([
      run(process.execPath, [fileURLToPath(compiled.url), 'extract', seed], { cwd: ROOT }),
      run(process.execPath, ['--import', 'tsx', join(ROOT, 'src/ingest/cli.ts'), 'extract', seed], { cwd: ROOT }),
    ]);
    expect(JSON.parse(fromCompiled.stdout)).toMatchObject({ headline: expect.any(String) });
    expect(fromCompiled.stdout).toBe(fromSource.stdout);
  }, 60_000);
});
