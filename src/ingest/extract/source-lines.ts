/**
 * Turns decoded page text into the units every later pass works on: one per non-empty line, with its
 * 1-based line number in the file so removed lines and errors can point back to the input.
 */
import { cutHoverCards } from './hover-cards.ts';
import { endsOnClause, wordCount } from './line-features.ts';

export interface SourceLine {
  /** 1-based line number in the input file. */
  readonly line: number;
  /** The line with invisible and layout-only characters normalised away (see `normaliseLine`). */
  readonly text: string;
  /**
   * How the line stands among blank lines. A copied page separates paragraphs (`<p>`) by an empty line
   * and most other blocks (menu items, list entries, widgets) by a single line break, so a line with
   * blank lines on both sides is far more often article text than one inside a run.
   */
  readonly spacing: 'isolated' | 'edge' | 'run';
  /** An empty line follows: the last line of a block, as a headline before the first paragraph is. */
  readonly blankAfter: boolean;
}

/** Zero-width characters and bidi embedding/override/isolate controls: invisible in a copied page, and
 * a bidi override in a headline could reorder the text around it. Page text never needs them. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069\u200E\u200F]/g;
/** Every kind of horizontal space (tabs, no-break, thin, ideographic) folds to one plain space. */
const SPACES = /[\t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000 ]+/g;

/** Anything but printable ASCII: only such lines need the full normalisation. */
const NEEDS_FOLDING = /[^\x20-\x7e]| {2}/;

/** The same classes as one test each: most non-ASCII lines only hold curly quotes and need no replacing. */
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);
const HAS_ODD_SPACE = /[\t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]| {2}/;

export function normaliseLine(raw: string): string {
  if (!NEEDS_FOLDING.test(raw)) return raw.trim();
  const visible = HAS_INVISIBLE.test(raw) ? raw.replace(INVISIBLE, '') : raw;
  return (HAS_ODD_SPACE.test(visible) ? visible.replace(SPACES, ' ') : visible).trim();
}

/** Splits on LF, CRLF and lone CR alike, and drops empty lines (numbers keep counting them). */
/** A line of at least this many words ending like a sentence: what a paragraph of prose looks like. */
const PROSE_LINE_WORDS = 15;
const PROSE_LINE = /[.!?…。！？]["'”’»)\]]*$/u;

function isProseLine(text: string): boolean {
  if (!PROSE_LINE.test(text)) return false;
  let words = 0;
  for (let i = text.indexOf(' '); i >= 0 && words < PROSE_LINE_WORDS; i = text.indexOf(' ', i + 1)) words++;
  // Chinese, Japanese and Thai put no spaces between words: those lines are counted the long way.
  return words + 1 >= PROSE_LINE_WORDS || (text.length >= PROSE_LINE_WORDS && wordCount(text) >= PROSE_LINE_WORDS);
}

/**
 * One sentence set with a line break after each clause (common in Japanese blogs): every line but the
 * last ends on a comma, the last like a sentence, and together they are as long as a prose line.
 */
function isWrappedSentence(run: readonly SourceLine[]): boolean {
  const last = run[run.length - 1];
  if (last === undefined || !PROSE_LINE.test(last.text)) return false;
  for (let k = 0; k < run.length - 1; k++) if (!endsOnClause(run[k]?.text ?? '')) return false;
  return isProseLine(run.map((l) => l.text).join(' '));
}

/**
 * Splits on LF, CRLF and lone CR alike, drops empty lines (numbers keep counting them) and records each
 * line's spacing. Some sites set paragraphs as `<div>`s, which copy as a run with no blank lines: a run
 * in which at least half the lines are long sentences is prose, and its lines count as isolated.
 */
export function toSourceLines(text: string): SourceLine[] {
  const lines = text.split(/\r\n|\r|\n/);
  // Hover cards end in " MORE": a page without one skips the per-line look.
  const raw = text.includes(' MORE')
    ? lines.map((line) => cutHoverCards(normaliseLine(line)))
    : lines.map(normaliseLine);
  const out: SourceLine[] = [];
  let runStart = 0;
  const settleRun = (end: number): void => {
    const run = out.slice(runStart, end);
    if (run.length < 2) return;
    const prose = run.filter((l) => isProseLine(l.text)).length;
    if (prose * 2 < run.length && !isWrappedSentence(run)) return;
    for (let k = runStart; k < end; k++) {
      const l = out[k];
      if (l !== undefined) out[k] = { line: l.line, text: l.text, spacing: 'isolated', blankAfter: l.blankAfter };
    }
  };
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] ?? '';
    if (t === '') continue;
    const blankBefore = i === 0 || raw[i - 1] === '';
    const blankAfter = i === raw.length - 1 || raw[i + 1] === '';
    if (blankBefore) {
      settleRun(out.length);
      runStart = out.length;
    }
    const spacing = blankBefore && blankAfter ? 'isolated' : blankBefore || blankAfter ? 'edge' : 'run';
    out.push({ line: i + 1, text: t, spacing, blankAfter });
  }
  settleRun(out.length);
  return out;
}
