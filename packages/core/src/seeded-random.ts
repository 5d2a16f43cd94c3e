/**
 * mulberry32: a tiny, fast, seedable pseudo-random generator. Everything in Vigie that must be
 * reproducible (model training, the demo data, property tests, benchmarks, retry jitter) draws
 * from it instead of Math.random.
 *
 * @example
 * const random = mulberry32(42);
 * random(); // the same number in [0, 1) on every run and every machine
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
