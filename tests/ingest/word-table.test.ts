import { describe, expect, it } from 'vitest';
import { WORD_PATTERN } from '../../src/ingest/relate/terms.ts';
import { WordTable } from '../../src/ingest/relate/word-table.ts';

function scanned(table: WordTable, text: string): string[] {
  const count = table.scan(text);
  return Array.from(table.found.subarray(0, count), (n) => table.words[n] ?? '?');
}

const tricky = [
  "Rock'n'roll isn't dead: O’Neill's 2024's gig, x’1 and abc' then 'tis",
  'Café déjà vu — naïve coöperation, İstanbul, ΑΘΗΝΑ, Москва, 東京 and ٣٤٥ or ½ and Ⅻ',
  'Astral 𝐀𝐁𝐂 letters, 𝟙𝟚 digits, emoji 😀 between, and a lone \ud800 high and \udc00 low surrogate',
  "end with an apostrophe'",
  '’’ leading quotes ’word and word’',
  '',
  'a',
];

describe('word table', () => {
  it('finds exactly the words the word pattern finds, in order', () => {
    const table = new WordTable();
    for (const text of tricky) expect(scanned(table, text)).toEqual(text.match(WORD_PATTERN) ?? []);
  });

  it('numbers each spelling once, in order of first appearance, across texts', () => {
    const table = new WordTable();
    scanned(table, 'Kyiv said kyiv said');
    expect(scanned(table, 'said Kyiv again')).toEqual(['said', 'Kyiv', 'again']);
    expect(table.words).toEqual(['Kyiv', 'said', 'kyiv', 'again']);
  });

  it('keeps numbering right past many spellings (the table grows and rehashes)', () => {
    const table = new WordTable();
    const words = Array.from({ length: 20000 }, (_, i) => `w${i.toString(36)}`);
    const text = words.join(' ');
    expect(scanned(table, text)).toEqual(words);
    expect(scanned(table, [...words].reverse().join(' '))).toEqual([...words].reverse());
    expect(table.words).toHaveLength(words.length);
  });
});
