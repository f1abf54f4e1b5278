/**
 * "2 h ago" for recent times, the date itself for older ones, always inside a <time> whose title and
 * datetime give the full date, so the exact moment is one hover (or one screen-reader query) away.
 */
import { useEffect, useState } from 'react';
import { formatInterfaceDate } from '../../shared/format-date.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Date-only times ("2025-03-11") count from noon UTC, as formatInterfaceDate shows them. */
function instant(iso: string): number {
  return new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).getTime();
}

export function relativeTime(iso: string, now: number): string {
  const at = instant(iso);
  if (Number.isNaN(at)) return iso;
  const ago = now - at;
  const dateOnly = iso.length === 10;
  // A little in the future is clock skew between outlets and this device, not a forecast.
  if (ago < -5 * MINUTE || ago >= 7 * DAY) return formatInterfaceDate(iso);
  if (dateOnly) {
    const days = Math.floor(now / DAY) - Math.floor(at / DAY);
    return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
  }
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
  const days = Math.floor(ago / DAY);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** The current time, refreshed every minute while mounted, so "just now" does not stay just now. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function RelativeTime({ iso }: { iso: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatInterfaceDate(iso)}>
      {relativeTime(iso, now)}
    </time>
  );
}
