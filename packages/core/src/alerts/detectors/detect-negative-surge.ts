/**
 * Negative surge: in the last hour, negative mentions are both more numerous than usual (count,
 * negative-binomial tail against the baseline volume × the usual negative share) and a clearly
 * larger share of what is said (share lift). Both, so that a quiet topic with three grumpy posts
 * or a busy day with the usual share of complaints does not fire.
 */
import type { AlertScope } from '../alert-point';
import { negBinomialTail } from '../count-model';
import type { BucketFigures } from '../rollup';
import { expectedCount, type BaselineOptions, type HourlyCounts } from '../seasonal-baseline';
import { CHATTER_DISPERSION, THRESHOLDS, type Sensitivity } from '../sensitivity';
import { MINUTE_MS } from '../time-buckets';
import { formatFr } from './detect-volume-spike';
import type { Signal } from './signal';

export interface NegativeSurgeInput {
  scope: AlertScope;
  now: number;
  fiveMinute: (startMs: number) => BucketFigures;
  hourly: HourlyCounts;
  baseline: BaselineOptions;
  /** Negative share of the scope over the previous 7 days (0..1). */
  usualNegativeShare: number;
  sensitivity: Sensitivity;
}

const WINDOW_MS = 60 * MINUTE_MS;
const FIVE_MIN = 5 * MINUTE_MS;

/**
 * @example
 * detectNegativeSurge({ scope, now, fiveMinute, hourly, baseline, usualNegativeShare: 0.15, sensitivity: 'normal' });
 */
export function detectNegativeSurge(input: NegativeSurgeInput): Signal | undefined {
  const t = THRESHOLDS[input.sensitivity];
  let count = 0;
  let negative = 0;
  /** Start of the latest run of buckets with negatives (one empty bucket tolerated). */
  let firstNegative: number | undefined;
  let gap = 0;
  for (let start = input.now - FIVE_MIN; start >= input.now - WINDOW_MS; start -= FIVE_MIN) {
    const bucket = input.fiveMinute(start);
    count += bucket.count;
    negative += bucket.negative;
    if (gap <= 1) {
      if (bucket.negative > 0) {
        firstNegative = start;
        gap = 0;
      } else if (firstNegative !== undefined) gap += 1;
    }
  }
  if (negative < t.negativeMinCount) return undefined;
  const share = negative / count;
  // A prior of a few mentions keeps a topic with little history from having a 0 % or 100 % usual share.
  const usual = Math.min(0.95, Math.max(0.02, input.usualNegativeShare));
  if (share < usual + t.negativeShareLift) return undefined;
  const volume = expectedCount(input.hourly, input.now - WINDOW_MS, input.now, input.baseline);
  if (volume === undefined) return undefined;
  const expected = volume * usual;
  const p = negBinomialTail(negative, expected, CHATTER_DISPERSION);
  if (p >= t.negativeAlpha) return undefined;
  const pct = (x: number) => Math.round(x * 100);
  const rounded = Math.round(expected * 10) / 10;
  return {
    detector: 'negative_surge',
    scope: input.scope,
    at: new Date(input.now).toISOString(),
    since: new Date(firstNegative ?? input.now - WINDOW_MS).toISOString(),
    observed: negative,
    expected: rounded,
    strength: Math.min(300, -Math.log10(Math.max(p, 1e-300))),
    summary: {
      fr: `${negative} mentions négatives en 1 h (≈ ${formatFr(rounded)} attendues), ${pct(share)} % du volume contre ${pct(usual)} % d'habitude`,
      en: `${negative} negative mentions in 1 h (≈ ${rounded} expected), ${pct(share)} % of volume vs ${pct(usual)} % usually`,
    },
  };
}
