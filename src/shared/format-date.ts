/**
 * Dates for people: "11 March 2025", in the given locale (the article's language, or the reader's).
 * Shared so the app and the pre-rendered pages show the same words.
 */

export function formatDate(iso: string, locale?: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(iso.length > 10 ? { hour: 'numeric', minute: '2-digit' } : { timeZone: 'UTC' }),
  }).format(date);
}
