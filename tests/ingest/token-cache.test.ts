/**
 * The token cache: chunks cut by article keys, read back on the next build instead of tokenised, give the
 * corpus a fresh tokenisation gives; a changed or added article has only its own chunk tokenised again.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkerPool } from '../../src/ingest/worker-pool.ts';
import { startRelateWorkers } from '../../src/ingest/relate/relate-worker-pool.ts';
import { contentRanges, TokenCache } from '../../src/ingest/relate/token-cache.ts';
import {
  tokeniseCorpus,
  tokeniseInParallel,
  type TextInput,
  type TokenisedCorpus,
} from '../../src/ingest/relate/tokenise-corpus.ts';

const SUBJECTS = ['harbour tide shipping', 'budget pension parliament', 'storm ports coast', 'Café Kraków terrace'];

/** Articles whose texts count how often they are read: a chunk read back from the cache reads none. */
function articles(count: number, edit: (i: number, text: string) => string = (_, text) => text) {
  let reads = 0;
  const docs: TextInput[] = Array.from({ length: count }, (_, i) => {
    const text = edit(i, `Report ${i} on the ${SUBJECTS[i % SUBJECTS.length] ?? ''}, said officials ${i % 7}.`);
    return {
      headline: `Headline ${i} ${SUBJECTS[(i * 3) % SUBJECTS.length] ?? ''}`,
      get text() {
        reads++;
        return text;
      },
    };
  });
  const keys = docs.map((d, i) => `key-${i}-${d.headline.length}-${edit(i, '').length}`);
  return { docs, keys, reads: () => reads };
}

function expectSameCorpus(got: TokenisedCorpus, want: TokenisedCorpus): void {
  expect(got.vocabulary).toEqual(want.vocabulary);
  expect(got.flat).toEqual(want.flat);
  const forms = (c: TokenisedCorpus) => c.vocabulary.map((_, id) => c.displayForm(id));
  expect(forms(got)).toEqual(forms(want));
}

let pool: WorkerPool;
beforeAll(() => {
  pool = startRelateWorkers(2);
});
afterAll(async () => {
  await pool.close();
});

describe('the token cache', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'broadsheet-tokens-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const tokenise = (docs: readonly TextInput[], keys: readonly string[]) =>
    tokeniseInParallel(docs, {
      threads: 2,
      minForWorkers: 1,
      chunk: 8,
      pool,
      cache: { store: new TokenCache(root, 'v1'), keys },
    });

  it('cuts chunks by key, from a quarter of the target to twice it, covering every article once', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `article-${i}`);
    const ranges = contentRanges(keys, 8);
    expect(ranges[0]?.from).toBe(0);
    expect(ranges.at(-1)?.to).toBe(500);
    ranges.forEach((r, i) => {
      if (i > 0) expect(r.from).toBe(ranges[i - 1]?.to);
      if (i < ranges.length - 1) expect(r.to - r.from).toBeGreaterThanOrEqual(2);
      expect(r.to - r.from).toBeLessThanOrEqual(16);
    });
    // One article added near the start moves only the cut around it.
    const added = [keys[0] ?? '', 'a new article', ...keys.slice(1)];
    const after = contentRanges(added, 8).map((r) => added.slice(r.from, r.to).join());
    const before = new Set(ranges.map((r) => keys.slice(r.from, r.to).join()));
    expect(after.filter((chunk) => !before.has(chunk)).length).toBeLessThanOrEqual(2);
  });

  it('reads every chunk back on the next build, to the corpus a fresh tokenisation gives', async () => {
    const first = articles(60);
    expectSameCorpus(await tokenise(first.docs, first.keys), tokeniseCorpus(articles(60).docs));
    expect(first.reads()).toBe(60);
    const second = articles(60);
    expectSameCorpus(await tokenise(second.docs, second.keys), tokeniseCorpus(articles(60).docs));
    expect(second.reads()).toBe(0);
  });

  it('tokenises again only the chunk of a changed article, and of an added one', async () => {
    const first = articles(60);
    await tokenise(first.docs, first.keys);
    const changed = articles(60, (i, text) => (i === 30 ? `${text} A late paragraph about the storm.` : text));
    expectSameCorpus(
      await tokenise(changed.docs, changed.keys),
      tokeniseCorpus(articles(60, (i, t) => (i === 30 ? `${t} A late paragraph about the storm.` : t)).docs),
    );
    expect(changed.reads()).toBeGreaterThan(0);
    expect(changed.reads()).toBeLessThanOrEqual(16);

    const grown = articles(61);
    const before = readdirSync(join(root, 'v1')).length;
    await tokenise(grown.docs, grown.keys);
    // The last chunk grows (or is cut in two): at most two chunks of at most 16 are tokenised.
    expect(grown.reads()).toBeLessThanOrEqual(32);
    // Chunks no build used since are removed.
    expect(readdirSync(join(root, 'v1')).length).toBeLessThanOrEqual(before + 1);
  });

  it('tokenises again a chunk whose file is damaged, and reuses nothing of another version', async () => {
    const first = articles(40);
    await tokenise(first.docs, first.keys);
    const [file] = readdirSync(join(root, 'v1'));
    writeFileSync(join(root, 'v1', file ?? ''), 'damaged');
    const again = articles(40);
    expectSameCorpus(await tokenise(again.docs, again.keys), tokeniseCorpus(articles(40).docs));
    expect(again.reads()).toBeGreaterThan(0);
    const other = articles(40);
    await tokeniseInParallel(other.docs, {
      threads: 2,
      minForWorkers: 1,
      chunk: 8,
      pool,
      cache: { store: new TokenCache(root, 'v2'), keys: other.keys },
    });
    expect(other.reads()).toBe(40);
    expect(readdirSync(root)).toEqual(['v2']);
  });
});
