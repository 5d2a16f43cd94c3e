/**
 * Labelled scenarios beyond the demo, each with its expected outcome, replayed through the
 * backtest with one rule (every detector, normal sensitivity) on one topic:
 * - slow burn: chatter triples over five days — NO episode: a trend, not an event; the seasonal
 *   baseline follows it and the weekly digest shows it (alerts are for what needs a human now);
 * - weekend spike: a quiet Saturday gets 16 mentions in 25 minutes — a buzz, detected within 30
 *   minutes; and the ordinary Monday-morning rise after a quiet weekend opens nothing;
 * - one-off viral post: a big account's post is reposted 40 times in 45 minutes — a buzz whose
 *   top post is that one, with fast-spread and high-reach signals;
 * - a lone high-reach mention nobody picks up — a signal, but NO episode.
 */
import { describe, expect, it } from 'vitest';
import type { AlertPoint } from './alert-point';
import { parseAlertRule } from './alert-rule';
import { DETECTOR_KINDS } from './detectors/signal';
import { runBacktest } from './run-backtest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time-buckets';
import { mulberry32 } from '../seeded-random';

const START = Date.parse('2026-10-05T00:00:00Z'); // a Monday
const rule = parseAlertRule({ id: 'r1', name: 'Topic', scope: { kind: 'topic', id: 't1' }, detectors: [...DETECTOR_KINDS], channels: [{ kind: 'in_app' }] });

const WORDS = ['velo', 'livraison', 'service', 'prix', 'magasin', 'essai', 'autonomie', 'cadre', 'selle', 'freins', 'garantie', 'couleur'];

let serial = 0;
function point(ms: number, rng: () => number, extra: Partial<AlertPoint> = {}): AlertPoint {
  serial += 1;
  const roll = rng();
  const words = [WORDS[Math.floor(rng() * WORDS.length)] ?? 'velo', WORDS[Math.floor(rng() * WORDS.length)] ?? 'prix'];
  return {
    externalId: `p${serial}`, topicIds: ['t1'], queryIds: [], publishedAt: new Date(ms).toISOString(),
    authorHandle: `@user${Math.floor(rng() * 5000)}`, sentiment: roll < 0.2 ? 'negative' : roll < 0.5 ? 'positive' : 'neutral',
    reach: Math.round(50 + rng() * 2000), terms: words, ...extra,
  };
}

/** Chatter with a daily rhythm (busy 8:00–20:00 UTC): `rate(ms)` mentions per hour at that time. */
function chatter(from: number, to: number, rate: (ms: number) => number, seed: number): AlertPoint[] {
  const rng = mulberry32(seed);
  const out: AlertPoint[] = [];
  for (let hour = from; hour < to; hour += HOUR_MS) {
    const expected = rate(hour);
    let budget = -Math.log(1 - rng());
    let at = 0;
    // Poisson arrivals within the hour.
    while (expected > 0) {
      at += budget / expected;
      if (at >= 1) break;
      out.push(point(hour + at * HOUR_MS, rng));
      budget = -Math.log(1 - rng());
    }
  }
  return out;
}

const daytime = (ms: number, busy: number, quiet: number) => {
  const h = new Date(ms).getUTCHours();
  return h >= 8 && h < 20 ? busy : quiet;
};
const isWeekend = (ms: number) => [0, 6].includes(new Date(ms).getUTCDay());

function backtest(points: AlertPoint[], fromDay: number, days: number) {
  return runBacktest(points, [rule], {
    from: new Date(START + fromDay * DAY_MS).toISOString(), to: new Date(START + (fromDay + days) * DAY_MS).toISOString(),
    historyStartMs: START, scopeNames: new Map([['topic:t1', 'Topic']]),
  });
}

describe('alert scenarios', () => {
  it('slow burn: chatter tripling over five days opens no episode', () => {
    const rate = (ms: number) => {
      const day = (ms - START) / DAY_MS;
      const growth = day < 21 ? 1 : Math.min(3, 1 + (2 * (day - 21)) / 5);
      return daytime(ms, 1.5, 0.2) * growth;
    };
    const points = chatter(START, START + 28 * DAY_MS, rate, 1);
    expect(backtest(points, 21, 7)).toEqual([]);
  });

  it('weekend spike: a quiet Saturday burst is a buzz detected within 30 minutes, Monday mornings are not', () => {
    const rate = (ms: number) => (isWeekend(ms) ? daytime(ms, 0.3, 0.05) : daytime(ms, 2.5, 0.2));
    const points = chatter(START, START + 28 * DAY_MS, rate, 2);
    const onset = START + 26 * DAY_MS + 14 * HOUR_MS + 3 * MINUTE_MS; // Saturday 31 Oct, 14:03 UTC
    const rng = mulberry32(3);
    for (let i = 0; i < 16; i += 1) points.push(point(onset + i * 95_000, rng, { sentiment: i % 4 === 0 ? 'neutral' : 'positive' }));
    const episodes = backtest(points, 21, 7);
    expect(episodes).toHaveLength(1);
    expect(episodes[0]?.kind).toBe('buzz');
    expect(Date.parse(episodes[0]?.detectedAt ?? '') - onset).toBeLessThanOrEqual(30 * MINUTE_MS);
    expect(Date.parse(episodes[0]?.startedAt ?? '')).toBeGreaterThanOrEqual(onset - 10 * MINUTE_MS);
  });

  it('one-off viral post: a big account reposted 40 times in 45 minutes is a buzz led by that post', () => {
    const points = chatter(START, START + 28 * DAY_MS, (ms) => daytime(ms, 1.5, 0.2), 4);
    const at = START + 24 * DAY_MS + 17 * HOUR_MS;
    const rng = mulberry32(5);
    points.push(point(at, rng, { externalId: 'viral', authorHandle: '@star', reach: 1_500_000, sentiment: 'positive', terms: ['clip', 'velo'] }));
    for (let i = 0; i < 40; i += 1) points.push(point(at + 60_000 + i * 65_000, rng, { repostOf: 'viral', sentiment: 'positive', terms: ['clip', 'velo'] }));
    const episodes = backtest(points, 21, 7);
    expect(episodes).toHaveLength(1);
    expect(episodes[0]?.kind).toBe('buzz');
    expect(episodes[0]?.details.topPosts[0]?.externalId).toBe('viral');
    const detectors = episodes[0]?.details.changes.map((c) => c.en).join(' ');
    expect(detectors).toMatch(/spreading/);
    expect(Date.parse(episodes[0]?.detectedAt ?? '') - at).toBeLessThanOrEqual(30 * MINUTE_MS);
  });

  it('a lone high-reach mention nobody picks up opens no episode', () => {
    const points = chatter(START, START + 28 * DAY_MS, (ms) => daytime(ms, 1.5, 0.2), 6);
    points.push(point(START + 24 * DAY_MS + 11 * HOUR_MS, mulberry32(7), { externalId: 'celebrity', authorHandle: '@celebrity', reach: 3_000_000 }));
    expect(backtest(points, 21, 7)).toEqual([]);
  });
});
