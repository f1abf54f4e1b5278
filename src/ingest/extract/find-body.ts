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
import { AUTHOR_BOX_REASON, LINK_HEADING_REASON, LINKED_STORY_REASON, TIMESTAMP_REASON } from './boilerplate-rules.ts';
import type { Draft, Unit } from './draft.ts';
import { isBylineLine } from './byline-and-date-lines.ts';
import { endsLikeSentence, endsOnClause } from './line-features.ts';
import type { SourceLine } from './source-lines.ts';

/** A teaser's byline after the story costs this much: enough prose after it may still be the story. */
const WALL = -40;
/**
 * A section heading ("More from World", a "Trending" box dropped between paragraphs) costs as much as a
 * teaser's byline: a long enough story goes on across it. An author or company box with its bio right
 * under it ("About Jonas Weller" / "As sales manager, …") cannot be crossed: nothing of the story follows.
 */
const SECTION_WALL = -30;
const PROSE_WALL = -1e6;
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
/** Teaser lists put a byline under each title ("by Anmol"): once the story has begun, one ends it. */
const TEASER_BYLINE_AFTER_PROSE = 100;

export function lineScore(unit: Unit): number {
  if (unit.wall !== null) return SECTION_WALL;
  if (unit.role === 'caption' || unit.role === 'credit') return 0;
  const prose = endsLikeSentence(unit.text) || readsAsProse(unit) || continuesInProse(unit);
  const p = P_BODY[lengthClass(unit.words)][unit.spacing][prose ? 1 : 0];
  const score = Math.max(1, Math.min(unit.words, MAX_LINE_WORDS)) * (2 * p - 1);
  // A byline is the story's furniture even when it reads like a sentence ("By Ana Ruiz on Friday at 9:42 a.m.").
  return unit.role === 'removed' || (score > 0 && isBylineLine(unit.text, unit.words))
    ? Math.min(score, FURNITURE)
    : score;
}

/** A paragraph on both sides of an orphan heading is at least this long. */
const MIN_ORPHAN_PROSE_WORDS = 12;

function keptNear(units: readonly Unit[], i: number, step: 1 | -1): Unit | undefined {
  for (let j = i + step; j >= 0 && j < units.length; j += step) {
    const unit = units[j] as Unit;
    if (unit.role === null) return unit;
  }
  return undefined;
}

/**
 * A "Trending" or "Related articles" heading whose links did not copy (a carousel of pictures) sits
 * between two paragraphs of the story: it ends nothing.
 */
function isOrphanHeading(units: readonly Unit[], i: number): boolean {
  const unit = units[i] as Unit;
  if (unit.wall !== 'section' || unit.reason !== LINK_HEADING_REASON) return false;
  const isProse = (u: Unit | undefined) => u !== undefined && u.sentence && u.words >= MIN_ORPHAN_PROSE_WORDS;
  return isProse(keptNear(units, i, -1)) && isProse(keptNear(units, i, 1));
}

const MIN_UNENDED_WORDS = 15;
const UNPROSE_END = /(?:\b(?:1[89]|20)\d\d|#\S+|[^\p{L}\p{N})\]"'”’])$/u;

/** A paragraph that lost its full stop: long, with two commas or more. Titles and links seldom have two. */
function readsAsProse(unit: Unit): boolean {
  if (unit.words < MIN_UNENDED_WORDS) return false;
  const first = unit.text.indexOf(',');
  if (first < 0 || unit.text.indexOf(',', first + 1) < 0) return false;
  // A citation ends on its date ("… Oct. 13, 2019"), a comment on a hashtag or an ornament; prose does not.
  return !UNPROSE_END.test(unit.text);
}

/** A clause of a sentence wrapped over several lines of a prose block: it ends on a comma, the sentence goes on below. */
function continuesInProse(unit: Unit): boolean {
  return unit.spacing === 'isolated' && !unit.blankAfter && endsOnClause(unit.text);
}

/** The best-scoring run of `scores` within [from, to), by Kadane's algorithm. */
function bestRun(
  scores: readonly number[],
  from: number,
  to: number,
): { start: number; end: number; score: number } | null {
  let best = 0;
  let bestStart = from;
  let bestEnd = from;
  let sum = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    sum += scores[i] ?? 0;
    if (sum <= 0) {
      sum = 0;
      start = i + 1;
    } else if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i + 1;
    }
  }
  return best > 0 ? { start: bestStart, end: bestEnd, score: best } : null;
}

/**
 * A page can hold several prose runs: the story, a teaser list with summaries, a comment thread. The
 * story usually comes first, so the earliest run that scores at least EARLIER_RUN_SHARE of the best
 * one wins over a longer run further down.
 */
