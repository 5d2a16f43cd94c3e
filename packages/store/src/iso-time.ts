import { AppError } from '@vigie/core';

/**
 * Timestamps are exchanged as ISO-8601 UTC strings with milliseconds. SQLite stores them as
 * text and compares them as text, so every value written or compared must have that one form.
 */

/** Reads a timestamp column (ISO text from SQLite, Date from PostgreSQL). */
export function toIso(value: string | Date): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/**
 * Normalises caller input to `YYYY-MM-DDTHH:mm:ss.sssZ`; `validation_failed` on `field` otherwise.
 *
 * @example
 * parseIsoTime('2026-11-20T10:00:00+01:00', 'since'); // '2026-11-20T09:00:00.000Z'
 */
export function parseIsoTime(value: string, field: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new AppError('validation_failed', `${field} is not an ISO-8601 date: ${value}`, [
      { field, message: 'expected an ISO-8601 date / date ISO-8601 attendue' },
    ]);
  }
  return new Date(time).toISOString();
}
