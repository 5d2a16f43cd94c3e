import { describe, expect, it } from 'vitest';
import { createRateLimit } from './rate-limit';
import { createRouteAccess } from './route-access';

describe('sliding-window rate limit', () => {
  it('allows the limit in any window, then says how long to wait until the oldest request leaves it', () => {
    let now = 0;
    const limit = createRateLimit({ limit: 3, windowMs: 60_000, now: () => now });
    expect([limit.hit('a'), limit.hit('a')].every((v) => v.allowed)).toBe(true);
    now = 30_000;
    expect(limit.hit('a').allowed).toBe(true);
    expect(limit.hit('a')).toEqual({ allowed: false, retryAfterMs: 30_000 });
    expect(limit.hit('b').allowed).toBe(true); // keys are independent
    now = 60_001; // the first two left the window
    expect(limit.hit('a').allowed).toBe(true);
    expect(limit.hit('a').allowed).toBe(true);
    expect(limit.hit('a').allowed).toBe(false);
    limit.reset('a');
    expect(limit.hit('a').allowed).toBe(true);
  });

  it('keeps memory bounded under a flood of keys', () => {
    const limit = createRateLimit({ limit: 1, windowMs: 60_000, maxKeys: 100 });
    for (let i = 0; i < 1000; i += 1) limit.hit(`ip-${i}`);
    expect(limit.size).toBe(100);
  });
});

describe('route table lookup', () => {
  const lookup = createRouteAccess({ 'GET /api/mentions/stream': 'read', 'GET /api/mentions/:id': 'read', 'DELETE /api/topics/:id': 'configure', 'GET /api/health': 'public' });

  it('matches like the app: parameters, the most literal entry first, HEAD as GET', () => {
    expect(lookup('GET', '/api/mentions/stream')?.key).toBe('GET /api/mentions/stream');
    expect(lookup('GET', '/api/mentions/m1')?.key).toBe('GET /api/mentions/:id');
    expect(lookup('DELETE', '/api/topics/t1')).toEqual({ key: 'DELETE /api/topics/:id', access: 'configure' });
    expect(lookup('HEAD', '/api/health')?.access).toBe('public');
  });

  it('finds nothing for another method or an unknown path', () => {
    expect(lookup('POST', '/api/health')).toBeUndefined();
    expect(lookup('GET', '/api/topics/t1')).toBeUndefined();
    expect(lookup('GET', '/api/mentions/m1/extra')).toBeUndefined();
  });
});
