/**
 * The input index: a rebuild does not read files whose stat is the last build's, reads changed ones, reads
 * a vouched file after all when its extraction is not cached, and reports one that vanished meanwhile.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractInputs, extractInputsInParallel } from '../../src/ingest/extract-inputs.ts';
import { ExtractionCache } from '../../src/ingest/extract/extraction-cache.ts';
import { digestOfBytes, InputIndex } from '../../src/ingest/input-index.ts';
import { readInputs, type InputFile } from '../../src/ingest/read-inputs.ts';

const article = (place: string) =>
  `Harbour wall repairs begin in ${place}\n\nPublished 3 March 2025\n\nWork to repair the harbour wall in ${place} began on Monday and will take six weeks, the council said.\n`;

/** True when the input's bytes were not read with it: the index vouched for it (its bytes are read when asked for). */
const unread = (input: InputFile) => !Object.hasOwn(input, 'bytes');

let work: string;
let articles: string;
let cache: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'broadsheet-inputs-'));
  articles = join(work, 'articles');
  cache = join(work, 'cache');
  mkdirSync(articles);
  for (const place of ['leeds', 'york', 'hull']) {
    writeFileSync(join(articles, `${place}.txt`), article(place), { flag: 'w' });
  }
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

// Files made by the test are seconds old at most: the index is told to trust changes up to its writing.
const index = () => new InputIndex(cache, articles, 0n);

describe('the input index', () => {
  it('vouches for unchanged files on the next read, with the digest of their bytes, and not for changed ones', async () => {
    const first = await readInputs(articles, undefined, index());
    expect(first.inputs.every((input) => !unread(input))).toBe(true);
    appendFileSync(join(articles, 'york.txt'), 'A late paragraph.\n');
    const second = await readInputs(articles, undefined, index());
    const byFile = new Map(second.inputs.map((input) => [input.file, input]));
    expect(unread(byFile.get('leeds.txt') as InputFile)).toBe(true);
    expect(unread(byFile.get('york.txt') as InputFile)).toBe(false);
    expect(byFile.get('leeds.txt')?.digest).toBe(digestOfBytes(readFileSync(join(articles, 'leeds.txt'))));
    // Asked for, a vouched file's bytes are read.
    expect(Buffer.from(byFile.get('hull.txt')?.bytes ?? []).toString()).toBe(article('hull'));
  });

  it('does not vouch for a file changed just before the index was written', async () => {
    await readInputs(articles, undefined, new InputIndex(cache, articles));
    const again = await readInputs(articles, undefined, new InputIndex(cache, articles));
    expect(again.inputs.some(unread)).toBe(false);
  });

  it('reads a vouched file when its extraction is not cached, and reports one that is gone by then', async () => {
    await readInputs(articles, undefined, index());
    const { inputs } = await readInputs(articles, undefined, index());
    expect(inputs.every(unread)).toBe(true);
    rmSync(join(articles, 'hull.txt'));
    const extracted = await extractInputsInParallel(inputs, { threads: 1, cache: new ExtractionCache(cache, 'v1') });
    expect(extracted.articles.map((a) => a.sourceFile)).toEqual(['leeds.txt', 'york.txt']);
    expect(extracted.failed).toEqual([{ file: 'hull.txt', line: null, reason: expect.stringMatching(/vanished/) }]);
    const expected = await extractInputs((await readInputs(articles)).inputs);
    expect(extracted.articles).toEqual(expected.articles);
  });

  it('is not used for another articles folder', async () => {
    await readInputs(articles, undefined, index());
    const other = new InputIndex(cache, join(work, 'elsewhere'), 0n);
    expect(other.vouch('leeds.txt', join(articles, 'leeds.txt'), 1 << 20)).toBeUndefined();
  });

  it('forgets an index it cannot read: every file is read again', async () => {
    await readInputs(articles, undefined, index());
    for (const name of readdirSync(cache)) {
      if (name.endsWith('.bin')) writeFileSync(join(cache, name), 'not an index');
    }
    const again = await readInputs(articles, undefined, index());
    expect(again.inputs.map((input) => [input.file, unread(input)])).toEqual([
      ['hull.txt', false],
      ['leeds.txt', false],
      ['york.txt', false],
    ]);
  });

  it('vouches for every file of a folder of thousands, and for none once they all changed', async () => {
    for (let i = 0; i < 2500; i++) writeFileSync(join(articles, `extra-${i}.txt`), article(`town ${i}`));
    const first = await readInputs(articles, undefined, index());
    const second = await readInputs(articles, undefined, index());
    expect(second.inputs).toHaveLength(2503);
    expect(second.inputs.every(unread)).toBe(true);
    expect(second.inputs.map((input) => input.digest)).toEqual(first.inputs.map((input) => input.digest));
    for (let i = 0; i < 2500; i++) appendFileSync(join(articles, `extra-${i}.txt`), 'More.\n');
    const third = await readInputs(articles, undefined, index());
    expect(third.inputs.filter(unread).map((input) => input.file)).toEqual(['hull.txt', 'leeds.txt', 'york.txt']);
  });
});
