/**
 * Bucket arithmetic for rollups: 5-minute, hourly and daily buckets aligned on the wall clock of
 * a time zone (an hour bucket in Asia/Kolkata starts at :00 local, i.e. :30 UTC; a day bucket in
 * Europe/Paris starts at local midnight, which is 23:00 or 22:00 UTC depending on the season).
 * Uses Intl only (no node:*), with one cached formatter per zone.
 */
import { AppError } from '../errors';

export const GRANULARITIES = ['5m', '1h', '1d'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

const SIZE_MS: Record<Granularity, number> = { '5m': 5 * MINUTE_MS, '1h': HOUR_MS, '1d': DAY_MS };

/** @example granularityMs('5m'); // 300000 */
export function granularityMs(granularity: Granularity): number {
  return SIZE_MS[granularity];
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Offsets are constant for long stretches: remember them per zone and UTC 15-minute step. */
const offsetCache = new Map<string, number>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch (error) {
      throw new AppError('validation_failed', `Unknown time zone "${timeZone}" / fuseau horaire inconnu`, [
        { field: 'timeZone', message: error instanceof Error ? error.message : 'unknown time zone' },
      ]);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone. @example isTimeZone('Europe/Paris'); // true */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Offset of the zone's wall clock from UTC at an instant, in ms (Paris in winter: +3600000).
 *
 * @example
 * zoneOffsetMs(Date.parse('2026-07-01T12:00:00Z'), 'Europe/Paris'); // 7200000
 */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const step = Math.floor(ms / (15 * MINUTE_MS));
  const key = `${timeZone}|${step}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(step * 15 * MINUTE_MS))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  const offset = wall - step * 15 * MINUTE_MS;
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/**
 * Start (UTC ms) of the bucket holding `ms`, aligned on the zone's wall clock.
 *
 * @example
 * new Date(bucketStart(Date.parse('2026-11-17T07:43:10Z'), '5m', 'Europe/Paris')).toISOString(); // '2026-11-17T07:40:00.000Z'
 * new Date(bucketStart(Date.parse('2026-11-17T07:43:10Z'), '1d', 'Europe/Paris')).toISOString(); // '2026-11-16T23:00:00.000Z'
 */
export function bucketStart(ms: number, granularity: Granularity, timeZone = 'UTC'): number {
  const size = SIZE_MS[granularity];
  const offset = zoneOffsetMs(ms, timeZone);
  const start = ms - mod(ms + offset, size);
  if (granularity !== '1d') return start;
  // Local midnight may have another offset than `ms` (the day a clock changes).
  const startOffset = zoneOffsetMs(start, timeZone);
  const corrected = start + (offset - startOffset);
  return corrected > ms ? corrected - size : corrected;
}

/**
 * Hour of the week on the zone's wall clock: 0 = Monday 00:00–01:00 … 167 = Sunday 23:00.
 * The seasonal baseline compares an hour with the same hour of previous weeks.
 *
 * @example
 * hourOfWeek(Date.parse('2026-11-16T08:30:00Z'), 'Europe/Paris'); // 9 (Monday 09:30 in Paris)
 */
export function hourOfWeek(ms: number, timeZone = 'UTC'): number {
  const wall = ms + zoneOffsetMs(ms, timeZone);
  const day = (new Date(wall).getUTCDay() + 6) % 7;
  return day * 24 + new Date(wall).getUTCHours();
}

/** Minutes since local midnight. @example minuteOfDay(Date.parse('2026-11-16T08:30:00Z'), 'Europe/Paris'); // 570 */
export function minuteOfDay(ms: number, timeZone = 'UTC'): number {
  return Math.floor(mod(ms + zoneOffsetMs(ms, timeZone), DAY_MS) / MINUTE_MS);
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
