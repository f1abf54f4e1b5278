/**
 * Words to terms, for grouping and related stories: lowercased, accents folded, stopwords and numbers
 * dropped. One tokenizer for every similarity measure, so "Kyiv" and "KYIV" are the same term everywhere.
 */

/** English function words plus news filler verbs that every story uses ("said", "told"). */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not now of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'said says say told according new one two three also like year years last first mr mrs ms may might must ' +
    'us s t don didn doesn isn wasn aren weren won wouldn couldn shouldn ve ll re d m get got make made well ' +
    'still even much many since around another way back'
  ).split(' '),
);

export const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Folded forms of words already seen: a corpus repeats its words, so most lookups hit. */
const folded = new Map<string, string>();
const MAX_FOLDED = 1_000_000;

export function foldTerm(word: string): string {
  const known = folded.get(word);
  if (known !== undefined) return known;
  // Plain ASCII has no accents to fold: skip the Unicode normalisation, the expensive part.
  const base = /^[ -~]*$/.test(word) ? word : word.normalize('NFKD').replace(/\p{M}/gu, '');
  const term = base.toLowerCase().replace(/['’]s$/u, '');
  if (folded.size >= MAX_FOLDED) folded.clear();
  folded.set(word, term);
  return term;
}

/** The term a word stands for, or null for words that say nothing of the topic (stopwords, numbers). */
export function contentTerm(word: string): string | null {
  const term = foldTerm(word);
  return term.length < 2 || STOPWORDS.has(term) || /^\d+$/.test(term) ? null : term;
}

/** Content terms of a text, in order, with repeats. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    const term = contentTerm(match[0]);
    if (term !== null) out.push(term);
  }
  return out;
}
