import { describe, expect, it } from 'vitest';
import type { AlertPoint } from './alert-point';
import { createAlertEngine } from './alert-engine';
import { parseAlertRule } from './alert-rule';
import { HOUR_MS, MINUTE_MS } from './time-buckets';

const START = Date.parse('2026-11-02T00:00:00Z');
const rule = parseAlertRule({ id: 'r1', name: 'R', scope: { kind: 'topic', id: 't1' }, detectors: ['volume_spike', 'negative_surge'], cooldownMinutes: 24 * 60, channels: [{ kind: 'in_app' }] });

let n = 0;
function point(ms: number, sentiment: AlertPoint['sentiment'] = 'neutral'): AlertPoint {
  n += 1;
  return { externalId: `p${n}`, topicIds: ['t1'], queryIds: [], publishedAt: new Date(ms).toISOString(), authorHandle: `@u${n}`, sentiment, reach: 10, terms: ['panne'] };
}

/** One mention every 30 minutes for a week, then the engine evaluated every 5 minutes. */
function warmEngine() {
  const engine = createAlertEngine({ rules: [rule], historyStartMs: START });
  for (let t = START; t < START + 7 * 24 * HOUR_MS; t += 30 * MINUTE_MS) engine.addPoint(point(t));
  return engine;
}

function run(engine: ReturnType<typeof warmEngine>, from: number, to: number, burst: (t: number) => AlertPoint[]) {
  const events = [];
  for (let t = from; t < to; t += 5 * MINUTE_MS) {
    for (const p of burst(t)) engine.addPoint(p);
    if ((t - START) % (30 * MINUTE_MS) === 0) engine.addPoint(point(t + MINUTE_MS));
    events.push(...engine.evaluate(t + 5 * MINUTE_MS));
  }
  return events;
}

describe('alert engine: episode life cycle', () => {
  it('opens a crisis, updates it, calms it down and closes it; a new burst within the cooldown reopens the same episode', () => {
    const engine = warmEngine();
    const onset = START + 7 * 24 * HOUR_MS + 9 * HOUR_MS;
    const burst = (t: number) => (t >= onset && t < onset + 40 * MINUTE_MS ? Array.from({ length: 4 }, () => point(t + 2 * MINUTE_MS, 'negative')) : []);
    const events = run(engine, onset - HOUR_MS, onset + 8 * HOUR_MS, burst);
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('opened');
    expect(types).toContain('calming');
    expect(types[types.length - 1]).toBe('closed');
    const opened = events[0]?.episode;
    expect(opened?.kind).toBe('crisis');
    expect(Date.parse(opened?.detectedAt ?? '') - onset).toBeLessThanOrEqual(15 * MINUTE_MS);
    expect(opened?.explanation.sentiment.during.negative).toBeGreaterThan(0.5);
    const revisions = events.map((e) => e.episode.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    const again = run(engine, onset + 8 * HOUR_MS, onset + 9 * HOUR_MS, (t) => (t >= onset + 8 * HOUR_MS + 10 * MINUTE_MS && t < onset + 8 * HOUR_MS + 40 * MINUTE_MS ? Array.from({ length: 4 }, () => point(t, 'negative')) : []));
    expect(again[0]).toMatchObject({ type: 'updated', episode: { id: opened?.id, status: 'open' } });
  });

  it('live mode: evaluated right after each mention, at any instant, it opens as soon as the burst is significant', () => {
    const engine = warmEngine();
    const onset = START + 7 * 24 * HOUR_MS + 9 * HOUR_MS + 17_000;
    let openedAfter = -1;
    for (let i = 0; i < 30 && openedAfter < 0; i += 1) {
      const at = onset + i * 20_000;
      engine.addPoint(point(at));
      if (engine.evaluate(at + 500).some((e) => e.type === 'opened')) openedAfter = i + 1;
    }
    // Normal sensitivity needs at least 10 mentions in the window.
    expect(openedAfter).toBeGreaterThanOrEqual(10);
    expect(openedAfter).toBeLessThanOrEqual(12);
  });

  it('drops the episodes of a removed rule', () => {
    const engine = warmEngine();
    const onset = START + 7 * 24 * HOUR_MS + 9 * HOUR_MS;
    run(engine, onset, onset + 30 * MINUTE_MS, (t) => Array.from({ length: 4 }, () => point(t + MINUTE_MS)));
    expect(engine.activeEpisodes()).toHaveLength(1);
    engine.setRules([]);
    expect(engine.activeEpisodes()).toEqual([]);
  });
});
