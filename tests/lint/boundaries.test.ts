/**
 * The architecture's import rules are lint errors. Each row lints a one-line file placed (virtually) on
 * one side of a boundary and checks the rule catches it, so a loosened config fails here.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../../', import.meta.url)) });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('architecture boundaries', () => {
  it.each([
    ['src/app/components/bad.tsx', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src/app/components/bad.tsx', "import { join } from 'path';\nexport const x = join;\n"],
    [
      'src/app/routes/bad.tsx',
      "import { buildSite } from '../../ingest/build-site.ts';\nexport const x = buildSite;\n",
    ],
    ['src/ingest/bad.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['src/ingest/emit/bad.ts', "import { Link } from 'react-router';\nexport const x = Link;\n"],
    ['src/ingest/bad.ts', "import { routes } from '../app/router.tsx';\nexport const x = routes;\n"],
    ['src/shared/bad.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n"],
    ['src/shared/bad.ts', "import { createElement } from 'react';\nexport const x = createElement;\n"],
  ])('%s may not import that: %j', async (file, code) => {
    expect((await problems(file, code)).join('\n')).toMatch(/no-restricted-imports/);
  });

  it('forbids Node globals in browser code', async () => {
    expect((await problems('src/app/bad.ts', 'export const env = process.env;\n')).join('\n')).toMatch(
      /no-restricted-globals/,
    );
  });

  it('forbids dangerouslySetInnerHTML outside the one sanitising module', async () => {
    const code = 'export const X = (p: { h: string }) => <div dangerouslySetInnerHTML={{ __html: p.h }} />;\n';
    expect((await problems('src/app/components/bad.tsx', code)).join('\n')).toMatch(/Article text is never HTML/);
  });

  it('accepts the same imports on the side where they belong', async () => {
    expect(
      await problems('src/ingest/ok.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n"),
    ).toEqual([]);
    expect(await problems('src/app/ok.tsx', "import { useState } from 'react';\nexport const x = useState;\n")).toEqual(
      [],
    );
    expect(
      await problems(
        'src/app/ok.ts',
        "import { SCHEMA_VERSION } from '../shared/article-schema.ts';\nexport const x = SCHEMA_VERSION;\n",
      ),
    ).toEqual([]);
  });
});
