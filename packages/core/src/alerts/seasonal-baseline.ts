/**
 * The seasonal baseline: how many mentions an hour usually brings, from the same hour of the
 * week in previous weeks and the same hour of the day in the previous days. A Tuesday 09:00 is
 * compared with Tuesdays 09:00 (weekly rhythm) and, with half the weight, with 09:00 of the last
 * seven days (enough samples while history is short). The largest sample is dropped, so that a
 * past episode does not raise the bar for the next one.
 */
import { DAY_MS, HOUR_MS, WEEK_MS } from './time-buckets';

/** Hourly counts by bucket start; undefined before the history starts. */
export type HourlyCounts = (hourStartMs: number) => number;

export interface BaselineOptions {
  /** Before this instant nothing was watched: those hours are unknown, not zero. */
  historyStartMs: number;
  /** Fewest samples needed; below it, no baseline (warm-up). Default 3. */
  minSamples?: number;
  /** Start of the hourly bucket holding an instant (default: UTC hours; pass the rollup's zone alignment for half-hour zones). */
  alignHour?: (ms: number) => number;
}

/**
 * Expected count for the hour starting at `hourStartMs`, or undefined during warm-up.
 *
 * @example
 * expectedHourlyCount((h) => counts.get(h) ?? 0, hourStart, { historyStartMs }); // e.g. 1.6
 */
export function expectedHourlyCount(counts: HourlyCounts, hourStartMs: number, options: BaselineOptions): number | undefined {
  const samples: { value: number; weight: number }[] = [];
  for (let week = 1; week <= 4; week += 1) {
    const at = hourStartMs - week * WEEK_MS;
    if (at >= options.historyStartMs) samples.push({ value: counts(at), weight: 2 });
  }
  for (let day = 1; day <= 7; day += 1) {
    if (day === 7) continue; // the same hour a week ago is already a weekly sample
    const at = hourStartMs - day * DAY_MS;
    if (at >= options.historyStartMs) samples.push({ value: counts(at), weight: 1 });
  }
  if (samples.length < (options.minSamples ?? 3)) return undefined;
  if (samples.length >= 4) {
    let top = 0;
    samples.forEach((s, i) => {
      if (s.value > (samples[top]?.value ?? 0)) top = i;
    });
    samples.splice(top, 1);
  }
  const weight = samples.reduce((sum, s) => sum + s.weight, 0);
  const mean = samples.reduce((sum, s) => sum + s.value * s.weight, 0) / weight;
  // An hour that was always silent still has a small chance of a mention.
  return Math.max(mean, 0.05);
}

/**
 * Expected count over [fromMs, toMs) by summing the hourly expectations pro rata.
 *
 * @example
 * expectedCount(counts, now - 30 * MINUTE_MS, now, { historyStartMs }); // e.g. 0.8
 */
export function expectedCount(counts: HourlyCounts, fromMs: number, toMs: number, options: BaselineOptions): number | undefined {
  let total = 0;
  const align = options.alignHour ?? ((ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS);
  for (let hour = align(fromMs); hour < toMs; hour += HOUR_MS) {
    const expected = expectedHourlyCount(counts, hour, options);
    if (expected === undefined) return undefined;
    const overlap = Math.min(toMs, hour + HOUR_MS) - Math.max(fromMs, hour);
    total += (expected * overlap) / HOUR_MS;
  }
  return total;
}
