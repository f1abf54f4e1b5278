/** Versions of installed packages, for the build's caches: a cache made with another version is not reused. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed version of a package, found the way Node resolves it: in `node_modules` of this folder or
 * the nearest one above (its package.json is not among its exports, so it cannot be imported).
 */
export function packageVersion(name: string): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const path = join(folder, 'node_modules', name, 'package.json');
      return (JSON.parse(readFileSync(path, 'utf8')) as { version?: string }).version ?? '';
    } catch {
      // Not installed here: look further up.
    }
    const parent = dirname(folder);
    if (parent === folder) return '';
    folder = parent;
  }
}
