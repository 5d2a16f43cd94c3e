import { describe, expect, it } from 'vitest';
import type { AlertPoint } from '../alert-point';
import type { BucketFigures } from '../rollup';
import { HOUR_MS, MINUTE_MS } from '../time-buckets';
import { detectFastSpread } from './detect-fast-spread';
import { detectHighReachAuthor } from './detect-high-reach-author';
import { detectNegativeSurge } from './detect-negative-surge';
import { detectRisingTerm } from './detect-rising-term';
import { detectVolumeSpike } from './detect-volume-spike';

const scope = { kind: 'topic' as const, id: 't1' };
const NOW = Date.parse('2026-11-17T09:00:00Z');
const HISTORY = { historyStartMs: NOW - 30 * 24 * HOUR_MS };
/** Two mentions an hour, every hour of the history. */
const steady = () => 2;

/** 5-minute buckets: `recent[i]` is the count of the i-th bucket before now (0 = the last one). */
function fiveMinute(recent: number[], negatives: number[] = []): (start: number) => BucketFigures {
  return (start) => {
    const i = (NOW - start) / (5 * MINUTE_MS) - 1;
    const count = recent[i] ?? 0;
    const negative = negatives[i] ?? 0;
    return { count, negative, positive: 0, neutral: count - negative, authors: count, reach: 0 };
  };
}

function point(minutesAgo: number, extra: Partial<AlertPoint> = {}): AlertPoint {
  return {
    externalId: `p${minutesAgo}-${Math.random()}`, topicIds: ['t1'], queryIds: [], publishedAt: new Date(NOW - minutesAgo * MINUTE_MS).toISOString(),
    authorHandle: '@a', sentiment: 'neutral', reach: 100, ...extra,
  };
}

describe('volume spike', () => {
  it('fires on a burst far above the seasonal baseline and dates its onset', () => {
    const recent = [6, 7, 5, 4, 0, 0, 0, 0, 0, 0, 0, 0];
    const signal = detectVolumeSpike({ scope, now: NOW, fiveMinute: (s) => fiveMinute(recent)(s).count, hourly: steady, baseline: HISTORY, sensitivity: 'normal' });
    expect(signal).toMatchObject({ detector: 'volume_spike', since: '2026-11-17T08:40:00.000Z' });
    // The window with the smallest tail probability wins: here the last 15 minutes (6 + 7 + 5).
    expect(signal?.observed).toBe(18);
    expect(signal?.summary.fr).toContain('mentions en');
  });

  it('stays quiet on ordinary noise, below the minimum count, and during warm-up', () => {
    const ordinary = [1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0];
    expect(detectVolumeSpike({ scope, now: NOW, fiveMinute: (s) => fiveMinute(ordinary)(s).count, hourly: steady, baseline: HISTORY, sensitivity: 'high' })).toBeUndefined();
    // 7 where 0.05 are expected is very unlikely, but under the minimum count of normal sensitivity.
    const small = [3, 4];
    expect(detectVolumeSpike({ scope, now: NOW, fiveMinute: (s) => fiveMinute(small)(s).count, hourly: () => 0, baseline: HISTORY, sensitivity: 'normal' })).toBeUndefined();
    expect(detectVolumeSpike({ scope, now: NOW, fiveMinute: (s) => fiveMinute(small)(s).count, hourly: () => 0, baseline: HISTORY, sensitivity: 'high' })).toBeDefined();
    const burst = [6, 7, 5, 4];
    expect(detectVolumeSpike({ scope, now: NOW, fiveMinute: (s) => fiveMinute(burst)(s).count, hourly: steady, baseline: { historyStartMs: NOW - HOUR_MS }, sensitivity: 'normal' })).toBeUndefined();
  });

  it('compares with the same hour of previous weeks: a busy hour that is always busy is not a spike', () => {
    const recent = [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4];
    const busyAtNine = (start: number) => (new Date(start).getUTCHours() === 8 ? 48 : 2);
    expect(detectVolumeSpike({ scope, now: NOW, fiveMinute: (s) => fiveMinute(recent)(s).count, hourly: busyAtNine, baseline: HISTORY, sensitivity: 'normal' })).toBeUndefined();
    expect(detectVolumeSpike({ scope, now: NOW, fiveMinute: (s) => fiveMinute(recent)(s).count, hourly: steady, baseline: HISTORY, sensitivity: 'normal' })).toBeDefined();
  });
});

