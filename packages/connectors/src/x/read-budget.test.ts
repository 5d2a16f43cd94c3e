import { describe, expect, it } from 'vitest';
import { addReads, nextMonthStart, planPage, readBudgetStatus } from './read-budget';

const now = new Date('2026-11-26T12:00:00Z');

describe('x monthly read budget', () => {
  it('asks for full pages while there is room, then only what is left', () => {
    expect(planPage(10_000, undefined, now)).toBe(100);
    expect(planPage(10_000, { month: '2026-11', count: 9_950 }, now)).toBe(50);
    expect(planPage(10_000, { month: '2026-11', count: 9_990 }, now)).toBe(10);
  });

  it('refuses with rate_limited until the 1st of next month once fewer than 10 posts are left', () => {
    let error: unknown;
    try {
      planPage(10_000, { month: '2026-11', count: 9_995 }, now);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: Date.parse('2026-12-01T00:00:00Z') - now.getTime() });
    expect((error as Error).message).toMatch(/^monthly read budget of 10000 posts used up/);
  });

  it('starts again from zero in a new month, December to January included', () => {
    expect(planPage(100, { month: '2026-10', count: 100 }, now)).toBe(100);
    expect(nextMonthStart(new Date('2026-12-31T23:59:59Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(addReads({ month: '2026-11', count: 40 }, new Date('2026-12-01T00:00:00Z'), 7)).toEqual({ month: '2026-12', count: 7 });
  });

  it('reports what the UI shows', () => {
    expect(readBudgetStatus(10_000, { month: '2026-11', count: 9_500 }, now)).toEqual({ budget: 10_000, used: 9_500, remaining: 500, resetsAt: '2026-12-01T00:00:00.000Z' });
    expect(readBudgetStatus(100, { month: '2026-11', count: 140 }, now).remaining).toBe(0);
  });
});
