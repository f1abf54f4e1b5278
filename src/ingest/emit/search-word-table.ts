/**
 * The words of the search index's texts, split as MiniSearch's default tokenizer splits them
 * (`text.split(/[\n\r\p{Z}\p{P}]+/u)`: the pieces between runs of line breaks, spaces and punctuation, an
 * empty piece first or last when the text opens or ends with such a run) and numbered by a table of the
 * distinct words seen so far (spelling-table.ts, shared with the relate stage's words). A word already in
 * the table is found from the text's characters — hashed while they are scanned, then compared — without
 * making a string for it: splitting made one for every word of every story, most of the index builder's
 * time and garbage. tests/ingest/search-word-table.test.ts holds the words to `split`'s.
 */
import { SPELLING_HASH_START, SpellingTable, spellingHashed } from '../spelling-table.ts';

/** MiniSearch's separators, matched one code point at a time. */
const SEPARATOR = /^[\n\r\p{Z}\p{P}]$/u;

/** By code unit: 0 not yet known, 1 a separator, 2 not (surrogates are never separators on their own). */
const bmpKind = new Uint8Array(0x10000);
const astralKind = new Map<number, boolean>();

function isSeparatorUnit(code: number): boolean {
  let kind = bmpKind[code] as number;
  if (kind === 0) {
    kind = SEPARATOR.test(String.fromCharCode(code)) ? 1 : 2;
    bmpKind[code] = kind;
  }
  return kind === 1;
}

function isSeparatorPoint(point: number): boolean {
  let kind = astralKind.get(point);
  if (kind === undefined) {
    kind = SEPARATOR.test(String.fromCodePoint(point));
    astralKind.set(point, kind);
  }
  return kind;
}

/** The width in code units (1 or 2) of the separator at `i`, or 0 when none starts there. */
function separatorAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      return isSeparatorPoint(0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)) ? 2 : 0;
    }
  }
  return isSeparatorUnit(code) ? 1 : 0;
}

export class SearchWordTable {
  private readonly spellings = new SpellingTable();
  /** The distinct words, by number. */
  readonly words: readonly string[] = this.spellings.words;

  /**
   * The number of each word of `text` in order, empty pieces included, as `split` gives them: written to
   * `into` from its start (a list the caller reuses), and their count returned.
   */
  scan(text: string, into: number[]): number {
    const end = text.length;
    let count = 0;
    let start = 0;
    let hash = SPELLING_HASH_START;
    let i = 0;
    while (i < end) {
      const width = separatorAt(text, i);
      if (width === 0) {
        hash = spellingHashed(hash, text.charCodeAt(i));
        i += 1;
        continue;
      }
      into[count++] = this.spellings.numberOf(text, start, i, hash);
      i += width;
      for (let next = i < end ? separatorAt(text, i) : 0; next > 0; next = i < end ? separatorAt(text, i) : 0) {
        i += next;
      }
      start = i;
      hash = SPELLING_HASH_START;
    }
    into[count++] = this.spellings.numberOf(text, start, end, hash);
    return count;
  }
}
