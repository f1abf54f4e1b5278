/**
 * The search index in shards: joined, they answer as one index of every story; a rebuild with the cache
 * makes again only the shards whose stories changed, and the rest come from the last build.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourcesOf } from '../../src/ingest/emit/search-index-cache.ts';
import { shardCountFor, shardOf } from '../../src/ingest/emit/search-shard.ts';
import { SearchHelpers, writeSearchIndex } from '../../src/ingest/emit/write-search-index.ts';
import { INDEX_OPTIONS, QUERY_OPTIONS, type SearchDocument } from '../../src/shared/search-options.ts';
import { loadBuiltIndex, readSearchIndexFile, readShard } from './built-search-index.ts';

function doc(id: string, headline: string, body: string): SearchDocument {
  return {
    id,
    headline,
    headlines: '',
    standfirst: '',
    body,
    lead: body.slice(0, 40),
    outlets: ['Wire'],
    articleId: id,
    latest: null,
  };
}

const unchanged = ['harvest', 'museum', 'transfer', 'vaccine', 'rocket', 'bridge', 'library', 'airport'].map((word) =>
  doc(word, `${word} news`, `All on the ${word}, and a word on the ${word} budget.`),
);
const first = [
  doc('ceasefire', 'Ceasefire talks open in Jeddah', 'Envoys met in Jeddah to discuss a ceasefire.'),
  doc('budget', 'Budget vote delayed', 'The parliament delayed its budget vote over pensions.'),
  doc('storm', 'Storm closes ports', 'A winter storm closed three ports along the coast.'),
  ...unchanged,
];
/** The first corpus with budget changed, election added and storm removed. */
const edited = [
  first[0] as SearchDocument,
  doc('budget', 'Budget passes after all', 'The parliament passed its budget without the pension clause.'),
  doc('election', 'Election date set', 'Voters will go to the polls in May.'),
  ...unchanged,
];
const QUERIES = [
  'budget',
  'pension',
  'delayed',
  'storm',
  'ports',
  'polls',
  'Jeddah',
  'parliament',
  'news',
  'bud',
  'vacine',
];
/** Two stories per shard: eleven stories make eight shards. */
const PER_SHARD = 2;