const EARLIER_RUN_SHARE = 0.6;

export function findBody(draft: Draft): Draft {
  const scores: number[] = [];
  let proseWords = 0;
  let damp = 1;
  const units = draft.units;
  const rows = tableRows(units);
  // Inside a link box dropped between two paragraphs, its titles cost nothing: the heading paid for the box.
  let inBox = false;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as Unit;
    inBox &&= unit.reason === LINKED_STORY_REASON;
    const orphan: boolean = !inBox && isOrphanHeading(units, i);
    inBox ||= orphan;
    const raw =
      rows.has(i) || (inBox && !orphan)
        ? 0
        : unit.reason === AUTHOR_BOX_REASON && units[i + 1]?.sentence === true
          ? PROSE_WALL
          : proseWords >= TEASER_BYLINE_AFTER_PROSE && isBylineLine(unit.text, unit.words)
            ? WALL
            : orphan
              ? FURNITURE
              : lineScore(unit);
    if (raw > 0) proseWords += raw;
    if ((unit.wall === 'comments' || unit.reason === TIMESTAMP_REASON) && proseWords >= PROSE_BEFORE_COMMENTS) {
      // A timestamp line once the story has begun stamps a comment (or a teaser): the thread starts here.
      damp = AFTER_COMMENTS;
    } else if (unit.wall === 'section') damp = 1;
    scores.push(raw > 0 ? raw * damp : raw);
  }
  const best = bestRun(scores, 0, scores.length);
  if (best === null) return { ...draft, body: null };
  // Runs before the best one, best first, down to the share that still counts.
  let chosen = best;
  let to = best.start;
  for (;;) {
    const earlier = bestRun(scores, 0, to);
    if (earlier === null || earlier.score < best.score * EARLIER_RUN_SHARE) break;
    chosen = earlier;
    to = earlier.start;
  }
  const end = Math.max(
    numberedListEnd(units, chosen.end),
    introducedListEnd(units, chosen.end),
    tableEnd(units, chosen.end),
    embeddedPostsEnd(units, chosen.end),
  );
  return { ...draft, body: { start: chosen.start, end } };
}

/** An embedded post's signature: "— The City Council (@CityCouncil) October 9, 2018". */
const POST_SIGNATURE = /^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+[^()]{0,30}\d{4}$/u;
/** Lines an embedded post may take above its signature (with an introducing line before the first). */
const MAX_POST_LINES = 5;

/**
 * Where the body ends once the embedded posts right after its prose are taken in: "See tweets:" and each
 * post's text over its signature line. Their short, unpunctuated lines score as furniture on their own.
 */
function embeddedPostsEnd(units: readonly Unit[], end: number): number {
  let last = end;
  for (let from = end; from < units.length;) {
    let signature = -1;
    for (let i = from; i < Math.min(units.length, from + MAX_POST_LINES + 1); i++) {
      const unit = units[i] as Unit;
      if (unit.wall !== null) break;
      if (unit.text.includes('(@') && POST_SIGNATURE.test(unit.text)) {
        signature = i;
        break;
      }
    }
    if (signature < 0) break;
    last = signature + 1;
    from = signature + 1;
  }
  return last;
}

/** "1) Lego Star Wars …", "2. Polistil …": an item's number at the start of its line. */
const LIST_ITEM = /^(\d{1,2})[.)]\s+\S/;
/** How far past the prose the list may start (an introducing line, a label). */
const LIST_LOOKAHEAD = 3;
/** Lines an item may take below its numbered line (a link, a price, a sentence). */
const MAX_ITEM_LINES = 4;
const MIN_LIST_ITEMS = 3;

function itemNumber(unit: Unit | undefined): number | null {
  const match = unit === undefined ? null : LIST_ITEM.exec(unit.text);
  return match === null ? null : Number(match[1]);
}

/**
 * Where the body ends once a numbered list right after its prose is taken in: listicles and deal posts
 * put their substance in items ("1) …", "2) …", or counting down) that score as short title lines,
 * so the prose run alone stops at the introduction. The items must number one after another.
 */
