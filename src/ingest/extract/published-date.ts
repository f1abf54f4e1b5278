/**
 * Dates as copied pages print them, to ISO 8601. A date with a time and a zone becomes a full
 * timestamp; anything less becomes a calendar day (a time without a zone would be a guess).
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?\b/;
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i');

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
    const month = MONTHS[(mdy[1] ?? '').toLowerCase().replace('.', '')];
    if (month !== undefined) return day(Number(mdy[3]), month, Number(mdy[2]));
  }
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy !== null) {
    const month = MONTHS[(dmy[2] ?? '').toLowerCase().replace('.', '')];
    if (month !== undefined) return day(Number(dmy[3]), month, Number(dmy[1]));
  }
  return null;
}
