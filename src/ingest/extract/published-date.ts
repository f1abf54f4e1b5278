/**
 * Dates as copied pages print them, to ISO 8601. A date with a time and a zone becomes a full
 * timestamp; anything less becomes a calendar day (a time without a zone would be a guess).
 */

/**
 * Month names, English first, then the languages of the extraction corpus's non-English pages that write
 * dates with Latin-script month names (German, French, Spanish, Portuguese, Italian, Dutch, Indonesian).
 */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['jan', 'january', 'januar', 'janvier', 'enero', 'janeiro', 'gennaio', 'januari'],
  ['feb', 'february', 'februar', 'février', 'fevrier', 'febrero', 'fevereiro', 'febbraio', 'februari', 'pebruari'],
  ['mar', 'march', 'märz', 'maerz', 'mars', 'marzo', 'março', 'marco', 'maart', 'maret'],
  ['apr', 'april', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maio', 'maggio', 'mei'],
  ['jun', 'june', 'juni', 'juin', 'junio', 'junho', 'giugno'],
  ['jul', 'july', 'juli', 'juillet', 'julio', 'julho', 'luglio'],
  ['aug', 'august', 'août', 'aout', 'agosto', 'augustus', 'agustus'],
  ['sep', 'sept', 'september', 'septembre', 'septiembre', 'setembro', 'settembre'],
  ['oct', 'october', 'oktober', 'octobre', 'octubre', 'outubro', 'ottobre'],
  ['nov', 'november', 'novembre', 'noviembre', 'novembro', 'nopember'],
  ['dec', 'december', 'dezember', 'décembre', 'decembre', 'diciembre', 'dezembro', 'dicembre', 'desember'],
];
const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((names, i) => names.map((name) => [name, i + 1] as const)),
);
/** Longest names first, so "june" is tried before "jun". */
const MONTH = `(${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?\b/;
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}])${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'iu');
/** "19 November 2019", "25. September 2018", "9 de dezembro de 2018". */
const DAY_MONTH_YEAR = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+(?:de\\s+)?${MONTH}(?![\\p{L}]),?\\s+(?:de\\s+)?(\\d{4})\\b`,
  'iu',
);
/** "13/06/2014", "20.11.2019", "2016.12.01": read only when the order is certain (see numericDate). */
const NUMERIC = /\b(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})\b/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function day(year: number, month: number, date: number): string | null {
  if (month < 1 || month > 12 || date < 1 || date > 31 || year < 1900 || year > 2200) return null;
  const d = new Date(Date.UTC(year, month - 1, date));
  if (d.getUTCDate() !== date) return null;
  return `${year}-${pad(month)}-${pad(date)}`;
}

/** The first date in `text`, as an ISO day or timestamp, or null. */
export function findDate(text: string): string | null {
  const iso = ISO.exec(text);
  if (iso !== null) {
    const [, y, m, d, hh, mm, ss, zone] = iso;
    const base = day(Number(y), Number(m), Number(d));
    if (base === null) return null;
    if (hh === undefined || mm === undefined || zone === undefined) return base;
    const offset = zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return `${base}T${hh}:${mm}:${ss ?? '00'}${offset}`;
  }
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy !== null) {
    const month = MONTHS.get((mdy[1] ?? '').toLowerCase().replace('.', ''));
    if (month !== undefined) return day(Number(mdy[3]), month, Number(mdy[2]));
  }
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy !== null) {
    const month = MONTHS.get((dmy[2] ?? '').toLowerCase().replace('.', ''));
    if (month !== undefined) return day(Number(dmy[3]), month, Number(dmy[1]));
  }
  return numericDate(text);
}

/**
 * A date in digits. Year first is always year-month-day; otherwise the day comes first where the first
 * number cannot be a month (13/06/2014) and the month where the second cannot (11/18/2019). "03/04/2019"
 * could be either, and a wrong date is worse than none: null. Two-digit years are not read.
 */
function numericDate(text: string): string | null {
  const match = NUMERIC.exec(text);
  if (match === null) return null;
  const [, a = '', , b = '', c = ''] = match;
  if (a.length === 4) return day(Number(a), Number(b), Number(c));
  if (c.length !== 4) return null;
  const first = Number(a);
  const second = Number(b);
  if (first > 12 && second <= 12) return day(Number(c), second, first);
  if (second > 12 && first <= 12) return day(Number(c), first, second);
  return null;
}

/**
 * A stamp without a year: "Updated Nov 19, 9:41 AM", "Posted Nov. 18 8:19 pm" (regional news sites print
 * the year only for older stories). Enough to call a line a date line, never read as the published date.
 */
const YEARLESS_STAMP = new RegExp(
  `^(?:(?:updated|posted|published|last updated)\\s*:?\\s*)?${MONTH}\\s+\\d{1,2},?\\s+\\d{1,2}:\\d{2}\\s*(?:[ap]\\.?m\\.?)?(?![\\p{L}\\d])`,
  'iu',
);

export function isYearlessStamp(text: string): boolean {
  return YEARLESS_STAMP.test(text);
}

/** Whether the text holds a date in digits, in any order ("03/04/2019" too): enough to call a line a date line. */
export function hasNumericDate(text: string): boolean {
  const match = NUMERIC.exec(text);
  if (match === null) return false;
  const [, a = '', , , c = ''] = match;
  return a.length === 4 || c.length === 4;
}