/** Answers of one index of `documents` made at once, as the index before shards was. */
function oneIndex(documents: readonly SearchDocument[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(documents);
  return index;
}

/** Best first; stories of equal score (to nine places) by id, since ties fall in insertion order. */
function answers(index: MiniSearch<SearchDocument>, query: string): [string, number][] {
  return index
    .search(query, QUERY_OPTIONS)
    .map((r): [string, number] => [String(r.id), r.score])
    .sort(([a, x], [b, y]) => Math.round((y - x) * 1e9) || (a < b ? -1 : 1));
}

async function expectSameAnswers(outDir: string, documents: readonly SearchDocument[]): Promise<void> {
  const built = await loadBuiltIndex(outDir);
  const expected = oneIndex(documents);
  expect(built.documentCount).toBe(documents.length);
  for (const query of QUERIES) {
    const got = answers(built, query);
    const want = answers(expected, query);
    expect(
      got.map(([id]) => id),
      query,
    ).toEqual(want.map(([id]) => id));
    got.forEach(([, score], i) => expect(score, query).toBeCloseTo(want[i]?.[1] ?? NaN, 9));
  }
}

describe('the sharded search index', () => {
  let work: string;
  let out: string;
  let cache: string;
  // Without an overlay: changed stories update their shards (the overlay has tests of its own below).
  const write = (documents: readonly SearchDocument[], perShard = PER_SHARD, overlayLimit = 0) =>
    writeSearchIndex(out, sourcesOf(documents), {
      onWorker: false,
      cacheFolder: cache,
      storiesPerShard: perShard,
      overlayLimit,
    });
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'broadsheet-search-cache-'));
    out = join(work, 'out');
    cache = join(work, 'cache');
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('puts each story in one shard by its id, in as many shards as its size asks (a power of two)', () => {
    expect([1, 2000, 2001, 4001, 37_000].map((n) => shardCountFor(n))).toEqual([1, 1, 2, 4, 32]);
    expect(shardOf('storm', 8)).toBe(shardOf('storm', 8));
    const used = new Set(first.map((d) => shardOf(d.id, 8)));
    expect(used.size).toBeGreaterThan(3);
  });

  it('answers, joined, as one index of every story, each shard numbering its stories from 0', async () => {
    await write(first);
    const file = await readSearchIndexFile(out);
    expect(file.documentCount).toBe(first.length);
    expect(file.shards.length).toBeGreaterThan(3);
    for (const name of file.shards) {
      const shard = (await readShard(out, name)).index as { documentIds: object; documentCount: number };
      expect(Object.keys(shard.documentIds).map(Number)).toEqual([...Array(shard.documentCount).keys()]);
    }
    await expectSameAnswers(out, first);
  });

  it('makes the same shards when the build thread helps the worker as the worker makes alone', async () => {
    const alone = await writeSearchIndex(out, sourcesOf(first), {
      onWorker: true,
      cacheFolder: null,
      storiesPerShard: PER_SHARD,
    });
    const files = async () => (await readSearchIndexFile(out)).shards;
    const madeAlone = await files();
    await rm(out, { recursive: true, force: true });
    const helpers = new SearchHelpers();
    const writing = writeSearchIndex(out, sourcesOf(first), {
      onWorker: true,
      cacheFolder: null,
      storiesPerShard: PER_SHARD,
      helpers,
    });
    // Offered once the index has planned its shards: this thread then takes what the worker has not (it is
    // still loading its modules).
    while (!helpers.offered) await new Promise((resolve) => setTimeout(resolve, 2));
    expect(await helpers.help()).toBeGreaterThan(0);
    expect(await writing).toBe(alone);
    expect(await files()).toEqual(madeAlone);
    await expectSameAnswers(out, first);
  });

  it('makes again only the shards of changed, new and removed stories, answering as a fresh index', async () => {
    await write(first);
    const before = await readSearchIndexFile(out);
    await write(edited);
    const after = await readSearchIndexFile(out);
    const touched = new Set(['budget', 'election', 'storm'].map((id) => shardOf(id, 8)));
    for (const name of after.shards) {
      const shard = Number(name.split('-')[0]);
      expect(before.shards.includes(name), name).toBe(!touched.has(shard));
    }
    await expectSameAnswers(out, edited);
    // Old shards are gone from the site and the cache; the cache holds exactly this build's.
    expect((await readdir(join(out, 'data', 'search'))).sort()).toEqual([...after.shards].sort());
    expect((await readdir(cache)).sort()).toEqual([...after.shards, 'state.json'].sort());
  });

  it('updates a shard with few changes rather than making it afresh, and joins it with the others', async () => {
    // Two shards of five or six stories: one changed story is under half of its shard.
    await write(first, 6);
    const before = await readSearchIndexFile(out);
    const changed = [...first.slice(0, 2), doc('storm', 'Storm reopens ports', 'The ports reopened.'), ...unchanged];
    await write(changed, 6);
    const after = await readSearchIndexFile(out);
    const [updated, ...others] = after.shards.filter((name) => !before.shards.includes(name));
    expect(others).toEqual([]);
    const shard = (await readShard(out, updated ?? '')).index as { nextId: number; documentCount: number };
    // Its ids carry on from the last build's: the discarded story's number is not reused.
    expect(shard.nextId).toBe(shard.documentCount + 1);
    await expectSameAnswers(out, changed);
  });

  it('keeps every shard and puts changed, new and removed stories in an overlay, answering as a fresh index', async () => {
    await write(first);
    const before = await readSearchIndexFile(out);
    await write(edited, PER_SHARD, 10);
    const after = await readSearchIndexFile(out);
    const [overlay, ...more] = after.shards.filter((name) => !before.shards.includes(name));
    expect(more).toEqual([]);
    expect(after.shards).toEqual([...before.shards, overlay]);
    expect((await readShard(out, overlay ?? '')).documentCount).toBe(2);
    // The changed story's and the removed story's old documents are hidden where they are.
    expect(
      Object.values(after.hidden ?? {})
        .flat()
        .sort(),
    ).toEqual(['budget', 'storm']);
    await expectSameAnswers(out, edited);
    expect((await readdir(join(out, 'data', 'search'))).sort()).toEqual([...after.shards].sort());

    // A later build makes the overlay afresh: a story back to its shard's document leaves it.
    const third = [...first.filter((d) => d.id !== 'storm'), doc('election', 'Election date set', 'Polls in May.')];
    await write(third, PER_SHARD, 10);
    const next = await readSearchIndexFile(out);
    expect(next.shards.slice(0, -1)).toEqual(before.shards);
    expect(Object.values(next.hidden ?? {}).flat()).toEqual(['storm']);
    await expectSameAnswers(out, third);
    expect((await readdir(cache)).sort()).toEqual([...next.shards, 'state.json'].sort());
  });

  it('folds the overlay into the shards once it would hold more than its limit', async () => {
    await write(first);
    const budget = doc('budget', 'Budget passes after all', 'The parliament passed its budget.');
    const second = [budget, ...first.filter((d) => d.id !== 'budget')];
    await write(second, PER_SHARD, 1);
    const overlaid = await readSearchIndexFile(out);
    // Eleven stories make eight shards: the overlay is numbered 8.
    expect(overlaid.shards.filter((name) => name.startsWith('8-'))).toHaveLength(1);
    expect(Object.values(overlaid.hidden ?? {})).toEqual([['budget']]);
    const third = [
      doc('storm', 'Storm reopens ports', 'The ports reopened.'),
      ...second.filter((d) => d.id !== 'storm'),
    ];
    await write(third, PER_SHARD, 1);
    const folded = await readSearchIndexFile(out);
    expect(folded.hidden).toBeUndefined();
    for (const name of folded.shards) expect(Number(name.split('-')[0])).toBeLessThan(8);
    await expectSameAnswers(out, third);
  });

  it('brings kept shards back from the cache into an emptied site folder', async () => {
    await write(first);
    await rm(out, { recursive: true, force: true });
    await write(first);
    await expectSameAnswers(out, first);
  });

  it('makes shards afresh when the cache is of another shard count, or a shard file is missing', async () => {
    await write(first);
    await write(first, 4);
    const shards = (await readSearchIndexFile(out)).shards.map((name) => Number(name.split('-')[0]));
    expect(Math.max(...shards)).toBeLessThan(4);
    await expectSameAnswers(out, first);
    const [missing] = (await readSearchIndexFile(out)).shards;
    await rm(join(cache, missing ?? ''));
    const storm = [
      doc('storm', 'Storm reopens ports', 'The ports reopened.'),
      ...first.filter((d) => d.id !== 'storm'),
    ];
    await write(storm, 4);
    await expectSameAnswers(out, storm);
    expect(await readFile(join(cache, 'state.json'), 'utf8')).toContain('"shardCount":4');
  });
});
