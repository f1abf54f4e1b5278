/** The search index's words are MiniSearch's default tokenizer's, numbered so that equal words share a number. */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { SearchWordTable } from '../../src/ingest/emit/search-word-table.ts';
import { documents } from './fixtures/search-documents.ts';

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

function wordsOf(table: SearchWordTable, text: string): string[] {
  const numbers: number[] = [];
  const count = table.scan(text, numbers);
  return numbers.slice(0, count).map((n) => table.words[n] ?? '<none>');
}

const EDGES = [
  '',
  ' ',
  ',',
  ',,, ;',
  'word',
  ' leading',
  'trailing.',
  '“Quoted” — dashed… and (bracketed) [words]!',
  'tab\tis not a separator',
  'no\u00a0break\u2028line\u2029paragraph\u3000ideographic',
  'Aegean\u{10100}separator\u{1039f}Ugaritic',
  'emoji🙂stays 🇺🇦flag',
  'lone \ud800 high \udc00 low \ud800',
  '東京、大阪。京都',
  'مرحبا، بالعالم؟',
  "don't it's rock'n'roll",
  'a\r\nb\nc\rd',
];

describe('SearchWordTable', () => {
  it('splits as MiniSearch does, empty pieces included, in every script and at the ends', () => {
    const table = new SearchWordTable();
    for (const text of [...EDGES, ...documents(50, 5).flatMap((d) => [d.headline, d.standfirst, d.body])]) {
      expect(wordsOf(table, text), JSON.stringify(text)).toEqual(tokenize(text));
    }
  });

  it('gives one number to a word each time it comes, and different numbers to different words', () => {
    const table = new SearchWordTable();
    const text = Array.from({ length: 5000 }, (_, i) => `w${i % 3000}`).join(' ');
    const numbers: number[] = [];
    const count = table.scan(text, numbers);
    expect(count).toBe(5000);
    expect(table.words.length).toBe(3000);
    for (let i = 0; i < count; i++) expect(table.words[numbers[i] ?? -1]).toBe(`w${i % 3000}`);
    // Words that differ only in case, or are prefixes of each other, stay apart.
    const more: number[] = [];
    table.scan('Storm storm STORM sto storms', more);
    expect(new Set(more.slice(0, 5)).size).toBe(5);
  });
});
