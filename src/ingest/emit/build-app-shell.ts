/**
 * Builds the browser app (HTML, JS, CSS) with Vite into the output folder. The app does not depend on
 * the articles: it fetches the emitted JSON at run time, so this step is the same for any corpus.
 *
 * A clean build empties the folder first. An incremental one keeps what the last build wrote (the
 * output manifest decides what to rewrite) and deletes only the old builds' hashed assets.
 */
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const ASSETS = 'assets';

/** Files in the assets folder that this build did not write: an older build's hashed bundles. */
async function removeStaleAssets(outDir: string, written: ReadonlySet<string>): Promise<void> {
  const folder = join(outDir, ASSETS);
  const names = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(
    names.filter((name) => !written.has(`${ASSETS}/${name}`)).map((name) => unlink(join(folder, name))),
  );
}

export async function buildAppShell(outDir: string, { clean = true } = {}): Promise<void> {
  // Vite picks React's development build when NODE_ENV says so (it is "test" under the test runner):
  // the shell is always a production build, whoever calls this.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    const output = await build({
      root: PROJECT_ROOT,
      configFile: fileURLToPath(new URL('../../../vite.config.ts', import.meta.url)),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: clean },
    });
    if (!clean) {
      const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
      await removeStaleAssets(outDir, new Set(outputs.flatMap((o) => o.output.map((file) => file.fileName))));
    }
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
}
