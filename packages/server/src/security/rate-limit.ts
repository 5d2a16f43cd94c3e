/**
 * In-memory sliding-window rate limits (per process: two Vigie processes behind one address each
 * count on their own — docs/security.md). A key may make `limit` requests in any window of
 * `windowMs`; the next one is refused with the time until the oldest counted request leaves the window.
 */
export interface RateLimit {
  /** Counts one request for the key; `retryAfterMs` when it is over the limit (the refused request is not counted). */
  hit(key: string): { allowed: true } | { allowed: false; retryAfterMs: number };
  /** Forgets a key (e.g. after a successful sign-in). */
  reset(key: string): void;
  readonly size: number;
}

export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
  /** Keys kept at most; beyond it the ones idle longest go first (memory stays bounded under a flood of addresses). */
  maxKeys?: number;
}

/**
 * @example
 * const signIn = createRateLimit({ limit: 10, windowMs: 15 * 60_000 });
 * const verdict = signIn.hit(ip); // { allowed: false, retryAfterMs: 840000 } on the 11th try
 */
export function createRateLimit(options: RateLimitOptions): RateLimit {
  const now = options.now ?? (() => Date.now());
  const maxKeys = options.maxKeys ?? 100_000;
  // Timestamps of the counted requests per key, oldest first. A Map keeps insertion order: re-inserting on use makes it an LRU.
  const hits = new Map<string, number[]>();

  return {
    hit(key) {
      const at = now();
      const since = at - options.windowMs;
      const times = (hits.get(key) ?? []).filter((t) => t > since);
      hits.delete(key);
      if (times.length >= options.limit) {
        hits.set(key, times);
        return { allowed: false, retryAfterMs: Math.max(1, times[0]! + options.windowMs - at) };
      }
      times.push(at);
      hits.set(key, times);
      while (hits.size > maxKeys) {
        const oldest = hits.keys().next().value;
        if (oldest === undefined) break;
        hits.delete(oldest);
      }
      return { allowed: true };
    },
    reset(key) {
      hits.delete(key);
    },
    get size() {
      return hits.size;
    },
  };
}
