/**
 * The words of texts, found as WORD_PATTERN (terms.ts) finds them, each given a number by its spelling:
 * the first word seen is 0, the next new spelling 1, and so on. Tokenising 100k articles meets tens of
 * millions of words but only about a million spellings, so this scans each text once, character by
 * character, hashing as it goes, and makes a string only for a spelling it has not seen (spelling-table.ts).
 * (A regular expression and a Map cost a match object, a string and a string hash per word: twice the time.)
 */
import { SPELLING_HASH_START, SpellingTable, spellingHashed } from '../spelling-table.ts';
import { grownTo } from './typed-arrays.ts';

const LETTER = 1;
const NUMBER = 2;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

/** Each UTF-16 code unit's class: LETTER (\p{L}), NUMBER (\p{N}) or 0; surrogates are looked up in pairs. */
let unitClasses: Uint8Array | undefined;
const astralClasses = new Map<number, number>();

function classesOfUnits(): Uint8Array {
  if (unitClasses !== undefined) return unitClasses;
  const classes = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    if (unit >= 0xd800 && unit <= 0xdfff) continue;
    classes[unit] = classOf(String.fromCharCode(unit));
  }
  unitClasses = classes;
  return classes;
}

function classOf(character: string): number {
  return /\p{L}/u.test(character) ? LETTER : /\p{N}/u.test(character) ? NUMBER : 0;
}

function astralClass(codePoint: number): number {
  let known = astralClasses.get(codePoint);
  if (known === undefined) {
    known = classOf(String.fromCodePoint(codePoint));
    astralClasses.set(codePoint, known);
  }
  return known;
}

export class WordTable {
  private readonly spellings = new SpellingTable();
  /** Spellings by number, in order of first appearance. */
  readonly words: readonly string[] = this.spellings.words;
  /** The numbers of the words the last scan found, in text order (the first `scan()` of them). */
  found = new Int32Array(1024);
  private readonly classes = classesOfUnits();

  /** Finds the words of `text` into `found` and returns how many. */
  scan(text: string): number {
    const classes = this.classes;
    const length = text.length;
    let count = 0;
    let i = 0;
    while (i < length) {
      let unit = text.charCodeAt(i);
      let width = 1;
      let kind = classes[unit] ?? 0;
      if (kind === 0 && unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          kind = astralClass((unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
          width = 2;
        }
      }
      if (kind === 0) {
        i += width;
        continue;
      }
      const start = i;
      let hash = SPELLING_HASH_START;
      // [\p{L}\p{N}]+, then an optional apostrophe and letters only: ['’][\p{L}]+
      let letters = false;
      for (;;) {
        hash = spellingHashed(hash, unit);
        if (width === 2) hash = spellingHashed(hash, text.charCodeAt(i + 1));
        i += width;
        if (i >= length) break;
        unit = text.charCodeAt(i);
        width = 1;
        kind = classes[unit] ?? 0;
        if (kind === 0 && unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
          const low = text.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            kind = astralClass((unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
            width = 2;
          }
        }
        if (letters ? kind !== LETTER : kind === 0) {
          if (letters || (unit !== APOSTROPHE && unit !== RIGHT_QUOTE) || !this.letterAt(text, i + 1)) break;
          // The apostrophe joins the word; from here only letters do.
          letters = true;
        }
      }
      if (count === this.found.length) this.found = grownTo(this.found, count + 1);
      this.found[count++] = this.spellings.numberOf(text, start, i, hash);
    }
    return count;
  }

  private letterAt(text: string, at: number): boolean {
    if (at >= text.length) return false;
    const unit = text.charCodeAt(at);
    if (unit >= 0xd800 && unit <= 0xdbff && at + 1 < text.length) {
      const low = text.charCodeAt(at + 1);
      if (low >= 0xdc00 && low <= 0xdfff)
        return astralClass((unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000) === LETTER;
    }
    return this.classes[unit] === LETTER;
  }
}
