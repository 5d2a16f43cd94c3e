/**
 * Tail probabilities of count models, so that "9 mentions where 0.4 were expected" becomes a
 * probability and small numbers behave: a jump from 0 to 2 is not a 200 % rise, it is likely noise.
 * Poisson when counts are plain random arrivals; negative binomial when they are overdispersed
 * (social chatter comes in bursts, so its variance exceeds its mean).
 */

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, ~15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = 0.99999999999980993;
  const t = z + 7.5;
  for (let i = 0; i < LANCZOS.length; i += 1) a += (LANCZOS[i] ?? 0) / (z + i + 1);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Sums a probability mass function below k, in log space to stay exact far in the tail. */
function upperTail(k: number, logPmf: (i: number) => number): number {
  if (k <= 0) return 1;
  let below = 0;
  for (let i = 0; i < k; i += 1) below += Math.exp(logPmf(i));
  if (below < 0.9) return Math.max(0, 1 - below);
  // Close to 1: sum the tail directly instead of subtracting two nearly equal numbers.
  let tail = 0;
  for (let i = k; i < k + 10_000; i += 1) {
    const term = Math.exp(logPmf(i));
    tail += term;
    if (i > k + 20 && term < tail * 1e-16) break;
  }
  return Math.min(1, tail);
}

/**
 * P(X ≥ k) for X ~ Poisson(mean).
 *
 * @example
 * poissonTail(9, 0.4); // ≈ 5e-10 — nine mentions where 0.4 were expected is not chance
 * poissonTail(2, 1);   // ≈ 0.26 — two where one was expected is
 */
export function poissonTail(k: number, mean: number): number {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  const logMean = Math.log(mean);
  return upperTail(k, (i) => i * logMean - mean - logGamma(i + 1));
}

/**
 * P(X ≥ k) for X negative binomial with the given mean and dispersion `size` (variance =
 * mean + mean² / size). A smaller size means burstier counts; size → ∞ is Poisson.
 *
 * @example
 * negBinomialTail(9, 0.4, 5); // ≈ 3.6e-8: still rare, less so than under Poisson
 */
export function negBinomialTail(k: number, mean: number, size: number): number {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  // Past a million times the mean the difference from Poisson is below float precision of ln Γ.
  if (!Number.isFinite(size) || size > 1e6 * Math.max(1, mean)) return poissonTail(k, mean);
  const p = size / (size + mean);
  const logP = Math.log(p);
  const logQ = Math.log(1 - p);
  const base = logGamma(size);
  return upperTail(k, (i) => logGamma(i + size) - base - logGamma(i + 1) + size * logP + i * logQ);
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p): "this many negatives out of n, when a share p is usual".
 *
 * @example
 * binomialTail(8, 10, 0.2); // ≈ 7.8e-5
 */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n || p <= 0) return 0;
  if (p >= 1) return 1;
  const logP = Math.log(p);
  const logQ = Math.log(1 - p);
  const logN = logGamma(n + 1);
  let tail = 0;
  for (let i = k; i <= n; i += 1) tail += Math.exp(logN - logGamma(i + 1) - logGamma(n - i + 1) + i * logP + (n - i) * logQ);
  return Math.min(1, tail);
}
