import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './parse-retry-after';
import { errorFromStatus } from './error-from-status';

const now = new Date('2026-11-26T10:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
  });
  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Thu, 26 Nov 2026 10:01:30 GMT', now)).toBe(90_000);
  });
  it('never returns a negative delay for a past date', () => {
    expect(parseRetryAfter('Thu, 26 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('errorFromStatus', () => {
  it.each([
    [401, 'auth_expired'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [410, 'not_found'],
    [429, 'rate_limited'],
    [400, 'invalid_request'],
    [500, 'upstream_unavailable'],
    [503, 'upstream_unavailable'],
  ])('classifies HTTP %i as %s', (status, code) => {
    expect(errorFromStatus(status, 'https://x.example/feed')?.code).toBe(code);
  });
  it('writes a readable message naming the URL', () => {
    expect(errorFromStatus(404, 'https://x.example/feed')?.message).toBe('HTTP 404 from https://x.example/feed: the resource does not exist');
  });
  it('carries Retry-After on 429 and 503', () => {
    expect(errorFromStatus(429, 'https://x.example/', { 'retry-after': '30' }, now)?.retryAfterMs).toBe(30_000);
    expect(errorFromStatus(503, 'https://x.example/', { 'retry-after': '5' }, now)?.retryAfterMs).toBe(5_000);
  });
  it('is undefined for success and redirects', () => {
    expect(errorFromStatus(200, 'https://x.example/')).toBeUndefined();
    expect(errorFromStatus(304, 'https://x.example/')).toBeUndefined();
  });
});
