/**
 * The headline: the title-like line above the body that best fits the story. Each candidate scores on
 * - vocabulary: the share of its words that recur in the body (a headline is about the story; a menu
 *   item, an author's name or a widget label is not) — the strongest signal;
 * - length: headlines run 4 to 25 words; one- and two-word lines are section names and bylines;
 * - nearness to the first paragraph (nav menus sit far above it);
 * - repetition: pages often print the title twice (breadcrumb or sticky header, then the h1).
 * A line that occurs twice is taken at its first occurrence, and later copies are removed as repeats.
 */
import { isBylineLine, isDateLine } from './byline-and-date-lines.ts';
import type { Draft, Unit } from './draft.ts';
import { foldForComparison, isTitleLike, sameLine } from './line-features.ts';

const MAX_HEADLINE_WORDS = 30;
/** How many body words to compare a candidate's vocabulary with. */
const BODY_SAMPLE_WORDS = 600;
/** Candidates further above the body than this many lines are menus, not titles. */
const MAX_DISTANCE = 60;
const WEIGHT = { vocabulary: 2.5, length: 1, nearness: 1, repeated: 1 } as const;

const WORD = /[\p{L}\p{N}]+/gu;

function isCandidate(unit: Unit): boolean {
  return (
    unit.role === null &&
    isTitleLike(unit.text, MAX_HEADLINE_WORDS, unit.words) &&
    (unit.words >= 2 || unit.text.length >= 8) &&
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
    if (unit !== undefined && unit.role === null && unit.sentence) return i;
  }
  return body.end;
}

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter((w) => w.length >= 3 || /[^\p{Script=Latin}\p{N}]/u.test(w));
}

function bodyVocabulary(draft: Draft, from: number): Set<string> {
  const words = new Set<string>();
  let count = 0;
  const end = draft.body?.end ?? draft.units.length;
  for (let i = from; i < end && count < BODY_SAMPLE_WORDS; i++) {
    const unit = draft.units[i];
    if (unit === undefined || unit.role === 'removed') continue;
    for (const w of contentWords(unit.text)) {
      words.add(w);
      count++;
    }
  }
  return words;
}

function lengthScore(words: number): number {
  if (words <= 2) return 0;
  if (words === 3) return 0.5;
  return words <= 25 ? 1 : 0.5;
}

export function findHeadline(draft: Draft): Draft {
  const limit = firstParagraphIndex(draft);
  const vocabulary = bodyVocabulary(draft, limit);
  const occurrences = new Map<string, number>();
  for (const unit of draft.units) {
    if (unit.words < 4 || unit.words > MAX_HEADLINE_WORDS) continue;
    const key = foldForComparison(unit.text);
    occurrences.set(key, (occurrences.get(key) ?? 0) + 1);
  }

  let best = -1;
  let bestScore = -Infinity;
  let distance = 0;
  for (let i = limit - 1; i >= 0 && distance <= MAX_DISTANCE; i--) {
    const unit = draft.units[i];
    if (unit === undefined || unit.role === 'removed') continue;
    distance++;
    if (!isCandidate(unit)) continue;
    const words = contentWords(unit.text);
    const shared =
      vocabulary.size === 0 ? 0 : words.filter((w) => vocabulary.has(w)).length / Math.max(1, words.length);
    const repeated = unit.words >= 4 && (occurrences.get(foldForComparison(unit.text)) ?? 0) > 1;
    const score =
      WEIGHT.vocabulary * shared +
      WEIGHT.length * lengthScore(unit.words) +
      WEIGHT.nearness / (1 + (distance - 1) / 6) +
      (repeated ? WEIGHT.repeated : 0);
    // Ties go to the line higher up: a headline stands above its standfirst.
    if (score >= bestScore) {
      bestScore = score;
      best = i;
    }
  }
  if (best < 0) return draft;
  const text = draft.units[best]?.text ?? '';
  const first = draft.units.findIndex((u) => sameLine(u.text, text));
  return { ...draft, headline: first >= 0 && first < best ? first : best };
}
