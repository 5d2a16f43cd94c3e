import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, type BusinessHours } from './business-hours';
import { firstResponseDueAt, slaState } from './sla-policy';

describe('business hours', () => {
  it('carries a target over the weekend: Friday 17:00 Paris + 2 h → Monday 10:00 Paris', () => {
    expect(addBusinessMinutes(new Date('2026-11-27T16:00:00Z'), 120).toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  it('starts counting at opening time when a message arrives at night', () => {
    expect(addBusinessMinutes(new Date('2026-11-25T02:00:00Z'), 30).toISOString()).toBe('2026-11-25T08:30:00.000Z');
  });

  it('follows daylight saving time (Paris is UTC+2 in July)', () => {
    expect(addBusinessMinutes(new Date('2026-07-01T05:00:00Z'), 60).toISOString()).toBe('2026-07-01T08:00:00.000Z');
  });

  it('counts only working minutes between two instants', () => {
    expect(businessMinutesBetween(new Date('2026-11-27T16:00:00Z'), new Date('2026-11-30T09:00:00Z'))).toBe(120);
    expect(businessMinutesBetween(new Date('2026-11-28T10:00:00Z'), new Date('2026-11-29T10:00:00Z'))).toBe(0);
  });

  it('honours another zone and working days (New York, Saturday open)', () => {
    const hours: BusinessHours = { timeZone: 'America/New_York', days: [2, 3, 4, 5, 6], start: '10:00', end: '16:00' };
    // Monday 2026-11-30 is closed; Tuesday opens 10:00 EST = 15:00 UTC.
    expect(addBusinessMinutes(new Date('2026-11-30T12:00:00Z'), 15, hours).toISOString()).toBe('2026-12-01T15:15:00.000Z');
  });
});

describe('SLA', () => {
  it('gives urgent conversations one working hour and flags them overdue after', () => {
    const due = firstResponseDueAt(new Date('2026-11-25T09:00:00Z'), 80).toISOString();
    expect(due).toBe('2026-11-25T10:00:00.000Z');
    expect(slaState({ dueAt: due, now: new Date('2026-11-25T10:05:00Z') })).toBe('overdue');
    expect(slaState({ dueAt: due, now: new Date('2026-11-25T09:40:00Z'), targetMinutes: 60 })).toBe('due_soon');
    expect(slaState({ dueAt: due, now: new Date('2026-11-25T09:05:00Z'), targetMinutes: 60 })).toBe('on_time');
    expect(slaState({ dueAt: due, firstResponseAt: '2026-11-25T09:50:00Z', now: new Date() })).toBe('met');
  });

  it('gives low-priority conversations more time than urgent ones', () => {
    const since = new Date('2026-11-25T09:00:00Z');
    expect(firstResponseDueAt(since, 5).getTime()).toBeGreaterThan(firstResponseDueAt(since, 50).getTime());
  });
});
