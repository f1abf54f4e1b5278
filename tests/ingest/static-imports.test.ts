/**
 * What the command line loads before it runs anything. Every module reachable from `cli.ts` by static
 * imports is loaded (and compiled) on each run, whatever the command: Vite with its bundler, satori and
 * resvg, and the language detector's 1.6 MB of n-gram tables took a run of `broadsheet` 2.9 s before
 * it looked at its arguments. Those are imported by the code that needs them, when it needs them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Specifiers of a module's static imports and re-exports (not `import type`, not `import()`). */
function staticImports(source: string): string[] {
  const found: string[] = [];
  const pattern = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) if (match[1] !== undefined) found.push(match[1]);
  return found;
}

/** Every project module and package reachable from `entry` by static imports. */
function reachable(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
      else if (!specifier.startsWith('node:')) packages.add(specifier);
    }
  };
  visit(join(ROOT, entry));
  return { modules, packages };
}

describe('static imports', () => {
  it('finds imports and re-exports, and skips type-only and dynamic imports', () => {
    const source = [
      "import { a } from './a.ts';",
      "import b, { c } from 'pkg';",
      "import './side-effect.ts';",
      "export { d } from './d.ts';",
      "import type { E } from './e.ts';",
      "const f = await import('./f.ts');",
      'import {',
      '  g,',
      "} from './g.ts';",
    ].join('\n');
    expect(staticImports(source)).toEqual(['./a.ts', 'pkg', './side-effect.ts', './d.ts', './g.ts']);
  });

  it('the command line loads no package before a command asks for it', () => {
    const { modules, packages } = reachable('src/ingest/cli.ts');
    expect([...packages]).toEqual([]);
    // Only the small modules the argument checks need, never a stage.
    expect([...modules].some((file) => /build-site|extract-article|relate-corpus/.test(file))).toBe(false);
  });

  it('a build loads Vite, satori, resvg and the language detector only when it uses them', () => {
    const { packages, modules } = reachable('src/ingest/build-site.ts');
    expect(['vite', 'satori', '@resvg/resvg-js', 'eld/small'].filter((name) => packages.has(name))).toEqual([]);
    // language.ts loads the detector when it is imported (language-model.ts): only extraction may import it.
    const language = join(ROOT, 'src/ingest/extract/language.ts');
    expect(modules.has(language)).toBe(false);
    // The walk does see it: extraction imports language.ts.
    expect(reachable('src/ingest/extract/extract-task.ts').modules.has(language)).toBe(true);
  });
});
