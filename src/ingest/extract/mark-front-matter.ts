/**
 * Passes for what sits between the headline and the first paragraph: lines outside the article,
 * repeats of the headline, byline and date lines, the standfirst, and the bullet highlights.
 * Order matters: bylines and dates are claimed before the standfirst so a "By …" line is never a dek,
 * and the standfirst before the highlights so a one-line dek is never a one-item summary.
 */
import { TIMESTAMP_REASON } from './boilerplate-rules.ts';
import { splitDateline } from './dateline.ts';
import { assignRoles, remove, withRole, type Draft } from './draft.ts';
import { firstParagraphIndex } from './find-headline.ts';
import { followsAuthorLabel, isBylineLine, isDateLine, isNamesLine } from './byline-and-date-lines.ts';
import { endsLikeSentence, sameLine, wordCount } from './line-features.ts';

const MIN_STANDFIRST_WORDS = 6;
const MAX_STANDFIRST_WORDS = 80;
/** A bullet at the start of a line (also stripped from highlight items when they are assembled). */
export const BULLET = /^[•·▪◦●‣*–-]\s+/u;
const MIN_HIGHLIGHT_WORDS = 3;
const MAX_HIGHLIGHT_WORDS = 35;

const ABOVE_HEADLINE_REASON = 'above the headline (page navigation)';

/** Lines above the headline are navigation; lines after the body are whatever the page put below. */
export function markOutsideArticle(draft: Draft): Draft {
  const headline = draft.headline;
  const bodyEnd = draft.body?.end ?? draft.units.length;
  return assignRoles(draft, (_unit, i) => {
    if (headline !== null && i < headline) return remove(ABOVE_HEADLINE_REASON);
    if (i >= bodyEnd && (headline === null || i > headline)) return remove('after the end of the article');
    return null;
  });
}

export function markHeadline(draft: Draft): Draft {
  const headline = draft.headline;
  if (headline === null) return draft;
  const text = draft.units[headline]?.text ?? '';
  return assignRoles(draft, (unit, i) => {
    if (i === headline) return { role: 'headline' };
    return sameLine(unit.text, text) ? remove('repeats the headline') : null;
  });
}

/** Byline and date lines, looked for from the headline to a few lines into the body. */
export function markBylineAndDate(draft: Draft): Draft {
  const from = (draft.headline ?? -1) + 1;
  const to = firstParagraphIndex(draft) + 3;
  let haveByline = false;
  let haveDate = false;
  const marked = assignRoles(draft, (unit, i) => {
    if (i < from || i >= to) return null;
    if (
      !haveByline &&
      (isBylineLine(unit.text) ||
        followsAuthorLabel(unit.text, draft.units[i - 1]?.text) ||
        (isNamesLine(unit.text) && isDateLine(draft.units[i + 1]?.text ?? '')))
    ) {
      haveByline = true;
      return { role: 'byline' };
    }
    if (!haveDate && isDateLine(unit.text)) {
      haveDate = true;
      return { role: 'published' };
    }
    return null;
  });
  // "By Ana Ruiz on Friday, March 7th, 2025 at 9:42 a.m." dates the story too.
  const bylineDated = marked.units.some((u) => u.role === 'byline' && isDateLine(u.text));
  const dated = haveDate || bylineDated ? marked : claimDateAbove(claimTimestamp(marked, from, to));
  return haveByline ? dated : claimBylineAbove(dated);
}

/** How far above the headline its date may be printed ("March 4, 2025 / 6:20 AM" over a kicker). */
const DATE_ABOVE_REACH = 3;

/** With no date under the headline, a date line just above it is the story's. */
function claimDateAbove(draft: Draft): Draft {
  if (draft.units.some((u) => u.role === 'published')) return draft;
  const headline = draft.headline ?? 0;
  for (let at = headline - 1; at >= Math.max(0, headline - DATE_ABOVE_REACH); at--) {
    const unit = draft.units[at];
    // "By Jane Doe, published on …" is left to claimBylineAbove, which reads its date too.
    if (unit === undefined || (unit.reason !== ABOVE_HEADLINE_REASON && unit.reason !== TIMESTAMP_REASON)) continue;
    if (!isDateLine(unit.text) || isBylineLine(unit.text)) continue;
    const units = draft.units.slice();
    units[at] = withRole(unit, 'published');
    return { ...draft, units };
  }
  return draft;
}

/** Some pages print "By Jane Doe, published on 14 May 2024" above the headline rather than under it. */
function claimBylineAbove(draft: Draft): Draft {
  const at = (draft.headline ?? 0) - 1;
  const unit = draft.units[at];
  if (unit?.reason !== ABOVE_HEADLINE_REASON || !isBylineLine(unit.text)) return draft;
  const units = draft.units.slice();
  units[at] = withRole(unit, 'byline');
  return { ...draft, units };
}

