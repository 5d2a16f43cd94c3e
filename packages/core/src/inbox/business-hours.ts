/**
 * Business hours in a time zone: response-time targets only count the hours the team works.
 * Uses Intl for the zone's offsets (daylight saving included); no I/O.
 */

/** When the team works. Days are ISO weekdays (1 = Monday … 7 = Sunday); hours are local. */
export interface BusinessHours {
  /** IANA zone, e.g. `Europe/Paris`. */
  timeZone: string;
  days: readonly number[];
  /** Local start and end, `HH:MM`, end after start. */
  start: string;
  end: string;
}

/** Monday to Friday, 9:00–18:00, Paris time. */
export const DEFAULT_BUSINESS_HOURS: BusinessHours = { timeZone: 'Europe/Paris', days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of the zone at an instant, in ms (local − UTC). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return local - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant of a local wall time (ms since epoch as if UTC) in the zone. */
function instantOfLocal(localMs: number, timeZone: string): number {
  const guess = localMs - offsetAt(localMs, timeZone);
  return localMs - offsetAt(guess, timeZone);
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The working windows [start, end) in UTC ms of the local days around an instant, in order. */
function* windowsFrom(from: number, hours: BusinessHours): Generator<[number, number]> {
  const startMin = minutesOf(hours.start);
  const endMin = minutesOf(hours.end);
  const localFrom = from + offsetAt(from, hours.timeZone);
  let day = Math.floor(localFrom / DAY) * DAY;
  // A year without a single working day means the hours are misconfigured: stop rather than loop.
  for (let i = 0; i < 370; i += 1, day += DAY) {
    const weekday = ((new Date(day).getUTCDay() + 6) % 7) + 1;
    if (!hours.days.includes(weekday)) continue;
    const start = instantOfLocal(day + startMin * MINUTE, hours.timeZone);
    const end = instantOfLocal(day + endMin * MINUTE, hours.timeZone);
    if (end > from) yield [Math.max(start, from), end];
  }
}

/**
 * The instant `minutes` working minutes after `from`.
 *
 * @example
 * addBusinessMinutes(new Date('2026-11-27T16:00:00Z'), 120, DEFAULT_BUSINESS_HOURS) // Friday 17:00 Paris
 * // → 2026-11-30T09:00:00.000Z (Monday 10:00 Paris)
 */
export function addBusinessMinutes(from: Date, minutes: number, hours: BusinessHours = DEFAULT_BUSINESS_HOURS): Date {
  let left = minutes * MINUTE;
  for (const [start, end] of windowsFrom(from.getTime(), hours)) {
    if (end - start >= left) return new Date(start + left);
    left -= end - start;
  }
  return new Date(from.getTime() + minutes * MINUTE);
}

/**
 * Working minutes between two instants (0 when `to` is before `from`).
 *
 * @example
 * businessMinutesBetween(new Date('2026-11-27T16:00:00Z'), new Date('2026-11-30T09:00:00Z')) // → 120
 */
export function businessMinutesBetween(from: Date, to: Date, hours: BusinessHours = DEFAULT_BUSINESS_HOURS): number {
  const limit = to.getTime();
  let total = 0;
  for (const [start, end] of windowsFrom(from.getTime(), hours)) {
    if (start >= limit) break;
    total += Math.min(end, limit) - start;
  }
  return Math.round(total / MINUTE);
}
