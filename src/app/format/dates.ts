/** Dates for people: "11 March 2025", in the reader's locale. */

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
