/**
 * Spellings numbered in order of first appearance (the first 0, the next new one 1, …), each found from a
 * text's characters and their hash rather than from a string: a tokeniser that scans a text once, character
 * by character, hashing as it goes (FNV-1a over the UTF-16 code units, from SPELLING_HASH_START), asks for
 * the number of the run it has just passed, and a string is made only for a spelling the table has not
 * seen. Shared by the relate stage's words (relate/word-table.ts) and the search index's
 * (emit/search-word-table.ts), which differ only in what they call a word.
 */
import { grownTo } from './relate/typed-arrays.ts';

export const SPELLING_HASH_START = 0x811c9dc5 | 0;

/** The hash of `hash`'s text followed by the code unit `unit`. */
export function spellingHashed(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193);
}

export class SpellingTable {
  /** Spellings by number, in order of first appearance. */
  readonly words: string[] = [];
  private hashes = new Int32Array(1024);
  /** Open addressing: spelling number + 1, 0 for an empty slot; kept at most half full. */
  private slots = new Int32Array(4096);

  /** The number of text[start, end), whose hash is `hash`, given a new one if the spelling is new. */
  numberOf(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? 0;
      if (entry === 0) {
        const number = this.words.length;
        this.words.push(text.slice(start, end));
        if (number === this.hashes.length) this.hashes = grownTo(this.hashes, number + 1);
        this.hashes[number] = hash;
        this.slots[slot] = number + 1;
        if (2 * this.words.length > this.slots.length) this.rehash();
        return number;
      }
      const number = entry - 1;
      if (this.hashes[number] === hash && sameText(this.words[number] ?? '', text, start, end)) return number;
    }
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let number = 0; number < this.words.length; number++) {
      let slot = (this.hashes[number] ?? 0) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = number + 1;
    }
  }
}

function sameText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
