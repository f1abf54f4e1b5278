/**
 * Builds the browser app (HTML, JS, CSS) with Vite into the output folder. The app does not depend on
 * the articles: it fetches the emitted JSON at run time, so this step is the same for any corpus.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function buildAppShell(outDir: string): Promise<void> {
  // Vite picks React's development build when NODE_ENV says so (it is "test" under the test runner):
  // the shell is always a production build, whoever calls this.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
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
