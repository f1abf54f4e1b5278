/**
 * The extractor's working state: every source line with the role a pass gave it. Passes take a Draft
 * and return a new one; a line keeps the first role it is given, so earlier passes win.
 */
import { isSentenceLike, wordCount } from './line-features.ts';
import type { SourceLine } from './source-lines.ts';

export type Role =
  | 'headline'
  | 'standfirst'
  | 'byline'
  | 'published'
  | 'caption'
  | 'credit'
  | 'highlight'
  | 'paragraph'
  | 'subheading'
  | 'quote'
  | 'attribution'
  | 'removed';

export interface Unit extends SourceLine {
  /** Features of the text, computed once because every pass reads them. */
  readonly words: number;
  readonly sentence: boolean;

  readonly role: Role | null;
  /** Why a line was removed; null for kept lines. */
  readonly reason: string | null;
  /** A line that heads page furniture: the article never continues across it. `comments` also damps what follows. */
  readonly wall: 'section' | 'comments' | null;
}

export interface Draft {
  readonly units: readonly Unit[];
  /** Index in `units` of the headline, once found. */
  readonly headline: number | null;
  /** Index range [start, end) of the article body, once found. */
  readonly body: { readonly start: number; readonly end: number } | null;
}

export type Pass = (draft: Draft) => Draft;

export function newDraft(lines: readonly SourceLine[]): Draft {
  return {
    units: lines.map((l) => {
      const words = wordCount(l.text);
      return makeUnit(l, words, isSentenceLike(l.text, words), null, null, null);
    }),
    headline: null,
    body: null,
  };
}

/** Gives roles to lines that have none yet; `assign` returns the role for index i, or null to skip. */
export function assignRoles(
  draft: Draft,
  assign: (unit: Unit, index: number) => { role: Role; reason?: string } | null,
): Draft {
  // Copy-on-write: most passes touch few lines, so the array is copied only once something changes.
  let units: Unit[] | null = null;
  const source = draft.units;
  for (let i = 0; i < source.length; i++) {
    const unit = source[i] as Unit;
    if (unit.role !== null) continue;
    const next = assign(unit, i);
    if (next === null) continue;
    units ??= source.slice();
    units[i] = withRole(unit, next.role, next.reason ?? null);
  }
  return units === null ? draft : { ...draft, units };
}

/**
 * Units are built here only, always with the same fields in the same order: object spreads of lines of
 * varying shapes made the extractor's hot loops megamorphic (a third of its time, measured).
 */
function makeUnit(
  l: SourceLine,
  words: number,
  sentence: boolean,
  role: Role | null,
  reason: string | null,
  wall: Unit['wall'],
): Unit {
  return {
    line: l.line,
    text: l.text,
    spacing: l.spacing,
    blankAfter: l.blankAfter,
    words,
    sentence,
    role,
    reason,
    wall,
  };
}

/** The unit with a role (and the reason, for removed lines). */
export function withRole(unit: Unit, role: Role, reason: string | null = null, wall: Unit['wall'] = unit.wall): Unit {
  return makeUnit(unit, unit.words, unit.sentence, role, reason, wall);
}

/** The unit with its wall changed. */
export function withWall(unit: Unit, wall: Unit['wall']): Unit {
  return makeUnit(unit, unit.words, unit.sentence, unit.role, unit.reason, wall);
}

export function remove(reason: string): { role: Role; reason: string } {
  return { role: 'removed', reason };
}
