/**
 * The build end to end on small folders made in the test: every input file is either in the output
 * or in the report with a reason, and every file written matches the shared contract.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../../src/ingest/build-site.ts';
import { ArticleEntrySchema, SiteIndexSchema, StoryPageSchema } from '../../src/shared/article-schema.ts';
import { parseOrThrow } from '../../src/shared/validate.ts';

let work: string;
let result: BuildResult;
const logged: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-build-'));
  const articles = join(work, 'articles');
  await mkdir(articles);
  for (const name of ['000_35ecf8471d5c1db4.txt', '001_ce27524887c080ba.txt']) {
    await writeFile(join(articles, name), await readFile(new URL(`../../articles/${name}`, import.meta.url)));
  }
  await writeFile(join(articles, 'empty.txt'), '');
  await writeFile(join(articles, 'notes.md'), '# not an article');
  await writeFile(join(articles, 'binary.txt'), new Uint8Array([0x47, 0x49, 0x46, 0x00, 0x01]));
  await symlink('loop.txt', join(articles, 'loop.txt'));
  result = await buildSite({
    articlesDir: articles,
    outDir: join(work, 'out'),
    skipApp: true,
    log: (l) => logged.push(l),
  });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('broadsheet build', () => {
  it('lists every input file in the report, built or left out with a reason', () => {
    const byFile = Object.fromEntries(result.report.files.map((f) => [f.file, f]));
    expect(Object.keys(byFile).sort()).toEqual(
      [
        '000_35ecf8471d5c1db4.txt',
        '001_ce27524887c080ba.txt',
        'binary.txt',
        'empty.txt',
        'loop.txt',
        'notes.md',
      ].sort(),
    );
    expect(byFile['000_35ecf8471d5c1db4.txt']).toMatchObject({ status: 'built' });
    expect(byFile['empty.txt']).toMatchObject({ status: 'left-out', line: 1, reason: 'the file is empty' });
    expect(byFile['notes.md']).toMatchObject({ status: 'left-out', reason: 'not a .txt file' });
    expect(byFile['binary.txt']).toMatchObject({ status: 'left-out', reason: expect.stringContaining('binary data') });
    expect(byFile['loop.txt']).toMatchObject({
      status: 'left-out',
      reason: expect.stringContaining('symbolic link loop'),
    });
  });

  it('says on the terminal which files were left out and why', () => {
    expect(logged).toContain('empty.txt:1: left out: the file is empty');
    expect(logged.at(-1)).toMatch(/^built 2 articles in 1 story into .*; 4 file\(s\) left out \(see report.json\)$/);
  });

  it('writes report.json beside the data', async () => {
    const report = JSON.parse(await readFile(join(work, 'out', 'report.json'), 'utf8')) as typeof result.report;
    expect(report.built).toBe(2);
    expect(report.leftOut).toBe(4);
  });

  it('writes data the app accepts: an index, the story pages and one entry per article', async () => {
    const data = join(work, 'out', 'data');
    const index = parseOrThrow(SiteIndexSchema, JSON.parse(await readFile(join(data, 'index.json'), 'utf8')), 'index');
    expect(index).toMatchObject({ articleCount: 2, storyCount: 1, pageCount: 1 });
    const page = parseOrThrow(
      StoryPageSchema,
      JSON.parse(await readFile(join(data, 'stories', 'page-1.json'), 'utf8')),
      'page',
    );
    expect(page.stories).toHaveLength(1);
    expect(page.stories[0]?.members.map((m) => m.sourceFile).sort()).toEqual([
      '000_35ecf8471d5c1db4.txt',
      '001_ce27524887c080ba.txt',
    ]);
    const files = await readdir(join(data, 'articles'));
    expect(files).toHaveLength(2);
    for (const file of files) {
      const entry = parseOrThrow(
        ArticleEntrySchema,
        JSON.parse(await readFile(join(data, 'articles', file), 'utf8')),
        file,
      );
      expect(`${entry.article.id}.json`).toBe(file);
      expect(entry.story.members.some((m) => m.id === entry.article.id)).toBe(true);
    }
  });
});
