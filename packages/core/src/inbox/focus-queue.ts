/**
 * Not being overwhelmed: the order in which the focus flow serves conversations, the time needed
 * to clear the queue, a member's daily time budget, and the low-priority items kept for a digest
 * instead of interrupting.
 */
import { priorityBand, type PriorityBand } from './sla-policy';

/** The few fields of a conversation the focus flow looks at. */
export interface FocusItem {
  id: string;
  priority: number;
  /** ISO; absent once answered. */
  dueAt?: string;
  lastActivityAt: string;
  assignee?: string;
}

/**
 * Most important first: overdue before the rest, then priority, then the earliest due date, then
 * the oldest activity (so nobody waits forever at equal priority).
 *
 * @example
 * orderForFocus(items, new Date())[0] // → the overdue, highest-priority conversation
 */
export function orderForFocus<T extends FocusItem>(items: readonly T[], now: Date): T[] {
  const t = now.getTime();
  const overdue = (i: FocusItem): number => (i.dueAt !== undefined && Date.parse(i.dueAt) < t ? 1 : 0);
  return [...items].sort(
    (a, b) =>
      overdue(b) - overdue(a) ||
      b.priority - a.priority ||
      (a.dueAt ? Date.parse(a.dueAt) : Infinity) - (b.dueAt ? Date.parse(b.dueAt) : Infinity) ||
      Date.parse(a.lastActivityAt) - Date.parse(b.lastActivityAt) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * The next conversation for a member: theirs or unassigned, never someone else's, and never a
 * low-priority one (those wait for the digest).
 *
 * @example
 * nextInFocus(items, 'alice', new Date())?.id
 */
export function nextInFocus<T extends FocusItem>(items: readonly T[], member: string | undefined, now: Date, options: { digestBelow?: number } = {}): T | undefined {
  const floor = options.digestBelow ?? DIGEST_BELOW;
  return orderForFocus(
    items.filter((i) => (i.assignee === undefined || i.assignee === member) && i.priority >= floor),
    now,
  )[0];
}

/** Priority under which a conversation goes to the digest rather than the focus flow. */
export const DIGEST_BELOW = 15;

/**
 * Splits a queue into what deserves attention now and what goes into the daily digest.
 *
 * @example
 * splitForDigest(items).digest.length
 */
export function splitForDigest<T extends FocusItem>(items: readonly T[], digestBelow = DIGEST_BELOW): { now: T[]; digest: T[] } {
  const now: T[] = [];
  const digest: T[] = [];
  for (const i of items) (i.priority < digestBelow ? digest : now).push(i);
  return { now, digest };
}

/** Minutes a conversation takes to handle, per band (reading, deciding, replying). */
export const HANDLING_MINUTES: Readonly<Record<PriorityBand, number>> = { urgent: 12, high: 8, normal: 5, low: 2 };

/**
 * Minutes to clear a queue, from counts per priority band and the handling time of each band;
 * `measured` (median minutes per conversation actually observed) replaces the defaults when known.
 *
 * @example
 * estimateClearMinutes({ urgent: 2, high: 0, normal: 10, low: 30 }) // → 134
 */
export function estimateClearMinutes(counts: Partial<Record<PriorityBand, number>>, measured?: Partial<Record<PriorityBand, number>>): number {
  let total = 0;
  for (const band of Object.keys(HANDLING_MINUTES) as PriorityBand[]) {
    total += (counts[band] ?? 0) * (measured?.[band] ?? HANDLING_MINUTES[band]);
  }
  return Math.round(total);
}

/** Counts conversations per band (for `estimateClearMinutes`). */
export function countByBand(priorities: Iterable<number>): Record<PriorityBand, number> {
  const counts: Record<PriorityBand, number> = { urgent: 0, high: 0, normal: 0, low: 0 };
  for (const p of priorities) counts[priorityBand(p)] += 1;
  return counts;
}

export interface TimeBudget {
  budgetMinutes: number;
  spentMinutes: number;
  remainingMinutes: number;
  /** True once the day's budget is used: the focus flow proposes to stop. */
  exhausted: boolean;
}

/**
 * A member's daily time budget on social media.
 *
 * @example
 * timeBudget(90, 100) // → { budgetMinutes: 90, spentMinutes: 100, remainingMinutes: 0, exhausted: true }
 */
export function timeBudget(budgetMinutes: number, spentMinutes: number): TimeBudget {
  const remaining = Math.max(0, budgetMinutes - spentMinutes);
  return { budgetMinutes, spentMinutes, remainingMinutes: remaining, exhausted: remaining === 0 };
}