/** With no date line of its own, the first stamp the furniture rules took off under the headline is the story's date. */
function claimTimestamp(draft: Draft, from: number, to: number): Draft {
  for (let i = from; i < Math.min(to, draft.units.length); i++) {
    const unit = draft.units[i];
    if (unit?.reason !== TIMESTAMP_REASON || !isDateLine(unit.text)) continue;
    const units = draft.units.slice();
    units[i] = withRole(unit, 'published');
    return { ...draft, units };
  }
  return draft;
}

export function markStandfirst(draft: Draft): Draft {
  if (draft.headline === null) return draft;
  const end = firstParagraphIndex(draft);
  if (isDekAboveMeta(draft, end)) return assignRoles(draft, (_u, j) => (j === end ? { role: 'standfirst' } : null));
  for (let i = draft.headline + 1; i < end; i++) {
    const unit = draft.units[i];
    if (unit === undefined || unit.role !== null) continue;
    const words = unit.words;
    if (BULLET.test(unit.text)) return draft;
    if (words >= MIN_STANDFIRST_WORDS && words <= MAX_STANDFIRST_WORDS) {
      // "HAYWARD, Calif. (AP) — The Latest on …": a wire story's first paragraph, whatever follows it.
      if (opensWithDashedDateline(unit.text) && draft.body !== null) {
        const opened = assignRoles(draft, (_u, j) => (j === i ? { role: 'paragraph' } : null));
        return { ...opened, body: { start: i, end: draft.body.end } };
      }
      return assignRoles(draft, (_u, j) => (j === i ? { role: 'standfirst' } : null));
    }
  }
  return draft;
}

/** A dateline set off by a dash; a capitalised word before a colon ("UPDATE: …") is a label, not a place. */
function opensWithDashedDateline(text: string): boolean {
  const dateline = splitDateline(text);
  return dateline !== null && /[—–-]\s*$/.test(text.slice(0, text.length - dateline.rest.length));
}

/**
 * A sentence right under the headline with the date or byline under it is the dek, not the first paragraph:
 * pages print headline, summary, then "20 Nov 2019 08:00 GMT" and the story (Al Jazeera-style layouts).
 */
function isDekAboveMeta(draft: Draft, first: number): boolean {
  const headline = draft.headline ?? -1;
  const unit = draft.units[first];
  if (unit === undefined || unit.words < MIN_STANDFIRST_WORDS || unit.words > MAX_STANDFIRST_WORDS) return false;
  for (let i = headline + 1; i < first; i++) if (draft.units[i]?.role !== 'removed') return false;
  const below = draft.units[first + 1];
  if (below === undefined) return false;
  return below.role === 'published' || below.role === 'byline' || isDateLine(below.text) || isBylineLine(below.text);
}

/** A full stop inside the line followed by the next sentence's capital. */
const SENTENCE_INSIDE = /\p{Ll}[.!?] +\p{Lu}/u;

function isHighlightItem(text: string): boolean {
  const words = wordCount(text);
  if (BULLET.test(text)) return words >= 1;
  // A highlight is one statement; a line of several sentences is a paragraph that lost its last full stop.
  return (
    words >= MIN_HIGHLIGHT_WORDS &&
    words <= MAX_HIGHLIGHT_WORDS &&
    !endsLikeSentence(text) &&
    !SENTENCE_INSIDE.test(text)
  );
}

/** Runs of two or more summary lines between the headline and the body: the bullet highlights. */
export function markHighlights(draft: Draft): Draft {
  if (draft.headline === null) return draft;
  const end = firstParagraphIndex(draft);
  const run: number[] = [];
  const chosen = new Set<number>();
  const flush = (): void => {
    if (run.length >= 2) for (const i of run) chosen.add(i);
    run.length = 0;
  };
  for (let i = draft.headline + 1; i < end; i++) {
    const unit = draft.units[i];
    if (unit === undefined) continue;
    if (unit.role === 'removed') continue;
    if (unit.role === null && isHighlightItem(unit.text)) run.push(i);
    else flush();
  }
  flush();
  return assignRoles(draft, (_u, i) => (chosen.has(i) ? { role: 'highlight' } : null));
}

/** What is left above the first paragraph: prose stays (better kept than lost), labels go. */
/** Sentences whose last full stop went missing: long, with a sentence break inside. */
const MIN_UNENDED_PROSE_WORDS = 12;

function isUnendedProse(text: string, words: number): boolean {
  return words >= MIN_UNENDED_PROSE_WORDS && SENTENCE_INSIDE.test(text);
}

export function settleFrontMatter(draft: Draft): Draft {
  if (draft.headline === null) return draft;
  const from = draft.headline;
  const end = firstParagraphIndex(draft);
  return assignRoles(draft, (unit, i) => {
    if (i <= from || i >= end) return null;
    return unit.sentence || isUnendedProse(unit.text, unit.words)
      ? { role: 'paragraph' }
      : remove('short line between the headline and the story');
  });
}
