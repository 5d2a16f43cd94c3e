/**
 * YouTube Data API quotas reset at midnight Pacific Time
 * (https://developers.google.com/youtube/v3/getting-started#quota). Pure.
 */

const PACIFIC = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });

/** The wall-clock time in Los Angeles at `at`, read as if it were UTC (to get the offset). */
function pacificWallAsUtc(at: Date): number {
  const parts = Object.fromEntries(PACIFIC.formatToParts(at).map((part) => [part.type, part.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

/**
 * The next midnight in America/Los_Angeles, daylight saving included.
 *
 * @example
 * nextPacificMidnight(new Date('2026-11-26T12:00:00Z')).toISOString(); // '2026-11-27T08:00:00.000Z' (PST, UTC−8)
 */
export function nextPacificMidnight(now: Date): Date {
  const wall = new Date(pacificWallAsUtc(now));
  const midnightWall = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + 1);
  // The offset at midnight may differ from now's (a daylight-saving switch that night): take it there.
  const guess = midnightWall - (pacificWallAsUtc(now) - now.getTime());
  return new Date(midnightWall - (pacificWallAsUtc(new Date(guess)) - guess));
}
