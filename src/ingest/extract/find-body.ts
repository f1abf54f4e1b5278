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
import { endsLikeSentence } from './line-features.ts';
import type { SourceLine } from './source-lines.ts';

const WALL = -40;
const FURNITURE = -5;
const MAX_LINE_WORDS = 80;
/** Prose words above a comment heading before it counts as the end of a story (not a tab label). */
const PROSE_BEFORE_COMMENTS = 40;
const AFTER_COMMENTS = 0.1;

/**
 * How often a line of this shape is article text, measured over the 181 copied pages of the extraction
 * corpus (share of lines found in the annotated body): by length, by spacing among blank lines, and
 * without / with sentence punctuation at the end. Structure, not wording: no site or phrase is in here.
 */
const P_BODY: Readonly<
  Record<'short' | 'phrase' | 'medium' | 'long', Record<SourceLine['spacing'], readonly [number, number]>>
> = {
  short: { isolated: [0.27, 0.43], edge: [0.1, 0.05], run: [0.04, 0.06] },
  phrase: { isolated: [0.43, 0.62], edge: [0.19, 0.11], run: [0.09, 0.05] },
  medium: { isolated: [0.19, 0.7], edge: [0.14, 0.15], run: [0.06, 0.15] },
  long: { isolated: [0.39, 0.88], edge: [0.35, 0.61], run: [0.11, 0.29] },
};

function lengthClass(words: number): keyof typeof P_BODY {
  return words <= 3 ? 'short' : words <= 8 ? 'phrase' : words <= 20 ? 'medium' : 'long';
}

/**
 * A line's expected contribution to the extracted text: its words, times how much more likely it is to
 * be article text than not (2p - 1). The best run maximises expected correct words minus wrong ones.
 */
export function lineScore(unit: Unit): number {
  if (unit.wall !== null) return WALL;
  if (unit.role === 'caption' || unit.role === 'credit') return 0;
  const p = P_BODY[lengthClass(unit.words)][unit.spacing][endsLikeSentence(unit.text) ? 1 : 0];
  const score = Math.max(1, Math.min(unit.words, MAX_LINE_WORDS)) * (2 * p - 1);
  return unit.role === 'removed' ? Math.min(score, FURNITURE) : score;
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
