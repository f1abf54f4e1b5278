/** The passage of an article that shows why it matched: the first paragraph with a matched word, clipped around it. */
import { foldSearchTerm } from '../../shared/search-options.ts';

const WORD = /[\p{L}\p{N}]+/gu;
const BEFORE = 80;
const LENGTH = 240;

export function matchSnippet(paragraphs: readonly string[], terms: readonly string[]): string | null {
  const wanted = new Set(terms.map(foldSearchTerm));
  for (const text of paragraphs) {
    for (const match of text.matchAll(WORD)) {
      if (!wanted.has(foldSearchTerm(match[0]))) continue;
      let start = Math.max(0, match.index - BEFORE);
      if (start > 0) start = text.indexOf(' ', start) + 1 || start;
      let end = Math.min(text.length, start + LENGTH);
      if (end < text.length) end = text.lastIndexOf(' ', end) > match.index ? text.lastIndexOf(' ', end) : end;
      return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
    }
  }
  return null;
}
