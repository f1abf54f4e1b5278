import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/shared/format-date.ts';

describe('formatDate', () => {
  it('writes a date-only time as the day it names, in the given locale', () => {
    expect(formatDate('2025-03-11', 'en-GB')).toBe('11 March 2025');
    expect(formatDate('2025-03-11', 'de')).toBe('11. März 2025');
    expect(formatDate('2025-03-11', 'en-GB')).toBe('11 March 2025');
  });

  it('keeps each locale and kind apart when it reuses formats', () => {
    const withTime = '2025-03-11T09:05:00Z';
    const expected = new Intl.DateTimeFormat('fr', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(withTime));
    expect(formatDate(withTime, 'fr')).toBe(expected);
    expect(formatDate('2025-03-11', 'fr')).toBe('11 mars 2025');
    expect(formatDate(withTime, 'fr')).toBe(expected);
  });

  it('gives back text that is not a date unchanged', () => {
    expect(formatDate('last Tuesday', 'en')).toBe('last Tuesday');
  });
});
