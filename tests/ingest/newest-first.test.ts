import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/shared/article-schema.ts';
import { newestFirst } from '../../src/ingest/emit/write-feeds.ts';
import { extractArticleFromBytes } from '../../src/ingest/extract/extract-article.ts';

const base = extractArticleFromBytes(
  new TextEncoder().encode('Tide tables for the week\n\nThe harbour office published the tide tables.\n'),
  'base.txt',
);
const dated = (n: number, published: string | null): Article => ({ ...base, id: `a-${n}`, published });

/** The order the feeds promise, by sorting every article: newest first, undated last, input order on ties. */
function bySorting(articles: readonly Article[]): string[] {
  const time = (a: Article) => (a.published === null ? -Infinity : Date.parse(a.published));
  return articles
    .map((a, order) => ({ a, order }))
    .sort((x, y) => time(y.a) - time(x.a) || x.order - y.order)
    .map((x) => x.a.id);
}

describe('newest first', () => {
  it('keeps the newest, undated ones last and input order on ties', () => {
    const articles = [
      dated(0, null),
      dated(1, '2025-03-01'),
      dated(2, '2025-03-03'),
      dated(3, '2025-03-01'),
      dated(4, null),
      dated(5, '2025-03-02T10:00:00Z'),
    ];
    expect(newestFirst(articles, 10).map((a) => a.id)).toEqual(['a-2', 'a-5', 'a-1', 'a-3', 'a-0', 'a-4']);
    expect(newestFirst(articles, 3).map((a) => a.id)).toEqual(['a-2', 'a-5', 'a-1']);
    expect(newestFirst(articles, 0)).toEqual([]);
  });

  it('gives the first `limit` of the sorted order for many articles with repeated dates', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const articles = Array.from({ length: 2000 }, (_, n) =>
      dated(n, next() % 10 === 0 ? null : `2025-0${1 + (next() % 3)}-${String(1 + (next() % 28)).padStart(2, '0')}`),
    );
    const sorted = bySorting(articles);
    for (const limit of [1, 20, 50, 1999, 2000, 2500]) {
      expect(newestFirst(articles, limit).map((a) => a.id)).toEqual(sorted.slice(0, limit));
    }
  });
});
