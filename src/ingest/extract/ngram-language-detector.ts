/**
 * eld's detection (Efficient Language Detector, Apache-2.0, by Nito T.M.: `detect` in its
 * `src/languageDetector.js`, version 2.1) with its own database and tables, its answers the same, in
 * structures that are faster to read. eld keeps the n-grams of a text as an object's keys and each n-gram's
 * scores as an object keyed by language number, which it walks with `for…in`: on the bench VM that was a
 * quarter of the extractor's time (0.25 ms an article for 160 characters). Here the text's n-grams go in a
 * Set and each database n-gram's scores become a flat array of (language, score) the first time a text
 * holds it. The steps and their arithmetic are eld's, in its order (scores are integers, so their sums do
 * not depend on it); tests/ingest/language-model.test.ts holds the answers to eld's own.
 */
import type { LanguageDetector } from './language-model.ts';

/** eld's database as its JSON holds it: languages by number, and each n-gram's score by language number. */
export interface NgramDatabase {
  readonly type: string;
  readonly languages: Readonly<Record<string, string>>;
  readonly ngrams: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** eld's pieces this detector reads: its word separators and its byte-to-character table. */
export interface EldTables {
  readonly separators: RegExp;
  readonly dictionary: readonly string[];
}

/** eld subtracts this from every stored score to keep its database small, and adds it back when scoring. */
const BASE_NGRAM_SCORE = 53;
/** eld reads at most this many characters of a text. */
const MAX_TEXT = 1000;
/** eld's cuts of a text's UTF-8 bytes: at the first space after 350, and anywhere after 380. */
const CUT_AFTER = 350;
const ENFORCE_CUT_AFTER = 380;
/** eld's longest word, in bytes, for n-grams. */
const MAX_WORD = 70;
const NONE = new Int32Array(0);

export class NgramLanguageDetector implements LanguageDetector {
  private readonly languages: readonly string[];
  /** N-gram → its (language, score + base) pairs, made on first use; NONE for one the database lacks. */
  private readonly scoresOf = new Map<string, Int32Array>();
  private readonly scores: Float64Array;

  constructor(
    private readonly database: NgramDatabase,
    private readonly tables: EldTables,
  ) {
    const count = Object.keys(database.languages).length;
    this.languages = Array.from({ length: count }, (_, i) => database.languages[String(i)] ?? '');
    this.scores = new Float64Array(count);
  }

  detect(text: string): { readonly language: string } {
    const words = this.bytesOf(text.substring(0, MAX_TEXT).replace(this.tables.separators, ' ').trim().toLowerCase());
    const scores = this.scores;
    scores.fill(0);
    for (const ngram of ngramsOf(words)) {
      const pairs = this.pairsOf(ngram);
      for (let i = 0; i < pairs.length; i += 2) {
        const language = pairs[i] as number;
        scores[language] = (scores[language] as number) + (pairs[i + 1] as number);
      }
    }
    // eld's getMaxLang: the first language with the highest positive score.
    let best = -1;
    let max = 0;
    for (let i = 0; i < scores.length; i++) {
      const score = scores[i] as number;
      if (score > 0 && score > max) {
        max = score;
        best = i;
      }
    }
    return { language: best < 0 ? '' : (this.languages[best] ?? '') };
  }

  private pairsOf(ngram: string): Int32Array {
    let pairs = this.scoresOf.get(ngram);
    if (pairs === undefined) {
      const byLanguage = Object.hasOwn(this.database.ngrams, ngram) ? this.database.ngrams[ngram] : undefined;
      if (byLanguage === undefined) {
        pairs = NONE;
      } else {
        const keys = Object.keys(byLanguage);
        pairs = new Int32Array(keys.length * 2);
        keys.forEach((key, i) => {
          (pairs as Int32Array)[2 * i] = Number(key);
          (pairs as Int32Array)[2 * i + 1] = (byLanguage[key] ?? 0) + BASE_NGRAM_SCORE;
        });
      }
      this.scoresOf.set(ngram, pairs);
    }
    return pairs;
  }

  /**
   * eld's strToUtf8Bytes: the words of a text with each character above ASCII written as its UTF-8 bytes,
   * one character of eld's dictionary per byte (the database's n-grams are in that form).
   */
  private bytesOf(text: string): string[] {
    const { dictionary } = this.tables;
    const byte = (b: number) => dictionary[b] ?? ' ';
    const words: string[] = [];
    let encoded = '';
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code < 0x80) {
        if (code === 32) {
          if (encoded !== '') {
            words.push(encoded);
            encoded = '';
          }
          if (bytes > CUT_AFTER) break;
        } else {
          encoded += text[i];
        }
        bytes += 1;
      } else if (code < 0x800) {
        encoded += byte(0xc0 | (code >> 6)) + byte(0x80 | (code & 0x3f));
        bytes += 2;
      } else if (code < 0xd800 || code >= 0xe000) {
        encoded += byte(0xe0 | (code >> 12)) + byte(0x80 | ((code >> 6) & 0x3f)) + byte(0x80 | (code & 0x3f));
        bytes += 3;
      } else {
        // A surrogate pair (as eld, a lone surrogate pairs with whatever follows it).
        i++;
        code = 0x10000 + (((code & 0x3ff) << 10) | (text.charCodeAt(i) & 0x3ff));
        encoded +=
          byte(0xf0 | (code >> 18)) +
          byte(0x80 | ((code >> 12) & 0x3f)) +
          byte(0x80 | ((code >> 6) & 0x3f)) +
          byte(0x80 | (code & 0x3f));
        bytes += 4;
      }
      if (bytes > ENFORCE_CUT_AFTER) break;
    }
    if (encoded !== '') words.push(encoded);
    return words;
  }
}

/** eld's getByteNgrams: each word's 4-byte n-grams at a stride of 3, the first marked by a leading space, the last by a trailing one. */
function ngramsOf(words: readonly string[]): Set<string> {
  const ngrams = new Set<string>();
  for (const word of words) {
    const length = Math.min(word.length, MAX_WORD);
    let j = 0;
    for (; j + 4 < length; j += 3) ngrams.add((j === 0 ? ' ' : '') + word.substring(j, j + 4));
    ngrams.add((j === 0 ? ' ' : '') + word.substring(length !== 3 ? length - 4 : 0) + ' ');
  }
  return ngrams;
}
