/**
 * Paris wall-clock time for the demo: the fictional brand is French, so its audience posts by
 * Paris hours (more by day than at night, less at the weekend), daylight saving time included.
 */

const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Paris calendar parts of an instant; `weekday` 0 = Sunday … 6 = Saturday. */
export interface ParisParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

/** @example parisParts(Date.parse('2026-07-01T12:00:00Z')).hour; // 14 (summer time) */
export function parisParts(ms: number): ParisParts {
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(ms))) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** Offset of Paris from UTC at that instant, in ms (1 h in winter, 2 h in summer). */
function parisOffsetMs(ms: number): number {
  const p = parisParts(ms);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return wall - Math.floor(ms / 60_000) * 60_000;
}

/**
 * The instant at `hour:minute` Paris time, `daysAgo` calendar days before the Paris date of `ms`.
 *
 * @example
 * parisWallTime(Date.parse('2026-11-26T04:00:00Z'), 9, 8, 40); // 2026-11-17T07:40:00.000Z
 */
export function parisWallTime(ms: number, daysAgo: number, hour: number, minute: number): number {
  const today = parisParts(ms);
  const wall = Date.UTC(today.year, today.month - 1, today.day - daysAgo, hour, minute);
  const guess = wall - parisOffsetMs(wall);
  return wall - parisOffsetMs(guess);
}

/**
 * Start of the UTC hour: the demo is the same for every `now` within one hour.
 *
 * @example
 * new Date(floorToHour(Date.parse('2026-11-26T04:59:59Z'))).toISOString(); // '2026-11-26T04:00:00.000Z'
 */
export function floorToHour(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

export { HOUR_MS };
