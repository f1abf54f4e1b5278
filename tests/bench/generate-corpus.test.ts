import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSourceText, generateCorpus, loadBundledSources } from '../../scripts/bench/generate-corpus.ts';

const work = await mkdtemp(join(tmpdir(), 'broadsheet-corpus-'));
afterAll(() => rm(work, { recursive: true, force: true }));

async function filesOf(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), 'utf8')] as const)));
}

describe('the bench corpus generator', () => {
  it('writes the BBC set text as a page shows it, without HTML entities', () => {
    expect(decodeSourceText('a &#163;5m deal')).toBe('a £5m deal');
    expect(decodeSourceText('Mr Blair&#191;s government')).toBe('Mr Blair’s government');
    expect(decodeSourceText('&#191;Qué? Caf&#233; &lt;b&gt; Tom &amp; Jerry')).toBe('¿Qué? Café <b> Tom & Jerry');
    // What is not an entity it knows stays as written.
    expect(decodeSourceText('&nbsp; &#99999999; AT&T')).toBe('&nbsp; &#99999999; AT&T');
  });

  it('makes the same files from the same seed, and others from another', async () => {
    const sources = await loadBundledSources('articles');
    const [a, b, c] = ['a', 'b', 'c'].map((name) => join(work, name));
    expect(await generateCorpus(a ?? '', 40, sources, 7)).toBe(40);
    await generateCorpus(b ?? '', 40, sources, 7);
    await generateCorpus(c ?? '', 40, sources, 8);
    const [first, again, other] = await Promise.all([a, b, c].map((dir) => filesOf(dir ?? '')));
    expect(first?.size).toBe(40);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });
});
