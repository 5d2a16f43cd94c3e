/**
 * Volume spike: the last 15, 30 or 60 minutes bring far more mentions than the seasonal baseline
 * expects, judged by a negative-binomial tail probability (so small numbers behave) and a
 * minimum count. Three windows: 15 minutes catches sharp onsets early, 60 minutes slow climbs.
 */
import type { AlertScope } from '../alert-point';
import { negBinomialTail } from '../count-model';
import { expectedCount, type BaselineOptions, type HourlyCounts } from '../seasonal-baseline';
import { CHATTER_DISPERSION, THRESHOLDS, type Sensitivity } from '../sensitivity';
import { MINUTE_MS } from '../time-buckets';
import type { Signal } from './signal';

export interface VolumeSpikeInput {
  scope: AlertScope;
  /** Evaluation instant (ms), normally a 5-minute boundary. */
  now: number;
  /** 5-minute counts by bucket start (0 when none). */
  fiveMinute: (startMs: number) => number;
  hourly: HourlyCounts;
  baseline: BaselineOptions;
  sensitivity: Sensitivity;
}

const WINDOWS_MIN = [15, 30, 60] as const;
const FIVE_MIN = 5 * MINUTE_MS;

/**
 * Walks back from `now` while 5-minute buckets stay well above their expectation (at least two
 * mentions and three times the baseline; one quieter bucket is tolerated): the onset.
 */
export function estimateOnset(input: Pick<VolumeSpikeInput, 'now' | 'fiveMinute' | 'hourly' | 'baseline'>, maxBackMs = 3 * 60 * MINUTE_MS): number {
  let onset = input.now - FIVE_MIN;
  let gap = 0;
  for (let start = input.now - FIVE_MIN; start >= input.now - maxBackMs; start -= FIVE_MIN) {
    const expected = expectedCount(input.hourly, start, start + FIVE_MIN, input.baseline) ?? 0;
    if (input.fiveMinute(start) >= Math.max(2, 3 * expected)) {
      onset = start;
      gap = 0;
    } else if (++gap > 1) break;
  }
  return onset;
}

/**
 * @example
 * detectVolumeSpike({ scope, now, fiveMinute, hourly, baseline: { historyStartMs }, sensitivity: 'normal' });
 * // → Signal { detector: 'volume_spike', observed: 31, expected: 0.6, … } or undefined
 */
export function detectVolumeSpike(input: VolumeSpikeInput): Signal | undefined {
  const t = THRESHOLDS[input.sensitivity];
  let best: { window: number; observed: number; expected: number; p: number } | undefined;
  for (const window of WINDOWS_MIN) {
    const from = input.now - window * MINUTE_MS;
    let observed = 0;
    for (let start = from; start < input.now; start += FIVE_MIN) observed += input.fiveMinute(start);
    if (observed < t.spikeMinCount) continue;
    const expected = expectedCount(input.hourly, from, input.now, input.baseline);
    if (expected === undefined) return undefined;
    if (observed < t.spikeMinRatio * expected) continue;
    const p = negBinomialTail(observed, expected, CHATTER_DISPERSION);
    if (p < t.spikeAlpha && (!best || p < best.p)) best = { window, observed, expected, p };
  }
  if (!best) return undefined;
  const since = estimateOnset(input);
  const expected = Math.round(best.expected * 10) / 10;
  return {
    detector: 'volume_spike',
    scope: input.scope,
    at: new Date(input.now).toISOString(),
    since: new Date(since).toISOString(),
    observed: best.observed,
    expected,
    strength: Math.min(300, -Math.log10(Math.max(best.p, 1e-300))),
    summary: {
      fr: `${best.observed} mentions en ${best.window} min (≈ ${formatFr(expected)} attendues)`,
      en: `${best.observed} mentions in ${best.window} min (≈ ${expected} expected)`,
    },
  };
}

/** French decimal comma. @example formatFr(0.6); // '0,6' */
export function formatFr(value: number): string {
  return String(value).replace('.', ',');
}
