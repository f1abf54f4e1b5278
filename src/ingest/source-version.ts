/**
 * What a build cache's version hashes: the modules that make what the cache keeps and every project module
 * they import, however far (static imports and re-exports, type-only ones too, `import('…')` and worker
 * modules named by `new URL('…', import.meta.url)` with a literal path). A change anywhere on that path
 * then retires the cache's old entries.
 *
 * Why not lists by hand: they had missed modules outside a stage's folder. The extractor's cache did not
 * hash `shared/reading-time.ts` (each article's word count and reading time), the relate state and token
 * cache not `extract/body-text.ts` (the text they tokenise), the token cache not the spelling table its
 * word table uses: an edit to any of them would have let a rebuild keep results of the old code.
 *
 * Paths are hashed relative to `src/`, so a version does not depend on where the project lies. A path
 * built at run time (an import of a variable) cannot be followed: the build has none.
 */
import type { Hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `src/`: module paths are hashed relative to it. Found when first needed: the app's tests load build
 * modules in a browser-like environment whose module URLs are not files, and never hash sources there.
 */
const sourceRoot = () => fileURLToPath(new URL('../', import.meta.url));

const CODE = /\.(?:tsx?|mts|js|mjs)$/;

/**
 * Relative specifiers a module's text names: `import … from`, `export … from`, `import '…'`, `import('…')`
 * and `new URL('…', import.meta.url)`. Found in comments too, which only ever adds a module to the hash.
 */
export function importedSpecifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\bfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/g,
    /\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
    /\bnew\s+URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) if (match[1] !== undefined) found.push(match[1]);
  }
  return found;
}

/** The code modules directly in `folder` (and below it, when `recursive`), as file URLs. */
export function modulesIn(folder: URL, { recursive = false } = {}): URL[] {
  const names = readdirSync(folder, { recursive, encoding: 'utf8' }).filter((name) => CODE.test(name));
  return names.map((name) => new URL(name.split('\\').join('/'), folder));
}

interface SourceFile {
  /** Its size and modification time when read: a file changed since is read again. */
  readonly stamp: string;
  readonly bytes: Buffer;
  /** The files it imports, as absolute paths. */
  readonly imports: readonly string[];
}

/** Files read so far in this process: a build asks for several versions over the same modules. */
const read = new Map<string, SourceFile>();

/** The file at `path` and its imports, or undefined where there is no file (a folder, a name in a comment). */
function sourceFile(path: string): SourceFile | undefined {
  const info = statSync(path, { bigint: true, throwIfNoEntry: false });
  if (info === undefined || !info.isFile()) return undefined;
  const stamp = `${info.size}:${info.mtimeNs}:${info.ino}`;
  const known = read.get(path);
  if (known?.stamp === stamp) return known;
  const bytes = readFileSync(path);
  const imports = CODE.test(path)
    ? importedSpecifiers(bytes.toString('utf8')).map((specifier) => resolve(dirname(path), specifier))
    : [];
  const file = { stamp, bytes, imports };
  read.set(path, file);
  return file;
}

/** Every project file `entries` reach by their imports, themselves included, as absolute paths in name order. */
export function sourcesReached(entries: readonly URL[]): string[] {
  return [...reachedFiles(entries).keys()].sort();
}

function reachedFiles(entries: readonly URL[]): Map<string, SourceFile> {
  const reached = new Map<string, SourceFile>();
  const visit = (path: string) => {
    if (reached.has(path)) return;
    const file = sourceFile(path);
    if (file === undefined) return;
    reached.set(path, file);
    for (const imported of file.imports) visit(imported);
  };
  for (const entry of entries) visit(fileURLToPath(entry));
  return reached;
}

/** Adds to `hash` each file `entries` reach (its path from `src/` and its bytes); returns `hash`. */
export function hashSourcesReached(hash: Hash, entries: readonly URL[]): Hash {
  const reached = reachedFiles(entries);
  const root = sourceRoot();
  for (const path of [...reached.keys()].sort()) {
    hash
      .update(relative(root, path).split('\\').join('/'))
      .update('\0')
      .update(reached.get(path)?.bytes ?? '')
      .update('\0');
  }
  return hash;
}
