/**
 * The outbox's retry policy, pure: exponential backoff from 30 s doubling to a 6 h cap, with
 * jitter from a random source seeded by the notification (so a test, or two workers, compute the
 * same schedule), never sooner than the receiver's Retry-After, and a give-up after 12 attempts
 * (about 21 hours) — the entry then shows as dead, with its last error, in the UI.
 */
import { createHash } from 'node:crypto';

export interface OutboxPolicy {
  baseMs: number;
  capMs: number;
  maxAttempts: number;
}

export const OUTBOX_POLICY: OutboxPolicy = { baseMs: 30_000, capMs: 6 * 3_600_000, maxAttempts: 12 };

/**
 * When to try again after `attempts` failed attempts, or give up.
 *
 * @example
 * nextAttempt(1, 'HTTP 500', 0, () => 0.5); // { delayMs: 22500 }  (30 s × (0.5 + 0.5/2))
 * nextAttempt(3, 'HTTP 429', 120_000, () => 0); // { delayMs: 120000 }  (Retry-After wins)
 * nextAttempt(12, 'HTTP 500', 0, Math.random); // { giveUp: 'HTTP 500 (12 attempts)' }
 */
export function nextAttempt(attempts: number, lastError: string, retryAfterMs: number | undefined, random: () => number, policy: OutboxPolicy = OUTBOX_POLICY): { delayMs: number } | { giveUp: string } {
  if (attempts >= policy.maxAttempts) return { giveUp: `${lastError} (${attempts} attempts)` };
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  // "Equal jitter": half fixed, half random — spreads retries of a burst without ever retrying at once.
  const jittered = exponential / 2 + (exponential / 2) * random();
  return { delayMs: Math.round(Math.max(jittered, retryAfterMs ?? 0)) };
}

/**
 * A small seeded generator (mulberry32) for jitter.
 *
 * @example
 * const random = seededRandom('key-1'); random(); // same value for the same seed
 */
export function seededRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface IdempotencyParts {
  ruleId: string;
  episodeId: string;
  channel: string;
  recipient: string;
  revision: number;
}

/**
 * One key per (rule, episode, channel, recipient, revision): enqueueing the same event twice —
 * a worker restarted mid-evaluation — yields the same key, and the outbox keeps one entry.
 *
 * @example
 * idempotencyKey({ ruleId: 'r1', episodeId: 'e1', channel: 'email', recipient: 'cm@x.example', revision: 2 }); // 'ntf_3f9a…' (32 hex)
 */
export function idempotencyKey(parts: IdempotencyParts): string {
  const canonical = JSON.stringify([parts.ruleId, parts.episodeId, parts.channel, parts.recipient.toLowerCase(), parts.revision]);
  return `ntf_${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}
