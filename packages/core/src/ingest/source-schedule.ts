import type { SourceHealth } from '../domain/source';

/** Longest wait between two polls of a failing source, whatever its interval. */
export const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;

export interface PollOutcome {
  ok: boolean;
  /** When failing: a stable code (ConnectorError code) and a readable message. */
  error?: { code: string; message: string };
  /** The upstream asked us to wait this long (Retry-After). */
  retryAfterMs?: number;
  /** Source must not be polled again until the user acts (expired credentials). */
  needsReauth?: boolean;
  counts?: { fetched: number; inserted: number; skipped: number };
  durationMs: number;
}

/**
 * Health after a poll. Failures back off exponentially from the polling interval (×2 per
 * consecutive failure, capped at MAX_BACKOFF_MS), never sooner than a Retry-After asks.
 *
 * @example
 * nextHealth(prev, { ok: false, error: { code: 'not_found', message: 'HTTP 404' }, durationMs: 80 }, 900, now)
 * // → status 'failing', consecutiveFailures + 1, nextRunAt = now + 30 min
 */
export function nextHealth(previous: SourceHealth, outcome: PollOutcome, intervalSec: number, now: Date): SourceHealth {
  const at = now.toISOString();
  const intervalMs = intervalSec * 1000;
  if (outcome.ok) {
    const waitMs = Math.max(intervalMs, outcome.retryAfterMs ?? 0);
    return {
      ...previous,
      status: 'ok',
      lastRunAt: at,
      lastSuccessAt: at,
      consecutiveFailures: 0,
      nextRunAt: new Date(now.getTime() + waitMs).toISOString(),
      lastRun: { ...(outcome.counts ?? { fetched: 0, inserted: 0, skipped: 0 }), durationMs: outcome.durationMs },
    };
  }
  const failures = previous.consecutiveFailures + 1;
  const backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(intervalMs, 60_000) * 2 ** Math.min(failures, 16));
  const waitMs = Math.max(backoffMs, outcome.retryAfterMs ?? 0);
  return {
    ...previous,
    status: outcome.needsReauth ? 'needs_reauth' : 'failing',
    lastRunAt: at,
    lastErrorAt: at,
    lastError: outcome.error ?? { code: 'upstream_unavailable', message: 'unknown error' },
    consecutiveFailures: failures,
    nextRunAt: new Date(now.getTime() + waitMs).toISOString(),
    lastRun: { ...(outcome.counts ?? { fetched: 0, inserted: 0, skipped: 0 }), durationMs: outcome.durationMs },
  };
}

/** Health of a source that has never run: due at once. */
export function initialHealth(now: Date): SourceHealth {
  return { status: 'pending', consecutiveFailures: 0, nextRunAt: now.toISOString() };
}
