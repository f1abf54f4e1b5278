/**
 * The command line's output shapes, exactly as the issues fix them (evaluations parse them).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'broadsheet.js');

async function broadsheet(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Each test starts the command line in a new Node process, which compiles its TypeScript (about 2.5 s on
 * the 2-core machine alone, twice that beside the rest of the suite): the default 5 s is too close.
 */
const SPAWNS = { timeout: 30_000 };

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'broadsheet-cli-'));
  await writeFile(join(scratch, 'empty.txt'), '');
  await writeFile(join(scratch, 'a.txt'), 'Storm closes coastal road\n');
  await writeFile(join(scratch, 'b.txt'), 'Rail strike called off after talks\n');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('broadsheet extract', SPAWNS, () => {
  it('prints one JSON object per file with file, headline, bodyText and article', async () => {
    const { stdout, code } = await broadsheet(
      'extract',
      'articles/000_35ecf8471d5c1db4.txt',
      'articles/001_ce27524887c080ba.txt',
    );
    expect(code).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0] ?? {})).toEqual(['file', 'headline', 'bodyText', 'article']);
    expect(lines[0]?.['file']).toBe('articles/000_35ecf8471d5c1db4.txt');
    expect(lines[1]?.['headline']).toBe('US to resume security support to Ukraine after Kyiv accepts ceasefire');
    expect(String(lines[1]?.['bodyText'])).toContain(
      'How Moscow would respond was far from certain.\n\nRussian President',
    );
  });

  it('prints an error object with line and message for a file that is not an article', async () => {
    const { stdout } = await broadsheet('extract', join(scratch, 'empty.txt'));
    expect(jsonLines(stdout)).toEqual([
      { file: join(scratch, 'empty.txt'), error: { line: 1, message: 'the file is empty' } },
    ]);
  });
});

describe('broadsheet stories and related', SPAWNS, () => {
  it('lists every file of DIR in exactly one story, by name relative to DIR', async () => {
    const { stdout } = await broadsheet('stories', scratch);
    const stories = jsonLines(stdout);
    for (const s of stories) expect(Object.keys(s)).toEqual(['id', 'files']);
    expect(stories.flatMap((s) => s['files'] as string[]).sort()).toEqual(['a.txt', 'b.txt', 'empty.txt']);
  });

  it('groups the two bundled copies into one story', async () => {
    const { stdout } = await broadsheet('stories', 'articles');
    expect(jsonLines(stdout)).toHaveLength(1);
  });

  it('prints one line per file with related files, scores and terms', async () => {
    const { stdout } = await broadsheet('related', scratch, '--k', '5');
    const lines = jsonLines(stdout);
    expect(lines.map((l) => l['file']).sort()).toEqual(['a.txt', 'b.txt', 'empty.txt']);
    for (const l of lines) expect(Array.isArray(l['related'])).toBe(true);
  });

  it('explains a bad option instead of guessing', async () => {
    const { stderr, code } = await broadsheet('related', scratch, '--k', 'five');
    expect(code).toBe(64);
    expect(stderr).toContain('--k must be a whole number');
  });
});
