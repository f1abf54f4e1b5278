/**
 * Dates for people: "11 March 2025", in the given locale (the article's language, or the reader's).
 * Shared so the app and the pre-rendered pages show the same words.
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
