/**
 * Word counting and reading time, shared so the build's figures and the app's labels agree.
 */

/** Words per minute for an adult reading news prose on screen (Brysbaert 2019 gives 238 for silent reading of non-fiction). */
export const WORDS_PER_MINUTE = 238;

const WORD = /[\p{L}\p{N}]+/gu;
/** Scripts written without spaces between words: count characters instead, at about 2.5 characters a word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

/** Letters and digits, by code point; Latin-1 and general punctuation, arrows, symbols and CJK punctuation are not. */
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  return !((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xfe30 && c <= 0xfe4f));
}

function isUnspacedCode(c: number): boolean {
  return (
    (c >= 0x0e00 && c <= 0x0e7f) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff)
  );
}

function unspacedWordCount(text: string): number {
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  return (text.replace(UNSPACED, ' ').match(WORD)?.length ?? 0) + Math.round(unspaced / 2.5);
}

/**
 * Words in a text: runs of non-space characters that hold a letter or digit ("U.S.-Ukraine" is one,
 * "—" is none). One pass without allocating, because the build counts every line of every page;
 * scripts written without spaces count their characters instead (about 2.5 to a word).
 */
export function countWords(text: string): number {
  let count = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0e00 && isUnspacedCode(c)) return unspacedWordCount(text);
    if (c === 32 || c === 10 || c === 9 || c === 13) counted = false;
    else if (!counted && isWordCode(c)) {
      count++;
      counted = true;
    }
  }
  return count;
}

export function readingMinutes(wordCount: number): number {
  return wordCount === 0 ? 0 : Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

/** "3 min read", or nothing for a headline-only article (no body to read). */
export function readingTimeLabel(minutes: number): string | null {
  return minutes > 0 ? `${minutes} min read` : null;
}
