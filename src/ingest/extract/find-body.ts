/**
 * Finds the article body: the run of lines with the most prose in it. Each line scores by what it
 * looks like (a sentence scores its word count, a short label costs a little, page furniture costs
 * more, a section wall such as "More from World" cannot be crossed) and the best-scoring contiguous run
 * wins (Kadane's maximum-subarray, linear in the number of lines).
 *
 * Scoring the run as a whole, not line by line, is what keeps subheadings and short quotes inside the
 * body while a teaser list after the story, made of the same kind of lines, stays out.
 *
 * Comment threads are prose too, and on a blog they can be longer than the post: once some prose has
 * been seen, a comment-section heading damps the lines after it up to the next section heading, so a
 * thread only wins when the page had next to no story above it.
 */
import type { Draft, Unit } from './draft.ts';

const WALL = -1_000_000;
const FURNITURE = -5;
const SHORT_LINE = -2;
const MAX_LINE_SCORE = 80;
/** Prose words above a comment heading before it counts as the end of a story (not a tab label). */
const PROSE_BEFORE_COMMENTS = 40;
const AFTER_COMMENTS = 0.1;

export function lineScore(unit: Unit): number {
  if (unit.wall !== null) return WALL;
  if (unit.role === 'removed') return FURNITURE;
  if (unit.role === 'caption' || unit.role === 'credit') return 0;
  if (unit.sentence) return Math.min(unit.words, MAX_LINE_SCORE);
  return SHORT_LINE;
}

export function findBody(draft: Draft): Draft {
  let best = 0;
  let bestStart = 0;
  let bestEnd = 0;
  let sum = 0;
  let start = 0;
  let proseWords = 0;
  let damp = 1;
  draft.units.forEach((unit, i) => {
    const raw = lineScore(unit);
    if (raw > 0) proseWords += raw;
    if (unit.wall === 'comments' && proseWords >= PROSE_BEFORE_COMMENTS) damp = AFTER_COMMENTS;
    else if (unit.wall === 'section') damp = 1;
    sum += raw > 0 ? raw * damp : raw;
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
