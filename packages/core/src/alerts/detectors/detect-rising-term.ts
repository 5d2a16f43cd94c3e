/**
 * Rising term: a word used in the last hour by several authors, far more often (relative to the
 * volume) than in the previous 7 days of the same scope — "batterie", "rappel", "#OndineGate".
 * The lift uses add-one smoothing so a word never seen before is rising, not infinitely so.
 */
import type { AlertScope } from '../alert-point';
import { THRESHOLDS, type Sensitivity } from '../sensitivity';
import type { Signal } from './signal';

export interface TermWindow {
  /** term → occurrences (one per post) and distinct authors in the last hour. */
  terms: ReadonlyMap<string, { count: number; authors: number }>;
  /** Posts in the last hour. */
  total: number;
}

export interface RisingTermInput {
  scope: AlertScope;
  now: number;
  window: TermWindow;
  /** term → posts using it over the previous 7 days, and the number of posts then. */
  history: { terms: ReadonlyMap<string, number>; total: number };
  /** Terms that name the scope itself (its query words) never "rise". */
  ignore?: ReadonlySet<string>;
  sensitivity: Sensitivity;
}

/** Lift of a term: frequency now over the smoothed frequency before. */
export function termLift(count: number, total: number, before: number, beforeTotal: number): number {
  return count / Math.max(1, total) / ((before + 1) / (beforeTotal + 50));
}

/**
 * @example
 * detectRisingTerm({ scope, now, window, history, sensitivity: 'normal' }); // Signal { term: 'batterie', … }
 */
export function detectRisingTerm(input: RisingTermInput): Signal | undefined {
  const t = THRESHOLDS[input.sensitivity];
  let best: { term: string; count: number; lift: number; before: number } | undefined;
  for (const [term, { count, authors }] of input.window.terms) {
    if (count < t.termMinCount || authors < t.termMinAuthors || input.ignore?.has(term)) continue;
    const before = input.history.terms.get(term) ?? 0;
    const lift = termLift(count, input.window.total, before, input.history.total);
    if (lift < t.termMinLift) continue;
    if (!best || lift * count > best.lift * best.count) best = { term, count, lift, before };
  }
  if (!best) return undefined;
  const lift = Math.round(best.lift);
  return {
    detector: 'rising_term',
    scope: input.scope,
    at: new Date(input.now).toISOString(),
    since: new Date(input.now - 3_600_000).toISOString(),
    observed: best.count,
    expected: best.before,
    strength: best.lift,
    term: best.term,
    summary: {
      fr: `Le terme « ${best.term} » monte : ${best.count} mentions en 1 h, ${lift} fois sa fréquence habituelle`,
      en: `The term "${best.term}" is rising: ${best.count} mentions in 1 h, ${lift}× its usual frequency`,
    },
  };
}
