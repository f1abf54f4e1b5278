/**
 * A shard's index written straight from MiniSearch's maps is the text MiniSearch's own serialisation gives
 * (`JSON.stringify(index.toJSON())`), in every state a build leaves an index in, and loads back as the same
 * index.
 */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { indexText } from '../../src/ingest/emit/search-shard-text.ts';
import { INDEX_OPTIONS, QUERY_OPTIONS, type SearchDocument } from '../../src/shared/search-options.ts';
import { documents } from './fixtures/search-documents.ts';

function fresh(docs: readonly SearchDocument[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(docs);
  return index;
}

function expectSameText(index: MiniSearch<SearchDocument>): string {
  const { text, nextId } = indexText(index);
  const own = index.toJSON();
  expect(text).toBe(JSON.stringify(own));
  expect(nextId).toBe(own.nextId);
  return text;
}

describe('indexText', () => {
  it('writes a fresh index as MiniSearch serialises it', () => {
    expectSameText(fresh(documents(300, 7)));
  });

  it('writes an empty index as MiniSearch serialises it', () => {
    expectSameText(fresh([]));
  });

  it('writes an index loaded, changed and vacuumed as a rebuild leaves it', async () => {
    const docs = documents(200, 11);
    const loaded = MiniSearch.loadJSON<SearchDocument>(JSON.stringify(fresh(docs)), INDEX_OPTIONS);
    for (const doc of docs.slice(10, 40)) loaded.discard(doc.id);
    loaded.addAll(documents(25, 12));
    // Discarded documents still referenced before vacuuming: their postings are written as toJSON does.
    expectSameText(loaded);
    await loaded.vacuum();
    const text = expectSameText(loaded);
    const back = MiniSearch.loadJSON<SearchDocument>(text, INDEX_OPTIONS);
    for (const query of ['ceasefire', 'cafe', 'zelenskyy', 'tokyo', '東京', 'pensio']) {
      expect(back.search(query, QUERY_OPTIONS)).toEqual(loaded.search(query, QUERY_OPTIONS));
    }
  });

  it('writes a changed index as vacuumed without vacuuming it, as a rebuild writes a shard', async () => {
    const [first, ...rest] = documents(200, 13);
    if (first === undefined) throw new Error('no documents');
    // A word only the first document has: discarded, the term is left with no document.
    const docs = [{ ...first, body: `${first.body} hapax` }, ...rest];
    // As makeShard loads a shard to update: no vacuum of its own is started by the discards.
    const loaded = () =>
      MiniSearch.loadJSON<SearchDocument>(JSON.stringify(fresh(docs)), { ...INDEX_OPTIONS, autoVacuum: false });
    const [unvacuumed, vacuumed] = [loaded(), loaded()];
    for (const index of [unvacuumed, vacuumed]) {
      // Enough discards that some terms are left with no document at all.
      for (const doc of docs.slice(0, 150)) index.discard(doc.id);
      index.addAll(documents(25, 14));
    }
    await vacuumed.vacuum();
    const { text, nextId } = indexText(unvacuumed, { asVacuumed: true });
    const written = JSON.parse(text) as { index: [string, unknown][] } & Record<string, unknown>;
    const expected = vacuumed.toJSON() as unknown as { index: [string, unknown][] } & Record<string, unknown>;
    expect(nextId).toBe(expected['nextId']);
    // The same fields and the same postings; only the terms' order may differ (vacuuming merges tree nodes).
    expect({ ...written, index: null }).toEqual({ ...expected, index: null });
    expect(new Map(written.index)).toEqual(new Map(expected.index));
    const termsOf = (index: [string, unknown][]) => index.map(([term]) => term);
    expect(termsOf((unvacuumed.toJSON() as unknown as { index: [string, unknown][] }).index)).toContain('hapax');
    expect(termsOf(written.index)).not.toContain('hapax');
    const back = MiniSearch.loadJSON<SearchDocument>(text, INDEX_OPTIONS);
    for (const query of ['ceasefire', 'cafe', 'zelenskyy', 'tokyo', '東京', 'pensio', 'storm ports']) {
      expect(back.search(query, QUERY_OPTIONS)).toEqual(vacuumed.search(query, QUERY_OPTIONS));
    }
    // An index with nothing discarded is written as it is.
    expect(indexText(vacuumed, { asVacuumed: true }).text).toBe(indexText(vacuumed).text);
  });

  it('writes document numbers in ascending order whatever order the maps hold them in', () => {
    // MiniSearch's maps hold numbers in the order documents were added; this index's maps hold them
    // backwards, as no build makes them, and its text is still what toJSON and JSON.stringify give.
    const backwards = <V>(entries: [number, V][]) => new Map(entries.reverse());
    const fields = {
      _documentCount: 3,
      _nextId: 3,
      _documentIds: backwards([
        [0, 'a'],
        [1, 'b'],
        [2, 'c'],
      ]),
      _fieldIds: { headline: 0, body: 1 },
      _fieldLength: backwards([
        [0, [2, 5]],
        [1, [1, 3]],
        [2, [4, 0]],
      ]),
      _avgFieldLength: [7 / 3, 8 / 3],
      _storedFields: backwards([
        [0, { headline: 'A', latest: null }],
        [1, { headline: 'B' }],
        [2, { headline: 'C', outlets: ['Wire'] }],
      ]),
      _dirtCount: 0,
      _index: new Map([
        [
          'zebra',
          backwards([
            [
              0,
              backwards([
                [2, 1],
                [0, 3],
              ]),
            ],
            [1, new Map([[1, 2]])],
          ]),
        ],
        [
          'apple',
          new Map([
            [
              1,
              backwards([
                [0, 1],
                [1, 1],
                [2, 4],
              ]),
            ],
          ]),
        ],
      ]),
    };
    const index = fields as unknown as MiniSearch<SearchDocument>;
    const expected = JSON.stringify(MiniSearch.prototype.toJSON.call(index));
    expect(indexText(index)).toEqual({ text: expected, nextId: 3 });
  });

  it('falls back to toJSON for an index without the fields it reads', () => {
    const index = fresh(documents(5, 5));
    const plain = index.toJSON();
    const stranger = Object.assign(Object.create(MiniSearch.prototype) as MiniSearch<SearchDocument>, {
      toJSON: () => plain,
    });
    expect(indexText(stranger)).toEqual({ text: JSON.stringify(plain), nextId: plain.nextId });
  });
});
