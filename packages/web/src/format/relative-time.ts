const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * "il y a 5 minutes" / "5 minutes ago": the largest whole unit between `iso` and `now`.
 *
 * @example
 * formatRelativeTime('2026-11-26T10:00:00Z', 'fr', new Date('2026-11-26T10:05:00Z')); // 'il y a 5 minutes'
 */
export function formatRelativeTime(iso: string, locale: string, now: Date = new Date()): string {
  let seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  if (Number.isNaN(seconds)) return '';
  // Clocks of networks and of this machine differ a little: a date just ahead reads "now", not "in 5 seconds".
  if (seconds > 0 && seconds < 60) seconds = 0;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return format.format(Math.trunc(seconds / size), unit);
  }
  return '';
}

/** Full localised date and time, for the `title` tooltip next to a relative time. */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
