/**
 * What a single line looks like, measured without context. The passes combine these signals; keeping
 * them here means every pass judges "sentence-like" or "title-like" the same way.
 */

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
/** A line ending like prose: sentence punctuation, optionally inside closing quotes or brackets. */
const TERMINAL = /[.!?…。！？]["'”’»)\]]*$/u;
/** Scripts without spaces between words, where word counts say little: count characters instead. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

/** A cheap test for the same scripts, by code point range, run before the exact one. */
const MAYBE_UNSPACED = /[\u0E00-\u0E7F\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF]/;

/** Latin-1 and general punctuation, arrows and symbols, CJK punctuation: not word characters. */
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  return !((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xfe30 && c <= 0xfe4f));
}

/**
 * Words in a line: space-separated tokens that hold a letter or digit. Counted in one pass without
 * allocating, because every line of every page is counted; scripts written without spaces count their
 * characters instead (about 2.5 to a word).
 */
export function wordCount(text: string): number {
  if (MAYBE_UNSPACED.test(text)) {
    const unspaced = text.match(UNSPACED)?.length ?? 0;
    return (text.replace(UNSPACED, ' ').match(WORD)?.length ?? 0) + Math.round(unspaced / 2.5);
  }
  let count = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) counted = false;
    else if (!counted && isWordCode(c)) {
      count++;
      counted = true;
    }
  }
  return count;
}

export function endsLikeSentence(text: string): boolean {
  return TERMINAL.test(text);
}

/** Prose: several words ending in sentence punctuation, or long enough to be prose without it. */
export function isSentenceLike(text: string, words = wordCount(text)): boolean {
  return (words >= 6 && endsLikeSentence(text)) || words >= 30;
}

/** Could stand as a headline or subheading: a short run of words not closed like a sentence. */
export function isTitleLike(text: string, maxWords = 30, words = wordCount(text)): boolean {
  if (words < 1 || words > maxWords || text.length > 300) return false;
  if (/[.,;:]$/u.test(text) && !/\b[A-Z]\.$/u.test(text)) return false;
  // A title has at least one capital letter or is in a script without case.
  return /\p{Lu}|[^\p{L}\p{N}\s\p{P}]|\p{Lo}/u.test(text);
}

/** Lowercased, with punctuation and spacing folded, to spot the same line printed twice. */
export function foldForComparison(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether two lines are the same line printed twice, give or take case and punctuation. */
export function sameLine(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 12) return false;
  return a === b || foldForComparison(a) === foldForComparison(b);
}
