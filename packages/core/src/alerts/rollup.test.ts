import { describe, expect, it } from 'vitest';
import type { AlertPoint } from './alert-point';
import { binomialTail, negBinomialTail, poissonTail } from './count-model';
import { createRollup } from './rollup';
import { bucketStart, hourOfWeek, zoneOffsetMs } from './time-buckets';

const iso = (ms: number) => new Date(ms).toISOString();

function point(at: string, extra: Partial<AlertPoint> = {}): AlertPoint {
  return { externalId: at, topicIds: ['t1'], queryIds: ['q1'], publishedAt: at, authorHandle: '@a', sentiment: 'neutral', reach: 100, ...extra };
}

describe('time buckets', () => {
  it('aligns 5-minute, hourly and daily buckets on the wall clock of the zone', () => {
    const at = Date.parse('2026-11-17T07:43:10Z');
    expect(iso(bucketStart(at, '5m', 'Europe/Paris'))).toBe('2026-11-17T07:40:00.000Z');
    expect(iso(bucketStart(at, '1h', 'Europe/Paris'))).toBe('2026-11-17T07:00:00.000Z');
    expect(iso(bucketStart(at, '1d', 'Europe/Paris'))).toBe('2026-11-16T23:00:00.000Z');
    expect(iso(bucketStart(at, '1h', 'Asia/Kolkata'))).toBe('2026-11-17T07:30:00.000Z');
    expect(iso(bucketStart(at, '1d', 'UTC'))).toBe('2026-11-17T00:00:00.000Z');
  });

  it('starts days at local midnight across a clock change (Paris, 25 October 2026)', () => {
    expect(zoneOffsetMs(Date.parse('2026-10-24T12:00:00Z'), 'Europe/Paris')).toBe(7_200_000);
    expect(zoneOffsetMs(Date.parse('2026-10-25T12:00:00Z'), 'Europe/Paris')).toBe(3_600_000);
    expect(iso(bucketStart(Date.parse('2026-10-25T20:00:00Z'), '1d', 'Europe/Paris'))).toBe('2026-10-24T22:00:00.000Z');
    expect(iso(bucketStart(Date.parse('2026-10-26T05:00:00Z'), '1d', 'Europe/Paris'))).toBe('2026-10-25T23:00:00.000Z');
  });

  it('numbers hours of the week from Monday 00:00 local', () => {
    expect(hourOfWeek(Date.parse('2026-11-16T08:30:00Z'), 'Europe/Paris')).toBe(9);
    expect(hourOfWeek(Date.parse('2026-11-22T23:30:00Z'), 'UTC')).toBe(167);
  });
});

describe('count models', () => {
  it('tells chance from anomaly on small numbers', () => {
    expect(poissonTail(2, 1)).toBeCloseTo(0.2642, 4);
    expect(poissonTail(9, 0.4)).toBeLessThan(1e-9);
    expect(poissonTail(0, 3)).toBe(1);
    // Overdispersion makes the same count less surprising.
    expect(negBinomialTail(9, 0.4, 4)).toBeGreaterThan(poissonTail(9, 0.4));
    expect(negBinomialTail(5, 5, 1e12)).toBeCloseTo(poissonTail(5, 5), 6);
    expect(binomialTail(8, 10, 0.2)).toBeCloseTo(7.79e-5, 7);
  });
});

describe('rollup', () => {
  it('counts each point in its topic and query at every granularity, with sentiment, reach and exact authors', () => {
    const rollup = createRollup({ timeZone: 'Europe/Paris' });
    rollup.addPoint(point('2026-11-17T07:41:00Z', { sentiment: 'negative', reach: 1000 }));
    rollup.addPoint(point('2026-11-17T07:44:00Z', { authorHandle: '@b', sentiment: 'positive' }));
    const changed = rollup.addPoint(point('2026-11-17T07:58:00Z', { reach: 50 }));
    expect(changed).toHaveLength(6);
    const hour = rollup.bucket({ kind: 'topic', id: 't1' }, '1h', Date.parse('2026-11-17T07:00:00Z'));
    expect(hour).toEqual({ count: 3, authors: 2, negative: 1, positive: 1, neutral: 1, reach: 1150 });
    expect(rollup.series({ kind: 'query', id: 'q1' }, '5m', Date.parse('2026-11-17T07:40:00Z'), Date.parse('2026-11-17T08:00:00Z')).map((b) => b.count)).toEqual([2, 0, 0, 1]);
    const day = rollup.rows().find((r) => r.granularity === '1d' && r.scope === 'topic');
    expect(day).toMatchObject({ scopeId: 't1', bucketStart: '2026-11-16T23:00:00.000Z', count: 3 });
  });

  it('reloads persisted rows and keeps counting on top of them', () => {
    const first = createRollup();
    first.addPoint(point('2026-11-17T07:41:00Z'));
    const second = createRollup();
    second.load(first.rows());
    second.addPoint(point('2026-11-17T07:42:00Z', { authorHandle: '@z' }));
    expect(second.bucket({ kind: 'topic', id: 't1' }, '5m', Date.parse('2026-11-17T07:40:00Z'))).toMatchObject({ count: 2, authors: 2 });
    second.prune('5m', Date.parse('2026-11-18T00:00:00Z'));
    expect(second.bucket({ kind: 'topic', id: 't1' }, '5m', Date.parse('2026-11-17T07:40:00Z')).count).toBe(0);
  });
});
