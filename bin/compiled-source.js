/**
 * Runs the build-time TypeScript as JavaScript compiled ahead, once per change of the source, rather than
 * through tsx's loader module by module.
 *
 * Why: tsx compiles each module when it is first imported, answering from a loader thread of its own, and
 * every worker thread of a build (reading ahead, extracting, relating, the search index, writing) registers
 * the loader and starts such a thread again. One-article rebuilds of the 100k bench corpus on the 2-core VM,
 * alternating three each under /usr/bin/time: 9.01–10.02 s wall through tsx, 8.24–8.30 s compiled; user CPU
 * 9.45–10.72 s against 8.14–8.51 s.
 *
 * What is compiled: every module in src/ingest and src/shared (the app is Vite's to build) and the entry, each
 * to one JavaScript module by esbuild (the compiler tsx itself runs), into
 * node_modules/.cache/broadsheet/compiled/<key>/ laid out as the project, where <key> hashes the sources and
 * their folder, esbuild's and Node's versions and this file. Relative `.ts` specifiers of imports become `.js`.
 * `import.meta.url` stays the TypeScript file's URL, so what is found from it is what tsx found: worker
 * modules (which src/ingest/worker-pool.ts maps to their compiled copies through BROADSHEET_COMPILED), the
 * sources the build caches hash into their versions, the project's root. Every module keeps an inline
 * source map and source maps are on, so a stack trace names TypeScript lines.
 *
 * When nothing can be compiled or written (no esbuild, a read-only install, a syntax error), the source
 * runs through tsx as before, which also reports a syntax error as it always did.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Tells worker threads where the compiled copies of the source are: `{ "source": URL, "compiled": URL }`. */
export const COMPILED_VARIABLE = 'BROADSHEET_COMPILED';
const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The build-time code, compiled whatever the entry. */
const FOLDERS = ['src/ingest', 'src/shared'];
/** Written last into a compiled copy: a folder without it was left half made. */
const COMPLETE = '.complete';
/** A stale compiled copy is removed once it is this old (a build still running from it keeps its files). */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** The installed esbuild's version, from its package (importing esbuild costs more). */
function esbuildVersion() {
  const manifest = createRequire(import.meta.url)('esbuild/package.json');
  return /** @type {{ version: string }} */ (manifest).version;
}

/**
 * Every TypeScript module under `folder`, declaration files aside.
 * @param {string} folder
 * @param {string[]} [found]
 * @returns {string[]}
 */
function modulesUnder(folder, found = []) {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) modulesUnder(path, found);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

/**
 * Relative `.ts` specifiers of imports, re-exports and `import()` written as `.js`; a module named in
 * `new URL('./x.ts', import.meta.url)` keeps its name (a worker's: worker-pool.ts maps it).
 * @param {string} code
 * @returns {string}
 */
export function withJsSpecifiers(code) {
  return code.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)(["'])(\.\.?\/[^"'\n]*?)\.ts\2/g, '$1$2$3.js$2');
}

/**
 * Removes compiled copies other than `keep` that are old enough to be no build's any more.
 * @param {string} cacheDir
 * @param {string} keep
 */
function removeStale(cacheDir, keep) {
  for (const name of readdirSync(cacheDir)) {
    if (name === keep) continue;
    const path = join(cacheDir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by another build.
    }
  }
}

/**
 * The compiled copy of `entry` (a path from `root`) and of the build-time code, made if missing: the compiled
 * entry's URL, and the value of BROADSHEET_COMPILED for its workers. `cacheDir` must be inside the project:
 * the compiled modules find their packages from where they are, as the source does from `src`.
 *
 * @param {string} entry
 * @param {{ root?: string, cacheDir?: string }} [where] tests pass their own
 * @returns {Promise<{ url: string, setting: string, compiledNow: boolean }>}
 */
export async function compileForNode(entry, { root: rootGiven = ROOT, cacheDir: cacheGiven } = {}) {
  const root = resolve(rootGiven);
  const cacheDir = cacheGiven ?? join(root, 'node_modules/.cache/broadsheet/compiled');
  const entryPath = resolve(root, entry);
  const files = [...new Set([...FOLDERS.flatMap((folder) => modulesUnder(join(root, folder))), entryPath])].sort();
  const hash = createHash('sha256')
    // The root too: the compiled modules name their sources by absolute URL.
    .update(`${esbuildVersion()}\0${process.version}\0${root}\0`)
    .update(readFileSync(fileURLToPath(import.meta.url)));
  const sources = files.map((file) => {
    const text = readFileSync(file, 'utf8');
    hash.update(`\0${relative(root, file)}\0${text}`);
    return text;
  });
  const key = hash.digest('hex').slice(0, 16);
  const folder = join(cacheDir, key);
  const compiledPath = (/** @type {string} */ file) => join(folder, relative(root, file)).replace(/\.ts$/, '.js');
  const result = (/** @type {boolean} */ compiledNow) => ({
    url: pathToFileURL(compiledPath(entryPath)).href,
    setting: JSON.stringify({ source: pathToFileURL(root + sep).href, compiled: pathToFileURL(folder + sep).href }),
    compiledNow,
  });
  if (existsSync(join(folder, COMPLETE))) return result(false);

  // esbuild is loaded only now: its package's version is all a compiled copy's key needs.
  const esbuild = await import('esbuild');
  // Every module compiled before anything is written: a failure leaves nothing behind.
  const compiled = await Promise.allSettled(
    files.map((file, i) =>
      esbuild.transform(sources[i] ?? '', {
        loader: 'ts',
        format: 'esm',
        target: `node${process.versions.node}`,
        sourcefile: file,
        sourcemap: 'inline',
        define: { 'import.meta.url': JSON.stringify(pathToFileURL(file).href) },
        tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
      }),
    ),
  );
  const failed = compiled.find((outcome) => outcome.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  const staging = `${folder}.${process.pid}.partial`;
  try {
    rmSync(staging, { recursive: true, force: true });
    compiled.forEach((outcome, i) => {
      const file = files[i];
      if (outcome.status !== 'fulfilled' || file === undefined) return;
      const out = join(staging, relative(root, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, withJsSpecifiers(outcome.value.code));
    });
    writeFileSync(join(staging, COMPLETE), '');
    renameSync(staging, folder);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another process compiled the same source first: its copy is as good.
    if (!existsSync(join(folder, COMPLETE))) throw error;
  }
  removeStale(cacheDir, key);
  return result(true);
}

/**
 * Imports `entry` (a TypeScript module, from the project's root) compiled, or through tsx when it cannot
 * be compiled.
 * @param {string} entry
 */
export async function runCompiled(entry) {
  let compiled;
  try {
    compiled = await compileForNode(entry);
  } catch {
    compiled = null;
  }
  if (compiled === null) {
    const { register } = await import('tsx/esm/api');
    register();
    await import(pathToFileURL(resolve(ROOT, entry)).href);
    return;
  }
  process.env[COMPILED_VARIABLE] = compiled.setting;
  process.setSourceMapsEnabled(true);
  await import(compiled.url);
}

// `node bin/compiled-source.js ENTRY [ARGS…]` runs ENTRY compiled with ARGS (the benchmark's builds).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [entry] = process.argv.splice(2, 1);
  if (entry === undefined) throw new Error('usage: node bin/compiled-source.js ENTRY.ts [ARGS…]');
  await runCompiled(entry);
}
