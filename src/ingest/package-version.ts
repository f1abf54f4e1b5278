/** Versions of installed packages, for the build's caches: a cache made with another version is not reused. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder and version of an installed package, found the way Node resolves it: in `node_modules` of this
 * folder or the nearest one above (its package.json is not among its exports, so it cannot be imported).
 */
export function installedPackage(name: string): { readonly folder: string; readonly version: string } | null {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const path = join(folder, 'node_modules', name);
      const version = (JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as { version?: string }).version;
      return { folder: path, version: version ?? '' };
    } catch {
      // Not installed here: look further up.
    }
    const parent = dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
}

/** The installed version of a package, or '' when it is not installed. */
export function packageVersion(name: string): string {
  return installedPackage(name)?.version ?? '';
}
