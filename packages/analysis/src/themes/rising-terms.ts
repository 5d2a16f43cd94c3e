/**
 * Terms rising against their baseline: document frequency in the current period compared with a
 * baseline period by Dunning's log-likelihood ratio (G², sound on small counts where a plain ratio
 * explodes), with a smoothed rate ratio for display and a minimum count so that one post is no trend.
 */
import { countTerms, displayForm, type TermCounts, type TermKind } from './count-terms';
import { isCounts, isSubsumed } from './extract-key-terms';

export interface RisingTerm {
  term: string;
  key: string;
  kind: TermKind;
  /** Documents containing the term, now and in the baseline. */
  current: number;
  baseline: number;
  /** Smoothed ratio of the document rates, current / baseline. */
  ratio: number;
  /** G² log-likelihood: 3.84 ≈ p < 0.05, 10.83 ≈ p < 0.001. */
  score: number;
}

export interface RisingOptions {
  lang?: string;
  /** Documents a term needs in the current period (default 3). */
  minCount?: number;
  /** Smoothed ratio to reach (default 1.5). */
  minRatio?: number;
  /** G² to reach (default 3.84, p < 0.05). */
  minScore?: number;
  /** Added to every count so unseen terms have a finite ratio (default 1). */
  smoothing?: number;
  limit?: number;
}

/**
 * Compares two periods (texts or counts from `countTerms`). With an empty baseline nothing can be
 * said to rise, and the answer is empty: use `extractKeyTerms` instead.
 *
 * @example
 * risingTerms(todayTexts, lastMonthTexts, { lang: 'fr' })
 * // → [{ term: 'panne', current: 40, baseline: 3, ratio: 12.4, score: 96.2, … }]
 */
export function risingTerms(current: Iterable<string> | TermCounts, baseline: Iterable<string> | TermCounts, options: RisingOptions = {}): RisingTerm[] {
  const now = isCounts(current) ? current : countTerms(current, { lang: options.lang });
  const before = isCounts(baseline) ? baseline : countTerms(baseline, { lang: options.lang });
  const minCount = options.minCount ?? 3;
  const minRatio = options.minRatio ?? 1.5;
  const minScore = options.minScore ?? 3.84;
  const alpha = options.smoothing ?? 1;
  if (now.documents === 0 || before.documents === 0) return [];
  const out: RisingTerm[] = [];
  for (const term of now.terms.values()) {
    const a = term.documents;
    if (a < minCount) continue;
    const b = before.terms.get(term.key)?.documents ?? 0;
    const ratio = (a + alpha) / (now.documents + alpha) / ((b + alpha) / (before.documents + alpha));
    if (a / now.documents <= b / before.documents || ratio < minRatio) continue;
    const score = logLikelihood(a, now.documents, b, before.documents);
    if (score < minScore) continue;
    out.push({ term: displayForm(term.forms), key: term.key, kind: term.kind, current: a, baseline: b, ratio: round(ratio), score: round(score) });
  }
  const phrases = out.filter((t) => t.kind === 'phrase').map((t) => ({ key: t.key, documents: t.current }));
  return out
    .filter((t) => t.kind !== 'word' || !isSubsumed({ key: t.key, documents: t.current }, phrases))
    .sort((x, y) => y.score - x.score || y.current - x.current)
    .slice(0, options.limit ?? 20);
}

/**
 * Dunning's G² for "a of n documents now, b of m before" (2×2 table, all four cells).
 *
 * @example
 * logLikelihood(10, 100, 10, 100) // → 0
 */
export function logLikelihood(a: number, n: number, b: number, m: number): number {
  const total = n + m;
  const withTerm = a + b;
  const cells: Array<[number, number]> = [
    [a, (n * withTerm) / total],
    [b, (m * withTerm) / total],
    [n - a, (n * (total - withTerm)) / total],
    [m - b, (m * (total - withTerm)) / total],
  ];
  let sum = 0;
  for (const [observed, expected] of cells) if (observed > 0 && expected > 0) sum += observed * Math.log(observed / expected);
  return Math.max(0, 2 * sum);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
