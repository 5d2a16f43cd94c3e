/**
 * The monthly read budget of an X source. X bills every post a search returns, so Vigie caps each
 * page by what is left and refuses to poll once the month's budget is spent. Pure: the month's
 * usage comes from the source's state and the clock is passed in.
 */
import { ConnectorError } from '../connector-error';
import type { XReads } from './config';

/** X serves pages of 10 to 100 posts (`max_results`). */
export const MIN_PAGE = 10;
export const MAX_PAGE = 100;

/** `YYYY-MM` of a date, in UTC. */
export function monthOf(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/** Midnight UTC on the 1st of the month after `now`: when the budget starts again. */
export function nextMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/** This month's reads: a count from a past month no longer counts. */
export function readsThisMonth(reads: XReads | undefined, now: Date): XReads {
  const month = monthOf(now);
  return reads !== undefined && reads.month === month ? reads : { month, count: 0 };
}

/** What is left of the budget, for the UI (`used` of `budget`, reset on `resetsAt`). */
export interface ReadBudgetStatus {
  budget: number;
  used: number;
  remaining: number;
  resetsAt: string;
}

/**
 * @example
 * readBudgetStatus(10000, { month: '2026-11', count: 9500 }, new Date('2026-11-26T12:00:00Z'));
 * // { budget: 10000, used: 9500, remaining: 500, resetsAt: '2026-12-01T00:00:00.000Z' }
 */
export function readBudgetStatus(budget: number, reads: XReads | undefined, now: Date): ReadBudgetStatus {
  const used = readsThisMonth(reads, now).count;
  return { budget, used, remaining: Math.max(0, budget - used), resetsAt: nextMonthStart(now).toISOString() };
}

/**
 * The `max_results` of the next page, or a `rate_limited` ConnectorError (retry on the 1st of
 * next month, UTC) once fewer posts are left than the smallest page X serves — asking for 10 with
 * 5 left could overspend by 5.
 *
 * @example
 * planPage(10000, { month: '2026-11', count: 9950 }, new Date('2026-11-26T12:00:00Z')); // 50
 * planPage(10000, { month: '2026-11', count: 10000 }, now); // throws rate_limited "monthly read budget of 10000 posts used up…"
 */
export function planPage(budget: number, reads: XReads | undefined, now: Date, wanted: number = MAX_PAGE): number {
  const { remaining, resetsAt } = readBudgetStatus(budget, reads, now);
  if (remaining < MIN_PAGE) {
    throw new ConnectorError(
      'rate_limited',
      `monthly read budget of ${budget} posts used up (${remaining} left, the smallest page is ${MIN_PAGE}); reading resumes on ${resetsAt.slice(0, 10)} / budget mensuel de ${budget} posts épuisé, reprise le ${resetsAt.slice(0, 10)}`,
      { retryAfterMs: Date.parse(resetsAt) - now.getTime() },
    );
  }
  return Math.max(MIN_PAGE, Math.min(MAX_PAGE, wanted, remaining));
}

/** Adds a page's billed posts to this month's count. */
export function addReads(reads: XReads | undefined, now: Date, posts: number): XReads {
  const current = readsThisMonth(reads, now);
  return { month: current.month, count: current.count + posts };
}
