/**
 * A shard's index made by the build's own builder is, term for term, the index MiniSearch makes of the same
 * documents (`addAll`, then its serialisation), and answers every query as MiniSearch's does: the app loads
 * it with MiniSearch.
 */
import { readFileSync } from 'node:fs';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { ShardIndexBuilder } from '../../src/ingest/emit/search-shard-builder.ts';
import { bodyText } from '../../src/ingest/extract/body-text.ts';
import { extractArticleFromBytes } from '../../src/ingest/extract/extract-article.ts';
import { INDEX_OPTIONS, QUERY_OPTIONS, type SearchDocument } from '../../src/shared/search-options.ts';
import { documents } from './fixtures/search-documents.ts';

/** MiniSearch's own serialisation of `docs`, and the builder's, with the terms in one order. */
function bothTexts(docs: readonly SearchDocument[]): { readonly own: unknown; readonly built: unknown } {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(docs);
  const { text, nextId } = new ShardIndexBuilder().addAll(docs).text();
  const built = JSON.parse(text) as AsPlainObject;
  expect(nextId).toBe(built.nextId);
  const byTerm = (plain: AsPlainObject) => ({ ...plain, index: new Map(plain.index) });
  return { own: byTerm(JSON.parse(JSON.stringify(index.toJSON())) as AsPlainObject), built: byTerm(built) };
}

/** Documents with the edges of MiniSearch's counting: empty fields, text opening with punctuation, case. */
const EDGES: SearchDocument[] = [
  {
    id: 'edges-1',
    headline: '“Storm” storm STORM — storms!',
    headlines: '',
    standfirst: '...',
    body: '— Opening with a dash. Storm; storm, Storm. Café cafe CAFÉ naïve naive',
    lead: '',
    outlets: [],
    articleId: 'a1',
    latest: null,
  },
  {
    id: 'edges-2',
    headline: 'storm',
    headlines: 'Storm over the ports\nPorts shut by storm',
    standfirst: 'Ports shut',
    body: 'Ports ports PORTS, shut shut.',
    lead: 'Ports shut',
    outlets: ['Wire'],
    articleId: 'a2',
    latest: '2025-03-01T08:00:00Z',
  },
];

function seedDocuments(): SearchDocument[] {
  return ['000_35ecf8471d5c1db4.txt', '001_ce27524887c080ba.txt'].map((name, i) => {
    const article = extractArticleFromBytes(readFileSync(new URL(`../../articles/${name}`, import.meta.url)), name);
    return {
      id: `seed-${i}`,
      headline: article.headline,
      headlines: '',
      standfirst: article.standfirst ?? '',
      body: bodyText(article),
      lead: article.standfirst ?? '',
      outlets: [article.outlet ?? 'unknown'],
      articleId: article.id,
      latest: article.published ?? null,
    };
  });
}

describe('ShardIndexBuilder', () => {
  it('makes the index MiniSearch makes of the bundled articles, of seeded documents and of the edge cases', () => {
    for (const docs of [seedDocuments(), documents(300, 7), EDGES, [...EDGES, ...documents(20, 3)]]) {
      const { own, built } = bothTexts(docs);
      expect(built).toEqual(own);
    }
  });

  it('makes an empty index as MiniSearch does', () => {
    const { own, built } = bothTexts([]);
    expect(built).toEqual(own);
  });

  it('loads into MiniSearch as an index answering as MiniSearch’s own', () => {
    const docs = [...seedDocuments(), ...EDGES, ...documents(200, 11)];
    const own = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
    own.addAll(docs);
    const loaded = MiniSearch.loadJSON<SearchDocument>(new ShardIndexBuilder().addAll(docs).text().text, INDEX_OPTIONS);
    for (const query of ['storm', 'cafe', 'ports shut', 'ceasefire', 'Zelensky', 'kyi', 'jedda', 'münchen', '東京']) {
      const answers = (index: MiniSearch<SearchDocument>) =>
        index.search(query, QUERY_OPTIONS).map((r) => [r.id, r.score, r.headline as unknown]);
      expect(answers(loaded), query).toEqual(answers(own));
    }
    expect(loaded.search('storm', QUERY_OPTIONS).length).toBeGreaterThan(1);
  });

  it('refuses a document id it already holds, as MiniSearch does', () => {
    const [first, ...rest] = EDGES;
    if (first === undefined) throw new Error('no edge documents');
    const builder = new ShardIndexBuilder().addAll([first, ...rest]);
    expect(() => builder.add({ ...first, headline: 'again' })).toThrow('duplicate ID edges-1');
  });
});
