/**
 * What "low", "normal" and "high" sensitivity mean for each detector, in one table so the
 * documentation (docs/alerts.md) and the code cannot drift apart. High sensitivity fires earlier
 * and on smaller numbers, at the price of more false alarms.
 */
export const SENSITIVITIES = ['low', 'normal', 'high'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export interface DetectorThresholds {
  /** Volume spike: tail probability under the negative binomial below which a window is abnormal. */
  spikeAlpha: number;
  /** Volume spike: fewest mentions in the window, whatever the probability. */
  spikeMinCount: number;
  /** Volume spike: observed / expected at least this. */
  spikeMinRatio: number;
  /** Negative surge: fewest negative mentions in the last hour. */
  negativeMinCount: number;
  /** Negative surge: the negative share must exceed the usual share by this many points. */
  negativeShareLift: number;
  negativeAlpha: number;
  /** High-reach author: estimated reach of one mention at least this… */
  highReachMin: number;
  /** …and this many times the usual reach of the scope's mentions (median of the last 24 hours). */
  highReachFactor: number;
  /** Fast spread: reposts/replies/quotes of one post in the last 30 minutes. */
  spreadMinChildren: number;
  /** Fast spread: the last 30 minutes must bring this many times the 30 minutes before. */
  spreadAcceleration: number;
  /** Rising term: occurrences in the last hour, and distinct authors using it. */
  termMinCount: number;
  termMinAuthors: number;
  /** Rising term: frequency in the last hour over the frequency in the previous 7 days. */
  termMinLift: number;
}

/** @example THRESHOLDS.normal.spikeMinCount; // 8 */
export const THRESHOLDS: Record<Sensitivity, DetectorThresholds> = {
  low: {
    spikeAlpha: 1e-7, spikeMinCount: 15, spikeMinRatio: 4,
    negativeMinCount: 10, negativeShareLift: 0.3, negativeAlpha: 1e-6,
    highReachMin: 1_000_000, highReachFactor: 50,
    spreadMinChildren: 20, spreadAcceleration: 3,
    termMinCount: 12, termMinAuthors: 5, termMinLift: 15,
  },
  normal: {
    spikeAlpha: 1e-5, spikeMinCount: 10, spikeMinRatio: 3,
    negativeMinCount: 7, negativeShareLift: 0.25, negativeAlpha: 1e-4,
    highReachMin: 200_000, highReachFactor: 20,
    spreadMinChildren: 10, spreadAcceleration: 2,
    termMinCount: 8, termMinAuthors: 4, termMinLift: 10,
  },
  high: {
    spikeAlpha: 1e-3, spikeMinCount: 6, spikeMinRatio: 2,
    negativeMinCount: 5, negativeShareLift: 0.2, negativeAlpha: 1e-3,
    highReachMin: 50_000, highReachFactor: 10,
    spreadMinChildren: 6, spreadAcceleration: 1.5,
    termMinCount: 5, termMinAuthors: 3, termMinLift: 6,
  },
};

/** Overdispersion of hourly chatter (variance = mean + mean² / size), fitted loosely on the demo month. */
export const CHATTER_DISPERSION = 4;
