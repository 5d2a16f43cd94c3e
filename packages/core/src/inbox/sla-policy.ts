/**
 * First-response targets per priority, counted in business hours, and the timer state of a
 * conversation (on time, due soon, overdue).
 */
import { addBusinessMinutes, businessMinutesBetween, DEFAULT_BUSINESS_HOURS, type BusinessHours } from './business-hours';

export type PriorityBand = 'urgent' | 'high' | 'normal' | 'low';

/** Targets in working minutes per band; a band starts at its `from` priority. */
export interface SlaPolicy {
  hours: BusinessHours;
  targets: Record<PriorityBand, number>;
}

/** Urgent within 1 working hour, high 4 h, normal 1 working day, low 3 working days. */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  hours: DEFAULT_BUSINESS_HOURS,
  targets: { urgent: 60, high: 240, normal: 540, low: 1620 },
};

/**
 * @example
 * priorityBand(75) // → 'urgent'
 */
export function priorityBand(priority: number): PriorityBand {
  if (priority >= 70) return 'urgent';
  if (priority >= 40) return 'high';
  if (priority >= 15) return 'normal';
  return 'low';
}

/**
 * When the first response is due for a conversation that started at `since`.
 *
 * @example
 * firstResponseDueAt(new Date('2026-11-27T16:00:00Z'), 80) // Friday 17:00 Paris, urgent
 * // → 2026-11-27T17:00:00.000Z
 */
export function firstResponseDueAt(since: Date, priority: number, policy: SlaPolicy = DEFAULT_SLA_POLICY): Date {
  return addBusinessMinutes(since, policy.targets[priorityBand(priority)], policy.hours);
}

export type SlaState = 'on_time' | 'due_soon' | 'overdue' | 'met' | 'missed';

/**
 * Timer state: once answered, whether the answer came in time; before, how close the due date is
 * ("due soon" within the last quarter of the target or 30 min, whichever is larger).
 *
 * @example
 * slaState({ dueAt: '2026-11-27T17:00:00Z', now: new Date('2026-11-27T18:00:00Z') }) // → 'overdue'
 */
export function slaState(input: { dueAt: string; firstResponseAt?: string; now: Date; targetMinutes?: number }): SlaState {
  const due = Date.parse(input.dueAt);
  if (input.firstResponseAt) return Date.parse(input.firstResponseAt) <= due ? 'met' : 'missed';
  const now = input.now.getTime();
  if (now > due) return 'overdue';
  const margin = Math.max(30, (input.targetMinutes ?? 0) / 4) * 60_000;
  return due - now <= margin ? 'due_soon' : 'on_time';
}

/**
 * Working minutes a conversation waited for its first response (for the response-time reports).
 *
 * @example
 * firstResponseMinutes('2026-11-27T16:00:00Z', '2026-11-30T09:00:00Z') // → 120
 */
export function firstResponseMinutes(firstMentionAt: string, firstResponseAt: string, hours: BusinessHours = DEFAULT_BUSINESS_HOURS): number {
  return businessMinutesBetween(new Date(firstMentionAt), new Date(firstResponseAt), hours);
}
