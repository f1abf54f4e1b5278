/**
 * Turns decoded page text into the units every later pass works on: one per non-empty line, with its
 * 1-based line number in the file so removed lines and errors can point back to the input.
 */

export interface SourceLine {
  /** 1-based line number in the input file. */
  readonly line: number;
  /** The line with invisible and layout-only characters normalised away (see `normaliseLine`). */
  readonly text: string;
}

/** Zero-width characters and bidi embedding/override/isolate controls: invisible in a copied page, and
 * a bidi override in a headline could reorder the text around it. Page text never needs them. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069\u200E\u200F]/g;
/** Every kind of horizontal space (tabs, no-break, thin, ideographic) folds to one plain space. */
const SPACES = /[\t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000 ]+/g;

export function normaliseLine(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Splits on LF, CRLF and lone CR alike, and drops empty lines (numbers keep counting them). */
export function toSourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  const raw = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < raw.length; i++) {
    const t = normaliseLine(raw[i] ?? '');
    if (t !== '') out.push({ line: i + 1, text: t });
  }
  return out;
}