describe('negative surge', () => {
  const base = { scope, now: NOW, hourly: steady, baseline: HISTORY, sensitivity: 'normal' as const };

  it('fires when negatives are both many and a much larger share than usual', () => {
    const signal = detectNegativeSurge({ ...base, fiveMinute: fiveMinute([4, 4, 3, 0, 1], [3, 3, 3, 0, 1]), usualNegativeShare: 0.15 });
    expect(signal).toMatchObject({ detector: 'negative_surge', observed: 10, since: '2026-11-17T08:35:00.000Z' });
    expect(signal?.summary.en).toMatch(/83 % of volume vs 15 % usually/);
  });

  it('ignores a topic that is always this negative, and a handful of complaints', () => {
    expect(detectNegativeSurge({ ...base, fiveMinute: fiveMinute([4, 4, 4], [3, 3, 3]), usualNegativeShare: 0.7 })).toBeUndefined();
    expect(detectNegativeSurge({ ...base, fiveMinute: fiveMinute([2, 2], [2, 2]), usualNegativeShare: 0.1 })).toBeUndefined();
  });
});

describe('high-reach author', () => {
  it('flags the largest new mention that is large in absolute terms and for this topic; reposts do not count', () => {
    const fresh = [point(3, { reach: 300_000, authorHandle: '@big', externalId: 'big' }), point(2, { reach: 900_000, repostOf: 'big' }), point(1, { reach: 500 })];
    expect(detectHighReachAuthor({ scope, now: NOW, fresh, usualReach: 800, sensitivity: 'normal' })).toMatchObject({ postId: 'big', authorHandle: '@big' });
    // A topic whose mentions usually reach 50,000 people: 300,000 is only 6×.
    expect(detectHighReachAuthor({ scope, now: NOW, fresh, usualReach: 50_000, sensitivity: 'normal' })).toBeUndefined();
  });
});

describe('fast spread', () => {
  it('fires on a post whose reposts and replies accelerate', () => {
    const recent = [point(50, { externalId: 'root', authorHandle: '@w' }), point(40, { repostOf: 'root' }), ...Array.from({ length: 12 }, (_, i) => point(25 - 2 * i, { repostOf: 'root' }))];
    expect(detectFastSpread({ scope, now: NOW, recent, sensitivity: 'normal' })).toMatchObject({ postId: 'root', observed: 12, expected: 1, authorHandle: '@w' });
  });

  it('ignores steady threads and slowing ones', () => {
    const steadyThread = Array.from({ length: 24 }, (_, i) => point(58 - 2.5 * i, { threadExternalId: 'root' }));
    expect(detectFastSpread({ scope, now: NOW, recent: steadyThread, sensitivity: 'normal' })).toBeUndefined();
  });
});

describe('rising term', () => {
  it('finds a word many authors suddenly use, not the usual vocabulary nor the topic name', () => {
    const terms = new Map([
      ['batterie', { count: 9, authors: 8 }],
      ['velo', { count: 12, authors: 10 }],
      ['ondine', { count: 20, authors: 15 }],
    ]);
    const history = { terms: new Map([['velo', 300], ['batterie', 2]]), total: 1000 };
    const signal = detectRisingTerm({ scope, now: NOW, window: { terms, total: 20 }, history, ignore: new Set(['ondine']), sensitivity: 'normal' });
    expect(signal).toMatchObject({ detector: 'rising_term', term: 'batterie' });
  });

  it('needs several authors (one spammer is not a trend)', () => {
    const terms = new Map([['promo', { count: 15, authors: 1 }]]);
    expect(detectRisingTerm({ scope, now: NOW, window: { terms, total: 15 }, history: { terms: new Map(), total: 1000 }, sensitivity: 'normal' })).toBeUndefined();
  });
});
