/**
 * Finds the article body: the run of lines with the most prose in it. Each line scores by what it
 * looks like (a sentence scores its word count, a short label costs a little, page furniture costs
 * more, a section wall such as "Comments" cannot be crossed) and the best-scoring contiguous run wins
 * (Kadane's maximum-subarray, linear in the number of lines).
 *
 * Scoring the run as a whole, not line by line, is what keeps subheadings and short quotes inside the
 * body while a teaser list after the story, made of the same kind of lines, stays out.
 */
import type { Draft, Unit } from './draft.ts';
import { isSentenceLike, wordCount } from './line-features.ts';

const WALL = -1_000_000;
const FURNITURE = -5;
const SHORT_LINE = -2;
const MAX_LINE_SCORE = 80;

export function lineScore(unit: Unit): number {
  if (unit.wall) return WALL;
  if (unit.role === 'removed') return FURNITURE;
  if (unit.role === 'caption' || unit.role === 'credit') return 0;
  if (isSentenceLike(unit.text)) return Math.min(wordCount(unit.text), MAX_LINE_SCORE);
  return SHORT_LINE;
}

export function findBody(draft: Draft): Draft {
  let best = 0;
  let bestStart = 0;
  let bestEnd = 0;
  let sum = 0;
  let start = 0;
  draft.units.forEach((unit, i) => {
    sum += lineScore(unit);
    if (sum <= 0) {
      sum = 0;
      start = i + 1;
    } else if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i + 1;
    }
  });
  return { ...draft, body: best > 0 ? { start: bestStart, end: bestEnd } : null };
}
