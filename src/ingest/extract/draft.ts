/**
 * The extractor's working state: every source line with the role a pass gave it. Passes take a Draft
 * and return a new one; a line keeps the first role it is given, so earlier passes win.
 */
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
  readonly role: Role | null;
  /** Why a line was removed; null for kept lines. */
  readonly reason: string | null;
  /** True for a line that heads page furniture: the article never continues across it. */
  readonly wall: boolean;
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
    units: lines.map((l) => ({ ...l, role: null, reason: null, wall: false })),
    headline: null,
    body: null,
  };
}

/** Gives roles to lines that have none yet; `assign` returns the role for index i, or null to skip. */
export function assignRoles(
  draft: Draft,
  assign: (unit: Unit, index: number) => { role: Role; reason?: string } | null,
): Draft {
  let changed = false;
  const units = draft.units.map((unit, i) => {
    if (unit.role !== null) return unit;
    const next = assign(unit, i);
    if (next === null) return unit;
    changed = true;
    return { ...unit, role: next.role, reason: next.reason ?? null };
  });
  return changed ? { ...draft, units } : draft;
}

export function remove(reason: string): { role: Role; reason: string } {
  return { role: 'removed', reason };
}
