import { describe, expect, it } from 'vitest';
import { formatDate, formatInterfaceDate } from '../../src/shared/format-date.ts';

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

describe('formatInterfaceDate', () => {
  it("writes dates and times as Intl's en-GB does, in the reader's time zone", () => {
    const withTime = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
    const dateOnly = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    // Every month, first and last days, midnight, noon and a minute before midnight, a leap day.
    for (let month = 0; month < 12; month++) {
      for (const day of [1, 28]) {
        for (const [hour, minute] of [
          [0, 0],
          [9, 5],
          [12, 30],
          [23, 59],
        ] as const) {
          const at = new Date(2025, month, day, hour, minute);
          expect(formatInterfaceDate(at.toISOString())).toBe(withTime.format(at));
        }
        const iso = `2025-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        expect(formatInterfaceDate(iso)).toBe(dateOnly.format(new Date(`${iso}T12:00:00Z`)));
      }
    }
    expect(formatInterfaceDate('2024-02-29')).toBe('29 February 2024');
    expect(formatInterfaceDate('2025-03-11T09:05:00Z')).toBe(withTime.format(new Date('2025-03-11T09:05:00Z')));
  });

  it('gives back text that is not a date unchanged', () => {
    expect(formatInterfaceDate('last Tuesday')).toBe('last Tuesday');
    expect(formatInterfaceDate('2025-13-45')).toBe('2025-13-45');
  });
});
