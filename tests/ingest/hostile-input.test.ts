/**
 * Broken and hostile input files, each made in the test: every file ends up built or reported with a
 * reason a person can act on, one bad file never stops the rest, and odd text is read as text.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/ingest/build-site.ts';
import { bodyText } from '../../src/ingest/extract/body-text.ts';
import { extractArticle, extractArticleFromBytes } from '../../src/ingest/extract/extract-article.ts';
import { ExtractionError } from '../../src/ingest/extract/extraction-error.ts';
import { extractInputs } from '../../src/ingest/extract-inputs.ts';
import type { BuildReport, ReportEntry } from '../../src/ingest/emit/build-report.ts';
import { describeReadError, readInputs } from '../../src/ingest/read-inputs.ts';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/broadsheet.js', import.meta.url));

const STORY = [
  'Harbour town votes to rebuild its sea wall',
  '',
  'Voters in this small harbour town approved a plan on Sunday to rebuild the crumbling sea wall that failed last winter.',
  '',
  'The new wall will be two metres higher than the old one and built of reinforced concrete, the council said.',
  '',
].join('\n');

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-hostile-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function buildFolder(name: string, files: Record<string, string | Uint8Array>, maxBytes?: number) {
  const dir = join(work, name);
  await mkdir(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) await writeFile(join(dir, file), content);
  const log: string[] = [];
  const result = await buildSite({
    articlesDir: dir,
    outDir: join(work, `${name}-out`),
    skipApp: true,
    log: (l) => log.push(l),
    ...(maxBytes === undefined ? {} : { maxBytes }),
  });
  const byFile = new Map<string, ReportEntry>(result.report.files.map((f) => [f.file, f]));
  return { result, byFile, log, dir };
}

function extractionError(bytes: Uint8Array): ExtractionError {
  try {
    extractArticleFromBytes(bytes, 'x.txt');
  } catch (error) {
    if (error instanceof ExtractionError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(bigEndian ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8]));
  }
  return new Uint8Array(out);
}

describe('encodings', () => {
  it.each([
    ['little-endian', false],
    ['big-endian', true],
  ])('decodes UTF-16 %s with a byte-order mark', (_name, bigEndian) => {
    const article = extractArticleFromBytes(utf16(STORY, bigEndian, true), 'x.txt');
    expect(article.headline).toBe('Harbour town votes to rebuild its sea wall');
  });

  it('explains UTF-16 without a byte-order mark instead of calling it binary', () => {
    expect(extractionError(utf16(STORY, false, false)).message).toMatch(/^UTF-16 text without a byte-order mark/);
  });

  it.each([
    ['CRLF', STORY.replaceAll('\n', '\r\n')],
    ['CR', STORY.replaceAll('\n', '\r')],
  ])('reads %s line ends as LF', (_name, text) => {
    const lf = extractArticle(STORY, 'x.txt');
    const other = extractArticle(text, 'x.txt');
    expect(other.headline).toBe(lf.headline);
    expect(bodyText(other)).toBe(bodyText(lf));
    expect(other.blocks.map((b) => b.line)).toEqual(lf.blocks.map((b) => b.line));
  });
});

describe('odd characters', () => {
  it('strips bidi controls and zero-width characters, so a headline cannot reorder the page', () => {
    const text = STORY.replace('Harbour town', 'Harbour\u202e town\u200b\u2066');
    const article = extractArticle(text, 'x.txt');
    expect(article.headline).toBe('Harbour town votes to rebuild its sea wall');
    expect(JSON.stringify(article)).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/);
  });

  it('reads tabs and no-break spaces as spaces', () => {
    const article = extractArticle(STORY.replace('Voters in', 'Voters\tin\u00a0'), 'x.txt');
    expect(bodyText(article)).toContain('Voters in this small harbour town');
  });

  it('handles a single line of a megabyte', () => {
    const sentence = 'The council met again on Sunday to discuss the sea wall and its cost. ';
    const text = `Council debates the sea wall again\n\n${sentence.repeat(Math.ceil(1_000_000 / sentence.length))}\n`;
    const article = extractArticle(text, 'x.txt');
    expect(article.headline).toBe('Council debates the sea wall again');
    expect(article.wordCount).toBeGreaterThan(100_000);
  });

  it('handles a file of 100,000 lines', () => {
    const lines = ['Council publishes every vote on the sea wall', ''];
    for (let i = 0; i < 50_000; i++) lines.push(`Vote ${i} was recorded by the clerk on the day it was taken.`, '');
    const article = extractArticle(lines.join('\n'), 'x.txt');
    expect(article.headline).toBe('Council publishes every vote on the sea wall');
    expect(article.blocks.length + article.removed.length).toBe(50_000);
  });
});

describe('the build report', () => {
  it('lists each bad file with a reason, and builds the good ones regardless', async () => {
    const { result, byFile, log } = await buildFolder('mixed', {
      'good.txt': STORY,
      'empty.txt': '',
      'blank.txt': '\n\n   \n',
      'binary.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      'latin1.txt': new Uint8Array([...new TextEncoder().encode('Caf'), 0xe9, 0x0a]),
      'no-headline.txt': 'Sign in\nSubscribe\nShare this article\n',
      'one-line.txt': 'Watch: the launch of the new rocket [Video]\n',
      'notes.md': '# notes',
    });
    expect(result.report.built).toBe(2);
    expect(byFile.get('good.txt')).toMatchObject({ status: 'built' });
    // A file of one line is a headline with no body, even a line that looks like page furniture.
    expect(byFile.get('one-line.txt')).toMatchObject({ status: 'built' });
    expect(result.articles.find((a) => a.sourceFile === 'one-line.txt')?.headline).toBe(
      'Watch: the launch of the new rocket [Video]',
    );
    expect(byFile.get('empty.txt')).toMatchObject({ status: 'left-out', line: 1, reason: 'the file is empty' });
    expect(byFile.get('blank.txt')).toMatchObject({
      status: 'left-out',
      reason: 'the file has no text (only blank lines)',
    });
    expect(byFile.get('binary.txt')).toMatchObject({ reason: 'binary data (a NUL byte at byte offset 8), not text' });
    expect(byFile.get('latin1.txt')).toMatchObject({ line: 1, reason: 'invalid UTF-8 at byte offset 3' });
    expect(byFile.get('no-headline.txt')).toMatchObject({ reason: expect.stringMatching(/^no headline found/) });
    expect(byFile.get('notes.md')).toMatchObject({ reason: 'not a .txt file' });
    expect(log).toContain('latin1.txt:1: left out: invalid UTF-8 at byte offset 3');
  });

  it('leaves out a file over the size limit, naming the limit', async () => {
    const { byFile } = await buildFolder('sizes', { 'small.txt': STORY, 'large.txt': STORY.repeat(20) }, 1000);
    expect(byFile.get('small.txt')).toMatchObject({ status: 'built' });
    expect(byFile.get('large.txt')).toMatchObject({
      status: 'left-out',
      reason: expect.stringMatching(/^larger than the limit of 1000 bytes \(\d+ bytes\)$/),
    });
  });

  it('writes the same report to report.json', async () => {
    await buildFolder('report', { 'good.txt': STORY, 'empty.txt': '' });
    const text = await readFile(join(work, 'report-out', 'report.json'), 'utf8');
    const report = JSON.parse(text) as BuildReport;
    expect(report.files.map((f) => [f.file, f.status])).toEqual([
      ['empty.txt', 'left-out'],
      ['good.txt', 'built'],
    ]);
    // A person reads it: one line per file, with its reason.
    expect(text.split('\n').filter((line) => line.includes('"file"'))).toEqual([
      expect.stringMatching(/^ {4}\{"file":"empty\.txt","status":"left-out","line":1,"reason":"the file is empty"\},$/),
      expect.stringMatching(/^ {4}\{"file":"good\.txt","status":"built","id":".+"\}$/),
    ]);
  });
});

describe('files that cannot be read', () => {
  it('reports a named pipe, a broken link and a link loop without hanging', async () => {
    const dir = join(work, 'special');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'good.txt'), STORY);
    await run('mkfifo', [join(dir, 'pipe.txt')]);
    await symlink('nowhere.txt', join(dir, 'broken.txt'));
    await symlink('loop.txt', join(dir, 'loop.txt'));
    const { inputs, skipped } = await readInputs(dir);
    expect(inputs.map((i) => i.file)).toEqual(['good.txt']);
    expect(Object.fromEntries(skipped.map((s) => [s.file, s.reason]))).toEqual({
      'pipe.txt': 'not a regular file (a pipe, socket or device)',
      'broken.txt': 'broken link or the file vanished while reading',
      'loop.txt': 'symbolic link loop: the link never reaches a file',
    });
  });

  it.each([
    ['EACCES', 'unreadable: permission denied'],
    ['EPERM', 'unreadable: permission denied'],
    ['EIO', 'unreadable: input/output failure'],
  ])('explains %s', (code, reason) => {
    const error = Object.assign(new Error(code === 'EIO' ? 'input/output failure' : 'denied'), { code });
    expect(describeReadError(error)).toBe(reason);
  });
});

describe('ids', () => {
  it('gives two articles with the same headline distinct ids that do not change as other files come and go', async () => {
    const first = await buildFolder('ids-1', { 'a.txt': STORY, 'b.txt': STORY });
    const second = await buildFolder('ids-2', {
      'b.txt': STORY,
      'c.txt': 'Storm closes the coast road\n',
      'a.txt': STORY,
    });
    const idOf = (r: typeof first, file: string) => {
      const entry = r.byFile.get(file);
      return entry?.status === 'built' ? entry.id : undefined;
    };
    expect(idOf(first, 'a.txt')).not.toBe(idOf(first, 'b.txt'));
    expect(idOf(second, 'a.txt')).toBe(idOf(first, 'a.txt'));
    expect(idOf(second, 'b.txt')).toBe(idOf(first, 'b.txt'));
  });

  it('leaves out a file whose id is already taken rather than overwrite an article', async () => {
    const bytes = new TextEncoder().encode(STORY);
    const { articles, failed } = await extractInputs([
      { file: 'same.txt', bytes },
      { file: 'same.txt', bytes },
    ]);
    expect(articles).toHaveLength(1);
    expect(failed[0]?.reason).toMatch(/is already used by same\.txt; rename the file$/);
  });
});

describe('broadsheet build on the command line', () => {
  it('exits with status 2 under --strict when a file was left out', async () => {
    const { dir } = await buildFolder('strict', { 'good.txt': STORY, 'empty.txt': '' });
    const args = [BIN, 'build', '--articles', dir, '--out', join(work, 'strict-cli-out')];
    const strict = await run(process.execPath, [...args, '--strict']).then(
      () => 0,
      (e: { code: number }) => e.code,
    );
    expect(strict).toBe(2);
  }, 60_000);

  it('refuses a --max-bytes that is not a number', async () => {
    const result = await run(process.execPath, [BIN, 'build', '--max-bytes', 'lots']).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--max-bytes must be a whole number of bytes');
    // A new Node process compiles the command line's TypeScript first: seconds on a busy 2-core machine.
  }, 30_000);
});
