import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshIndexFile, indexWithCache } from '../../src/ingest/emit/search-index-cache.ts';
import {
  INDEX_OPTIONS,
  QUERY_OPTIONS,
  type SearchDocument,
  type SearchIndexFile,
} from '../../src/shared/search-options.ts';

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

/** Stories that stay the same from one build to the next. */
const unchanged = ['harvest', 'museum', 'transfer', 'vaccine', 'rocket'].map((word) =>
  doc(word, `${word} news`, `All on the ${word}.`),
);
const first = [
  doc('ceasefire', 'Ceasefire talks open in Jeddah', 'Envoys met in Jeddah to discuss a ceasefire.'),
  doc('budget', 'Budget vote delayed', 'The parliament delayed its budget vote over pensions.'),
  doc('storm', 'Storm closes ports', 'A winter storm closed three ports along the coast.'),
  ...unchanged,
];

function searchIn(text: string, query: string): string[] {
  const file = JSON.parse(text) as SearchIndexFile;
  const index = MiniSearch.loadJS<SearchDocument>(
    file.index as unknown as Parameters<typeof MiniSearch.loadJS>[0],
    INDEX_OPTIONS,
  );
  return index
    .search(query, QUERY_OPTIONS)
    .map((r) => String(r.id))
    .sort();
}

describe('the search index cache', () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'broadsheet-search-cache-'));
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('updates the last index for changed, new and removed stories, finding what a fresh index finds', async () => {
    const folder = join(work, 'cache');
    await indexWithCache(folder, first);
    const second = [
      first[0] as SearchDocument,
      doc('budget', 'Budget passes after all', 'The parliament passed its budget without the pension clause.'),
      doc('election', 'Election date set', 'Voters will go to the polls in May.'),
      ...unchanged,
    ];
    const { text } = await indexWithCache(folder, second);
    const file = JSON.parse(text) as SearchIndexFile;
    expect(file.documentCount).toBe(8);
    // The last index was reused: its internal ids carry on from the eight documents it had.
    expect((file.index as { nextId?: number }).nextId).toBe(10);
    const fresh = JSON.stringify(freshIndexFile(second));
    expect((JSON.parse(fresh) as SearchIndexFile).index).toMatchObject({ nextId: 8 });
    const queries = ['budget', 'pension', 'delayed', 'storm', 'ports', 'polls', 'Jeddah', 'parliament', 'news'];
    for (const query of queries) {
      expect(searchIn(text, query), query).toEqual(searchIn(fresh, query));
    }
    expect(searchIn(text, 'delayed')).toEqual([]);
    expect(searchIn(text, 'storm')).toEqual([]);
    expect(searchIn(text, 'polls')).toEqual(['election']);
    // The cache now holds this build's index.
    expect(await readFile(join(folder, 'index.json'), 'utf8')).toBe(text);
  });

  it('indexes afresh when the cached index is not the one its state describes', async () => {
    const folder = join(work, 'cache');
    const { text } = await indexWithCache(folder, first);
    // A build stopped after writing another index but before its state.
    await writeFile(join(folder, 'index.json'), text.replace('"documentCount":8', '"documentCount":7'));
    const changed = [doc('storm', 'Storm reopens ports', 'The ports reopened.'), ...first.slice(0, 2), ...unchanged];
    const again = JSON.parse((await indexWithCache(folder, changed)).text) as SearchIndexFile;
    expect(again.documentCount).toBe(8);
    expect((again.index as { nextId?: number }).nextId).toBe(8);
    expect(searchIn(JSON.stringify(again), 'reopened')).toEqual(['storm']);
  });

  it('indexes afresh when most stories changed', async () => {
    const folder = join(work, 'cache');
    await indexWithCache(folder, first);
    const others = [doc('a', 'Alpha', 'alpha'), doc('b', 'Beta', 'beta'), first[0] as SearchDocument];
    const file = JSON.parse((await indexWithCache(folder, others)).text) as SearchIndexFile;
    expect(file.documentCount).toBe(3);
    expect((file.index as { nextId?: number }).nextId).toBe(3);
    expect(searchIn(JSON.stringify(file), 'beta')).toEqual(['b']);
  });
});
