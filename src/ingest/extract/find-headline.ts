/**
 * The headline: a title-like line above the body. Pages often print it twice (breadcrumb or sticky
 * header, then the real one), so a title-like line that occurs twice is the strongest signal. Without
 * one, the title-like line nearest above the body wins, unless the line above that is title-like too and
 * shorter: then the nearer one is the standfirst and the one above it the headline.
 */
import type { Draft, Unit } from './draft.ts';
import { isBylineLine, isDateLine } from './byline-and-date-lines.ts';
import { foldForComparison, isSentenceLike, isTitleLike, wordCount } from './line-features.ts';

const MIN_HEADLINE_WORDS = 3;
const MAX_HEADLINE_WORDS = 30;

function isCandidate(unit: Unit): boolean {
  return (
    unit.role === null &&
    isTitleLike(unit.text, MAX_HEADLINE_WORDS) &&
    (wordCount(unit.text) >= MIN_HEADLINE_WORDS || unit.text.length >= 8) &&
    !isBylineLine(unit.text) &&
    !isDateLine(unit.text)
  );
}

/** Index of the first body line that is prose (not a caption or furniture); the end of the front matter. */
export function firstParagraphIndex(draft: Draft): number {
  const body = draft.body;
  if (body === null) return draft.units.length;
  for (let i = body.start; i < body.end; i++) {
    const unit = draft.units[i];
    if (unit !== undefined && unit.role === null && isSentenceLike(unit.text)) return i;
  }
  return body.end;
}

export function findHeadline(draft: Draft): Draft {
  const limit = firstParagraphIndex(draft);
  const candidates: number[] = [];
  for (let i = 0; i < limit; i++) {
    const unit = draft.units[i];
    if (unit !== undefined && isCandidate(unit)) candidates.push(i);
  }
  if (candidates.length === 0) return draft;

  const seen = new Map<string, number>();
  for (const unit of draft.units) {
    const key = foldForComparison(unit.text);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const repeated = candidates.filter((i) => (seen.get(foldForComparison(draft.units[i]?.text ?? '')) ?? 0) > 1);
  if (repeated.length > 0) {
    // The repeated title nearest the body; its first occurrence is the headline.
    const nearest = repeated[repeated.length - 1] ?? 0;
    const key = foldForComparison(draft.units[nearest]?.text ?? '');
    const first = draft.units.findIndex((u) => foldForComparison(u.text) === key);
    return { ...draft, headline: first };
  }

  const nearest = candidates[candidates.length - 1] ?? 0;
  const above = candidates[candidates.length - 2];
  const nearestWords = wordCount(draft.units[nearest]?.text ?? '');
  if (above !== undefined && onlyFurnitureBetween(draft, above, nearest)) {
    const aboveWords = wordCount(draft.units[above]?.text ?? '');
    if (aboveWords < nearestWords) return { ...draft, headline: above };
  }
  return { ...draft, headline: nearest };
}

function onlyFurnitureBetween(draft: Draft, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    const role = draft.units[i]?.role;
    if (role !== 'removed' && role !== 'caption' && role !== 'credit') return false;
  }
  return true;
}
