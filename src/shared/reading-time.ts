/**
 * Word counting and reading time, shared so the build's figures and the app's labels agree.
 */

/** Words per minute for an adult reading news prose on screen (Brysbaert 2019 gives 238 for silent reading of non-fiction). */
export const WORDS_PER_MINUTE = 238;

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
/** Scripts written without spaces between words: count characters instead, at about 2.5 characters a word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

export function countWords(text: string): number {
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  const spaced = text.replace(UNSPACED, ' ').match(WORD)?.length ?? 0;
  return spaced + Math.round(unspaced / 2.5);
}

export function readingMinutes(wordCount: number): number {
  return wordCount === 0 ? 0 : Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
