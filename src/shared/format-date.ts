/**
 * Dates for people: "11 March 2025". An article's own date is written in its language (formatDate, through
 * Intl); dates in the interface's lists are written in the interface's language, English, as its other words
 * ("2 h ago", "yesterday") are (formatInterfaceDate, without Intl). Shared so the app and the pre-rendered
 * pages show the same words.
 */

/**
 * Making an Intl.DateTimeFormat costs far more than using one (at 10k articles the build spent 1.9 s
 * making them), so each locale's two formats are made once.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(locale: string | undefined, withTime: boolean): Intl.DateTimeFormat {
  const key = `${withTime ? 't' : 'd'}${locale ?? ''}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(withTime ? { hour: 'numeric', minute: '2-digit' } : { timeZone: 'UTC' }),
    });
    formats.set(key, format);
  }
  return format;
}

export function formatDate(iso: string, locale?: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatFor(locale, iso.length > 10).format(date);
}

/** The months' English names, January first (the bench's corpus generator writes datelines with them too). */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * A date in the interface's English, as Intl's en-GB writes it: "11 March 2025", and for a time of day
 * "11 March 2025 at 9:05" in the reader's time zone. Written by hand because the first use of Intl in a page
 * starts its locale data, one task of 106–289 ms on a phone-speed CPU (the first DateTimeFormat in Chromium at 4× slowdown, measured):
 * the story list, whose every row shows a date, would block the reader for that long while it first renders.
 */
export function formatInterfaceDate(iso: string): string {
  const dateOnly = iso.length === 10;
  const date = new Date(dateOnly ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (dateOnly) return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  const minutes = String(date.getMinutes()).padStart(2, '0');
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()} at ${date.getHours()}:${minutes}`;
}
