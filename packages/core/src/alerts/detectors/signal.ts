import type { AlertScope, LocalizedText } from '../alert-point';

export const DETECTOR_KINDS = ['volume_spike', 'negative_surge', 'high_reach_author', 'fast_spread', 'rising_term'] as const;
/** The five detectors; a rule picks some of them. */
export type DetectorKind = (typeof DETECTOR_KINDS)[number];

/**
 * One thing a detector noticed at one evaluation. Signals are grouped into episodes.
 *
 * @example
 * { detector: 'volume_spike', scope: { kind: 'topic', id: 't1' }, at: '…T08:55:00.000Z', since: '…T08:40:00.000Z',
 *   observed: 31, expected: 0.6, strength: 24.1, summary: { fr: '31 mentions en 30 min…', en: '31 mentions in 30 min…' } }
 */
export interface Signal {
  detector: DetectorKind;
  scope: AlertScope;
  /** Evaluation time (ISO). */
  at: string;
  /** Since when the anomaly seems to run (ISO): the estimated onset. */
  since: string;
  observed: number;
  expected: number;
  /** How far from normal: −log10 of the tail probability, or a ratio for detectors without one. */
  strength: number;
  summary: LocalizedText;
  /** The post concerned (fast spread, high-reach author). */
  postId?: string;
  authorHandle?: string;
  term?: string;
}

/** Detectors that on their own mean "a lot more is being said": they may open an episode alone. */
export const VOLUME_DETECTORS: readonly DetectorKind[] = ['volume_spike', 'negative_surge'];
