/** Splits a snippet into runs, marking the words that matched the search (compared accent- and case-folded). */
import { foldSearchTerm } from '../../shared/search-options.ts';

export interface TextRun {
  readonly text: string;
  readonly marked: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function markTerms(text: string, terms: readonly string[]): TextRun[] {
  const wanted = new Set(terms.map(foldSearchTerm));
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    if (!wanted.has(foldSearchTerm(match[0]))) continue;
    if (match.index > last) runs.push({ text: text.slice(last, match.index), marked: false });
    runs.push({ text: match[0], marked: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), marked: false });
  return runs;
}