function numberedListEnd(units: readonly Unit[], end: number): number {
  let first = -1;
  for (let i = end; i < Math.min(units.length, end + LIST_LOOKAHEAD); i++) {
    if (units[i]?.wall !== null) return end;
    if (itemNumber(units[i]) !== null) {
      first = i;
      break;
    }
  }
  if (first < 0) return end;
  let expected: number | null = null;
  let previous = itemNumber(units[first]) ?? 0;
  let items = 1;
  let lastItem = first;
  let span = 1;
  for (let j = first + 1; j < units.length && j - lastItem <= MAX_ITEM_LINES + 1; j++) {
    const unit = units[j] as Unit;
    if (unit.wall !== null) break;
    const n = itemNumber(unit);
    if (n === null) continue;
    expected ??= n === previous + 1 || n === previous - 1 ? n : null;
    if (expected === null || n !== expected) break;
    span = Math.max(span, j - lastItem);
    items++;
    lastItem = j;
    expected = n + (n - previous);
    previous = n;
  }
  if (items < MIN_LIST_ITEMS) return end;
  // The last item takes as many lines as the longest one before it, up to the next furniture.
  let stop = lastItem + 1;
  while (stop < units.length && stop - lastItem < span && units[stop]?.role === null && units[stop]?.wall === null)
    stop++;
  return Math.max(end, stop);
}

/** A line that introduces what follows: "The tour dates:", "Senate resolves to:". */
export function introducesList(text: string): boolean {
  // The colon test first: the pattern alone would be tried from every position of a long paragraph.
  return text.endsWith(':') && /\S\s\S/u.test(text);
}
const MIN_INTRODUCED_LINES = 3;
/** Unless it introduces links: "Related coverage from Money:", "More stories:". */
const INTRODUCES_LINKS = /^(related|more|read|see|also|recommended|popular|trending|latest|top|further)\b/iu;

/**
 * Where the body ends once a list introduced by a colon at the end of the prose is taken in ("… tour
 * dates:" and a date a line): the list is the block of lines set tight under the introducing line.
 */
function introducedListEnd(units: readonly Unit[], end: number): number {
  for (let i = Math.max(0, end - 1); i < Math.min(units.length, end + 1); i++) {
    const intro = units[i] as Unit;
    if (intro.wall !== null || (intro.role !== null && i >= end) || !introducesList(intro.text)) continue;
    if (INTRODUCES_LINKS.test(intro.text)) return end;
    let stop = i + 1;
    while (stop < units.length) {
      const unit = units[stop] as Unit;
      if (unit.role !== null || unit.wall !== null || unit.line !== (units[stop - 1]?.line ?? 0) + 1) break;
      stop++;
    }
    if (stop - (i + 1) >= MIN_INTRODUCED_LINES) return Math.max(end, stop);
  }
  return end;
}

/** Separators that set out a row's fields: "June 9 – Tampa, FL @ Amphitheatre", "Home | 2-1 | Away". */
const FIELD_SEPARATORS = [' – ', ' -- ', ' — ', ' @ ', ' | ', ': '];
const MIN_TABLE_ROWS = 4;
/** A row is a line of fields, not a paragraph. */
const MAX_ROW_WORDS = 30;

function separatorOf(text: string): string | null {
  for (const separator of FIELD_SEPARATORS) if (text.includes(separator)) return separator;
  return null;
}
/** A table's heading above it ("The Doobie Brothers Tour Dates") may take this many units. */
const TABLE_LOOKAHEAD = 2;

/**
 * Where the body ends once a table right after the prose is taken in: a block of at least four tight
 * lines that all set out their fields with the same separator (tour dates, fixtures, results), perhaps
 * under a short heading.
 */
function tableEnd(units: readonly Unit[], end: number): number {
  for (let i = end; i < Math.min(units.length, end + TABLE_LOOKAHEAD); i++) {
    const first = units[i] as Unit;
    if (first.wall !== null) return end;
    const stop = tableRowsEnd(units, i);
    if (stop > i) return stop;
  }
  return end;
}

/** The end of the table whose first row is units[start], or `start` when no table starts there. */
export function tableRowsEnd(units: readonly Unit[], start: number): number {
  const first = units[start];
  if (first === undefined || first.role !== null || first.words > MAX_ROW_WORDS) return start;
  const separator = separatorOf(first.text);
  if (separator === null) return start;
  let stop = start + 1;
  while (stop < units.length) {
    const row = units[stop] as Unit;
    if (row.role !== null || row.wall !== null || row.line !== (units[stop - 1]?.line ?? 0) + 1) break;
    if (row.words > MAX_ROW_WORDS || !row.text.includes(separator)) break;
    stop++;
  }
  return stop - start >= MIN_TABLE_ROWS ? stop : start;
}

/** Every table row on the page: rows cost the body search nothing, so a table inside the story does not end it. */
export function tableRows(units: readonly Unit[]): Set<number> {
  const rows = new Set<number>();
  for (let i = 0; i < units.length; i++) {
    const end = tableRowsEnd(units, i);
    for (let k = i; k < end; k++) rows.add(k);
    if (end > i) i = end - 1;
  }
  return rows;
}
