import { countWords } from '../../shared/reading-time.ts';

/**
 * What a single line looks like, measured without context. The passes combine these signals; keeping
 * them here means every pass judges "sentence-like" or "title-like" the same way.
 */

/** Words in a line: the shared definition, so the extractor's scores and the reading time agree. */
export const wordCount = countWords;

const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']']);
const TERMINALS = new Set(['.', '!', '?', '…', '。', '！', '？']);

/** Ends on a comma (Latin, ideographic or full-width): a clause whose sentence goes on below it. */
export function endsOnClause(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 0x2c || last === 0x3001 || last === 0xff0c;
}

/** Ends in sentence punctuation, possibly inside closing quotes or brackets (a loop: it runs on every line). */
export function endsLikeSentence(text: string): boolean {
  let i = text.length - 1;
  // Trailing emoji ("… on KLOOK! 🙂", "below~⬇️") and spaces do not end a sentence: skip them.
  while (i >= 0 && (text.charCodeAt(i) === 32 || isEmojiPart(text.charCodeAt(i)))) i--;
  i = beforeSignOff(text, i);
  while (i >= 0 && CLOSERS.has(text.charAt(i))) i--;
  return i >= 0 && TERMINALS.has(text.charAt(i));
}

/** A wire agency's sign-off after the last sentence is two to five capitals: "… into the US. PTI". */
const MAX_SIGN_OFF = 5;

/** Where the text ends before a sign-off of capitals at `end` (`end` itself when there is none). */
function beforeSignOff(text: string, end: number): number {
  let i = end;
  while (i >= 0 && end - i < MAX_SIGN_OFF + 1 && text.charCodeAt(i) >= 65 && text.charCodeAt(i) <= 90) i--;
  const letters = end - i;
  if (letters < 2 || letters > MAX_SIGN_OFF || text.charCodeAt(i) !== 32) return end;
  return TERMINALS.has(text.charAt(i - 1)) || CLOSERS.has(text.charAt(i - 1)) ? i - 1 : end;
}

/** Surrogate halves (most emoji), variation selectors, the zero-width joiner and arrows/symbols. */
function isEmojiPart(c: number): boolean {
  return (c >= 0xd800 && c <= 0xdfff) || (c >= 0xfe00 && c <= 0xfe0f) || c === 0x200d || (c >= 0x2190 && c <= 0x2bff);
}

/** A whole line in quotation marks, or a line quoted e-mail style. */
export const QUOTED_LINE = /^(["“„«「『].+["”“»」』]|>\s+.+)$/u;
/** "— Marco Rubio, US Secretary of State" */
export const ATTRIBUTION = /^[—–-]{1,2}\s*\p{Lu}/u;

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
  if (a === b) return true;
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la === lb) return true;
  // Folding is costly; lines that differ in their last letters are rarely the same line.
  if (la.slice(-4) !== lb.slice(-4) && la.slice(0, 4) !== lb.slice(0, 4)) return false;
  return foldForComparison(a) === foldForComparison(b);
}
