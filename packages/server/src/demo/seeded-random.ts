/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the demo needs. The demo must
 * be reproducible — the alert tests of later issues replay the same data set — so nothing here
 * reads Math.random or the clock.
 */
import { mulberry32 } from '@vigie/core';

/**
 * FNV-1a over a string: turns labels such as `mastodon:fr:12` into stable 32-bit seeds.
 *
 * @example
 * hashSeed('mastodon:fr:12', 42) === hashSeed('mastodon:fr:12', 42); // true, on every run
 */
export function hashSeed(label: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i += 1) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] (both included). */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** Poisson count with the given mean (Knuth below 30, normal approximation above). */
  poisson(mean: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Pareto with scale `min` and tail index `alpha`: a heavy tail, like follower counts. */
  pareto(min: number, alpha: number): number;
}

/**
 * @example
 * const rng = createSeededRandom(42);
 * rng.int(1, 6); // the same value for the same seed, on every machine
 */
export function createSeededRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);

  function normal(): number {
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  return {
    next,
    normal,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick() from an empty list');
      return item;
    },
    weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
      const entries = Object.entries(weights) as [K, number][];
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [key, w] of entries) {
        r -= w;
        if (r < 0) return key;
      }
      const last = entries[entries.length - 1];
      if (!last) throw new RangeError('weighted() with no weights');
      return last[0];
    },
    exponential: (mean) => -mean * Math.log(1 - next()),
    poisson(mean: number): number {
      if (mean <= 0) return 0;
      if (mean >= 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k += 1;
        p *= next();
      }
      return k;
    },
    pareto: (min, alpha) => min / Math.pow(1 - next(), 1 / alpha),
  };
}
