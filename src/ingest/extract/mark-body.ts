/**
 * Passes over the body range: pull quotes, subheadings, paragraphs, and the short labels that remain
 * (ad slots, "Read more" buttons) removed. Quotes first, since a quote line is also a sentence.
 */
import { introducesList, tableRows, tableRowsEnd } from './find-body.ts';
import { assignRoles, remove, withRole, type Draft, type Unit } from './draft.ts';
import { firstParagraphIndex } from './find-headline.ts';
import { ATTRIBUTION, endsOnClause, isTitleLike, QUOTED_LINE } from './line-features.ts';

const MAX_ATTRIBUTION_WORDS = 12;
const MAX_SUBHEADING_WORDS = 12;
const MIN_PARAGRAPH_WORDS = 6;
const MIN_INTRO_WORDS = 3;

/** The body's lines from its first paragraph on, as [from, to): computed once per pass, not per line. */
function bodyRange(draft: Draft): { from: number; to: number } {
  return draft.body === null ? { from: 0, to: 0 } : { from: firstParagraphIndex(draft), to: draft.body.end };
}

/** A quoted line followed by an attribution line is a pull quote set apart from the text. */
export function markQuotes(draft: Draft): Draft {
  const units: Unit[] = [...draft.units];
  const { from, to } = bodyRange(draft);
  for (let i = from; i < to; i++) {
    const line = units[i];
    if (line === undefined || line.role !== null || !QUOTED_LINE.test(line.text)) continue;
    const next = units[i + 1];
    const attributed =
      next !== undefined && next.role === null && ATTRIBUTION.test(next.text) && next.words <= MAX_ATTRIBUTION_WORDS;
    if (attributed) {
      units[i] = withRole(line, 'quote');
      units[i + 1] = withRole(next, 'attribution');
    } else if (line.text.startsWith('>')) {
      units[i] = withRole(line, 'quote');
    }
  }
  return { ...draft, units };
}

function nextKept(draft: Draft, i: number): Unit | undefined {
  for (let j = i + 1; j < draft.units.length; j++) {
    const unit = draft.units[j];
    if (unit !== undefined && unit.role !== 'removed') return unit;
  }
  return undefined;
}

/** A short title-like line inside the body that introduces more prose. */
export function markSubheadings(draft: Draft): Draft {
  const { from, to } = bodyRange(draft);
  const rows = tableRows(draft.units);
  return assignRoles(draft, (unit, i) => {
    if (i <= from || i >= to || rows.has(i)) return null;
    if (unit.sentence || !isTitleLike(unit.text, MAX_SUBHEADING_WORDS, unit.words)) return null;
    // A table's heading ("Winter cup fixtures") has rows under it, not prose.
    if (tableRowsEnd(draft.units, i + 1) > i + 1) return { role: 'subheading' };
    const next = nextKept(draft, i);
    if (next === undefined || !(next.role === null || next.role === 'paragraph') || !next.sentence) return null;
    return { role: 'subheading' };
  });
}

/**
 * A list's items, kept however short: lines set tight under a line ending in a colon ("… tour dates:"),
 * and a table's rows (tight lines that share a field separator).
 */
function listItems(draft: Draft, from: number, to: number): Set<number> {
  const items = new Set<number>();
  for (let i = from; i < to; i++) {
    const rowsEnd = tableRowsEnd(draft.units, i);
    for (let j = i; j < Math.min(rowsEnd, to); j++) items.add(j);
    if (rowsEnd > i) i = rowsEnd - 1;
    if (!introducesList(draft.units[i]?.text ?? '')) continue;
    for (let j = i + 1; j < to; j++) {
      const unit = draft.units[j];
      if (unit === undefined || unit.role !== null || unit.line !== (draft.units[j - 1]?.line ?? 0) + 1) break;
      items.add(j);
    }
  }
  return items;
}

/** Fewer words than this before a comma make a tag in a list ("Mac,"), not a clause. */
const MIN_CLAUSE_WORDS = 3;

export function markParagraphs(draft: Draft): Draft {
  const { from, to } = bodyRange(draft);
  const items = listItems(draft, from, to);
  return assignRoles(draft, (unit, i) => {
    if (i < from || i >= to) return null;
    if (unit.sentence || unit.words >= MIN_PARAGRAPH_WORDS || items.has(i)) return { role: 'paragraph' };
    // The first clause of a sentence wrapped over several lines ("Besides that," / "selling …").
    if (unit.words >= MIN_CLAUSE_WORDS && endsOnClause(unit.text) && draft.units[i + 1]?.line === unit.line + 1) {
      return { role: 'paragraph' };
    }
    // "Here's what to know:" leads into what follows, even across a blank line.
    if (unit.words >= MIN_INTRO_WORDS && introducesList(unit.text)) return { role: 'paragraph' };
    return remove('short line inside the story that is not prose (a label or button)');
  });
}

/** Anything no pass claimed: recorded, never silently dropped. */
export function markUnclaimed(draft: Draft): Draft {
  return assignRoles(draft, () => remove('not recognised as part of the article'));
}
