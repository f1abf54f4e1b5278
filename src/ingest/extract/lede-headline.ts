/**
 * A headline for a page copied without one (it starts at the story's first paragraph, often with its
 * dateline): the lede's first sentence, which in news writing says what happened, shortened at a clause
 * boundary when it is long. Leaving such a page out would lose a whole article over a missing title.
 */

/** Longer ledes are cut: a headline is read at a glance. */
const MAX_WORDS = 16;
/** A cut at a clause boundary must leave at least this many words, or the cut is made at MAX_WORDS. */
const MIN_CLAUSE_WORDS = 6;

/**
 * A sentence ends at . ! or ? (with any closing quote) after a word of two or more lower-case letters or
 * digits, before a space and a capital: "R. Labrador" and "U.S. officials" do not end one.
 */
const SENTENCE_END = /(?<=[\p{Ll}\p{N}]{2}[.!?]["”’)]?)\s+(?=["“‘(]?\p{Lu})/u;

export function ledeHeadline(paragraph: string): string | null {
  const sentence = (paragraph.split(SENTENCE_END)[0] ?? '').trim();
  const words = sentence.split(/\s+/u).filter((w) => w !== '');
  if (words.length === 0) return null;
  if (words.length <= MAX_WORDS) return sentence.replace(/(?<=[\p{L}\p{N}])\.$/u, '');
  const head = words.slice(0, MAX_WORDS);
  // The last clause boundary (a word ending in , ; : or before a dash) that keeps enough words.
  for (let end = head.length; end >= MIN_CLAUSE_WORDS; end--) {
    const word = head[end - 1] ?? '';
    const nextWord = words[end] ?? '';
    if (/[,;:]$/u.test(word))
      return `${head
        .slice(0, end)
        .join(' ')
        .replace(/[,;:]$/u, '')}…`;
    if (/^[—–]$/u.test(nextWord)) return `${head.slice(0, end).join(' ')}…`;
  }
  return `${head.join(' ').replace(/[,;:]$/u, '')}…`;
}
