/**
 * Aligns two outlets' copies of one story paragraph by paragraph (an LCS over paragraphs, where two
 * paragraphs "match" when they share most of their words), then marks wording changes inside each matched
 * pair word by word ("January 20" vs "Jan. 20"). Uses jsdiff for both steps.
 */
import { diffArrays } from 'diff';
import { foldSearchTerm } from '../../shared/search-options.ts';

/** A stretch of one copy's paragraph: the same in the other copy, or changed (absent or worded otherwise). */
export interface WordRun {
  readonly text: string;
  readonly changed: boolean;
}

export type AlignedRow =
  | {
      readonly kind: 'both';
      readonly left: string;
      readonly right: string;
      /** True when the two differ only in typography (curly or straight quotes, dashes, spacing). */
      readonly identical: boolean;
      readonly leftRuns: readonly WordRun[];
      readonly rightRuns: readonly WordRun[];
    }
  | { readonly kind: 'left-only'; readonly text: string }
  | { readonly kind: 'right-only'; readonly text: string };

/** Share of words two paragraphs have in common (of the smaller) at which they count as the same paragraph. */
const SAME_PARAGRAPH = 0.5;

function wordSet(text: string): Set<string> {
  return new Set((text.match(/[\p{L}\p{N}]+/gu) ?? []).map(foldSearchTerm));
}

export function sameParagraph(a: string, b: string): boolean {
  const x = wordSet(a);
  const y = wordSet(b);
  if (x.size === 0 || y.size === 0) return x.size === y.size;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.min(x.size, y.size) >= SAME_PARAGRAPH;
}

/** Typography two outlets set differently without changing a word: quote styles, dashes, non-breaking spaces. */
function foldTypography(token: string): string {
  return token
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

function sameToken(a: string, b: string): boolean {
  return a === b || (/^\s+$/.test(a) && /^\s+$/.test(b)) || foldTypography(a) === foldTypography(b);
}

/** Words with their punctuation, and the spaces between them, as separate tokens. */
function tokens(text: string): string[] {
  return text.match(/\s+|\S+/g) ?? [];
}

/** Appends to runs, merging with the last run when it has the same state. */
function pushRun(runs: WordRun[], text: string, changed: boolean): void {
  const last = runs.at(-1);
  if (last !== undefined && last.changed === changed) runs[runs.length - 1] = { text: last.text + text, changed };
  else runs.push({ text, changed });
}

/** Word-level differences inside one matched pair, as runs for each side (each side keeps its own text). */
export function wordRuns(left: string, right: string): { left: WordRun[]; right: WordRun[] } {
  const a = tokens(left);
  const b = tokens(right);
  const leftRuns: WordRun[] = [];
  const rightRuns: WordRun[] = [];
  let i = 0;
  let j = 0;
  for (const part of diffArrays(a, b, { comparator: sameToken })) {
    const count = part.count ?? part.value.length;
    for (let k = 0; k < count; k++) {
      // A changed run of spaces is not worth marking: it only separates changed words.
      if (part.removed) pushRun(leftRuns, a[i] ?? '', !/^\s+$/.test(a[i++] ?? ''));
      else if (part.added) pushRun(rightRuns, b[j] ?? '', !/^\s+$/.test(b[j++] ?? ''));
      else {
        pushRun(leftRuns, a[i++] ?? '', false);
        pushRun(rightRuns, b[j++] ?? '', false);
      }
    }
  }
  return { left: leftRuns, right: rightRuns };
}

export function alignCopies(left: readonly string[], right: readonly string[]): AlignedRow[] {
  const rows: AlignedRow[] = [];
  let i = 0;
  let j = 0;
  for (const part of diffArrays([...left], [...right], { comparator: sameParagraph })) {
    const count = part.count ?? part.value.length;
    for (let k = 0; k < count; k++) {
      if (part.removed) rows.push({ kind: 'left-only', text: left[i++] ?? '' });
      else if (part.added) rows.push({ kind: 'right-only', text: right[j++] ?? '' });
      else {
        const a = left[i++] ?? '';
        const b = right[j++] ?? '';
        const runs = wordRuns(a, b);
        const identical = !runs.left.some((r) => r.changed) && !runs.right.some((r) => r.changed);
        rows.push({ kind: 'both', left: a, right: b, identical, leftRuns: runs.left, rightRuns: runs.right });
      }
    }
  }
  return rows;
}

export interface AlignmentSummary {
  readonly both: number;
  readonly reworded: number;
  readonly leftOnly: number;
  readonly rightOnly: number;
}

export function summarise(rows: readonly AlignedRow[]): AlignmentSummary {
  return {
    both: rows.filter((r) => r.kind === 'both').length,
    reworded: rows.filter((r) => r.kind === 'both' && !r.identical).length,
    leftOnly: rows.filter((r) => r.kind === 'left-only').length,
    rightOnly: rows.filter((r) => r.kind === 'right-only').length,
  };
}
