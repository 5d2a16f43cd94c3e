import { describe, expect, it } from 'vitest';
import { initialHealth, MAX_BACKOFF_MS, nextHealth } from './source-schedule';

const now = new Date('2026-11-20T10:00:00.000Z');
const minutesAfter = (iso: string) => (Date.parse(iso) - now.getTime()) / 60_000;

describe('source schedule', () => {
  it('polls again one interval after a success and clears failures', () => {
    const failing = { ...initialHealth(now), status: 'failing' as const, consecutiveFailures: 3, lastError: { code: 'not_found', message: 'HTTP 404' } };
    const health = nextHealth(failing, { ok: true, durationMs: 120, counts: { fetched: 10, inserted: 4, skipped: 1 } }, 900, now);
    expect(health.status).toBe('ok');
    expect(health.consecutiveFailures).toBe(0);
    expect(health.lastSuccessAt).toBe(now.toISOString());
    expect(minutesAfter(health.nextRunAt)).toBe(15);
    expect(health.lastRun).toEqual({ fetched: 10, inserted: 4, skipped: 1, durationMs: 120 });
    expect(health.lastError).toEqual(failing.lastError);
  });

  it('backs off exponentially on consecutive failures, up to a cap', () => {
    let health = initialHealth(now);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      health = nextHealth(health, { ok: false, error: { code: 'upstream_unavailable', message: 'HTTP 503' }, durationMs: 5 }, 300, now);
      waits.push(minutesAfter(health.nextRunAt));
    }
    expect(waits.slice(0, 4)).toEqual([10, 20, 40, 80]);
    expect(Math.max(...waits)).toBe(MAX_BACKOFF_MS / 60_000);
    expect(health.status).toBe('failing');
    expect(health.consecutiveFailures).toBe(12);
    expect(health.lastError?.message).toBe('HTTP 503');
  });

  it('never polls sooner than Retry-After asks', () => {
    const health = nextHealth(initialHealth(now), { ok: false, error: { code: 'rate_limited', message: '429' }, retryAfterMs: 3 * 3_600_000, durationMs: 1 }, 300, now);
    expect(minutesAfter(health.nextRunAt)).toBe(180);
  });

  it('marks a source whose credentials expired as needing re-authorisation', () => {
    const health = nextHealth(initialHealth(now), { ok: false, needsReauth: true, error: { code: 'auth_expired', message: 'token expired' }, durationMs: 1 }, 300, now);
    expect(health.status).toBe('needs_reauth');
  });
});
