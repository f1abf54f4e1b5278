/**
 * What a single line looks like, measured without context. The passes combine these signals; keeping
 * them here means every pass judges "sentence-like" or "title-like" the same way.
 */

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
/** A line ending like prose: sentence punctuation, optionally inside closing quotes or brackets. */
const TERMINAL = /[.!?…。！？]["'”’»)\]]*$/u;
/** Scripts without spaces between words, where word counts say little: count characters instead. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

export function wordCount(text: string): number {
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  const spaced = text.replace(UNSPACED, ' ').match(WORD)?.length ?? 0;
  return spaced + Math.round(unspaced / 2.5);
}

export function endsLikeSentence(text: string): boolean {
  return TERMINAL.test(text);
}

/** Prose: several words ending in sentence punctuation, or long enough to be prose without it. */
export function isSentenceLike(text: string): boolean {
  const words = wordCount(text);
  return (words >= 6 && endsLikeSentence(text)) || words >= 30;
}

/** Could stand as a headline or subheading: a short run of words not closed like a sentence. */
export function isTitleLike(text: string, maxWords = 30): boolean {
  const words = wordCount(text);
  if (words < 1 || words > maxWords || text.length > 300) return false;
  if (/[.,;:]$/u.test(text) && !/\b[A-Z]\.$/u.test(text)) return false;
  // A title has at least one capital letter or is in a script without case.
  return /\p{Lu}|[^\p{L}\p{N}\s\p{P}]|\p{Lo}/u.test(text);
}

/** Lowercased, with punctuation and spacing folded, to spot the same line printed twice. */
export function foldForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
