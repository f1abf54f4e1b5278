/**
 * Builds the browser app (HTML, JS, CSS) with Vite and puts it in the output folder. The app does not
 * depend on the articles: it fetches the emitted JSON at run time, so this step is the same for any corpus.
 *
 * With a cache folder the shell is built once per version of its sources (the app, shared and service
 * worker code, `public/`, the HTML entry, the Vite config and the lockfile) into the cache, and copied
 * from there: a rebuild after an article changed does not run Vite, and the output folder keeps its
 * other files (the output manifest decides what to rewrite); an older build's hashed assets are deleted.
 * Without one, Vite builds straight into the emptied output folder.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const ASSETS = 'assets';
const SHELL_SOURCES = [
  'src/app',
  'src/shared',
  'src/sw',
  'public',
  'index.html',
  'vite.config.ts',
  'package-lock.json',
];

async function filesUnder(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
  if (entries === null) return existsSync(path) ? [path] : [];
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(join(path, e.name)) : Promise.resolve([join(path, e.name)]))),
  );
  return nested.flat();
}

/** A digest of every source the shell is built from. */
export async function appShellVersion(): Promise<string> {
  const hash = createHash('sha256');
  const files = (await Promise.all(SHELL_SOURCES.map((s) => filesUnder(join(PROJECT_ROOT, s))))).flat().sort();
  for (const file of files) hash.update(relative(PROJECT_ROOT, file)).update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

async function viteBuild(outDir: string): Promise<void> {
  // Vite picks React's development build when NODE_ENV says so (it is "test" under the test runner):
  // the shell is always a production build, whoever calls this.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    // Loaded only when a shell is built: Vite and its bundler are most of what the command line would
    // otherwise load at start, and a build with the shell cached never needs them.
    const { build } = await import('vite');
    await build({
      root: PROJECT_ROOT,
      configFile: fileURLToPath(new URL('../../../vite.config.ts', import.meta.url)),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
}

export async function buildAppShell(outDir: string, { cacheDir = null as string | null } = {}): Promise<void> {
  if (cacheDir === null) {
    await viteBuild(outDir);
    return;
  }
  const version = await appShellVersion();
  const shell = join(cacheDir, version);
  if (!existsSync(shell)) {
    // Built beside its final place and renamed, so an interrupted build never leaves half a shell.
    const building = `${shell}.${process.pid}.tmp`;
    await viteBuild(building);
    await rm(shell, { recursive: true, force: true });
    await rename(building, shell);
    // Shells of older sources are never used again.
    const others = (await readdir(cacheDir)).filter((name) => name !== version && !name.endsWith('.tmp'));
    await Promise.all(others.map((name) => rm(join(cacheDir, name), { recursive: true, force: true })));
  }
  const assets = new Set(await readdir(join(shell, ASSETS)).catch(() => [] as string[]));
  const stale = (await readdir(join(outDir, ASSETS)).catch(() => [] as string[])).filter((n) => !assets.has(n));
  await Promise.all(stale.map((name) => unlink(join(outDir, ASSETS, name))));
  await cp(shell, outDir, { recursive: true });
}
