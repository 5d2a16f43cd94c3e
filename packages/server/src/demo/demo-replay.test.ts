import { describe, expect, it } from 'vitest';
import type { MentionInput } from '@vigie/core';
import { createDemoReplay } from './demo-replay';
import type { DemoRaw } from './to-mention-inputs';

const MINUTE = 60_000;
/** Tuesday 24 November 2026, 13:00 Paris time. */
const NOON = Date.parse('2026-11-24T12:00:00Z');

function clock(start: number) {
  const state = { t: start };
  return { state, now: () => new Date(state.t) };
}

/** Runs a replay for `calls` ticks of `stepMs`, collecting everything it emits. */
function run(start: number, calls: number, stepMs: number, options: { seed?: number; ratePerMinute?: number; count?: number } = {}) {
  const { state, now } = clock(start);
  const replay = createDemoReplay({ seed: options.seed ?? 7, now, ratePerMinute: options.ratePerMinute });
  const batches: { from: number; to: number; mentions: MentionInput[] }[] = [];
  for (let i = 0; i < calls; i += 1) {
    const from = state.t;
    state.t += stepMs;
    batches.push({ from, to: state.t, mentions: replay.next(options.count) });
  }
  return { batches, mentions: batches.flatMap((b) => b.mentions), end: state.t };
}

describe('createDemoReplay', () => {
  it('publishes new mentions between the previous call and now, in order', () => {
    const { batches } = run(NOON, 30, MINUTE);
    for (const batch of batches) {
      for (const m of batch.mentions) {
        const at = Date.parse(m.publishedAt);
        if ((m.raw as DemoRaw).category !== 'official_reply') expect(at).toBeGreaterThan(batch.from);
        expect(at).toBeLessThanOrEqual(batch.to);
      }
      const times = batch.mentions.map((m) => m.publishedAt);
      expect(times).toEqual([...times].sort());
    }
  });

  it('gives ids that never collide with the seeded data, each other, or a later run', () => {
    const first = run(NOON, 120, MINUTE);
    const second = run(first.end + 1, 120, MINUTE);
    const all = [...first.mentions, ...second.mentions].map((m) => m.externalId);
    expect(all.length).toBeGreaterThan(300);
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^demo-live-[0-9a-z]+-[0-9a-z]+$/);
    const burst = run(NOON, 5, 1, { count: 20 });
    expect(new Set(burst.mentions.map((m) => m.externalId)).size).toBe(burst.mentions.length);
  });

  it('is reproducible for the same seed and clock', () => {
    expect(run(NOON, 20, MINUTE).mentions).toEqual(run(NOON, 20, MINUTE).mentions);
    expect(run(NOON, 20, MINUTE, { seed: 8 }).mentions).not.toEqual(run(NOON, 20, MINUTE).mentions);
  });

  it('follows the rate, with fewer mentions at night than by day', () => {
    const fresh = (ms: MentionInput[]) => ms.filter((m) => (m.raw as DemoRaw).category !== 'official_reply').length;
    const day = fresh(run(NOON, 60, MINUTE, { ratePerMinute: 3 }).mentions);
    expect(day).toBeGreaterThan(150);
    expect(day).toBeLessThan(450);
    const night = fresh(run(Date.parse('2026-11-24T02:00:00Z'), 60, MINUTE, { ratePerMinute: 3 }).mentions);
    expect(night).toBeLessThan(day / 5);
  });

  it('returns exactly `count` new mentions when asked, and answers some questions later', () => {
    const { batches, mentions } = run(NOON, 600, 8_000, { count: 1 });
    for (const batch of batches) expect(batch.mentions.filter((m) => (m.raw as DemoRaw).category !== 'official_reply')).toHaveLength(1);
    const ids = new Set(mentions.map((m) => m.externalId));
    const answers = mentions.filter((m) => (m.raw as DemoRaw).category === 'official_reply');
    expect(answers.length).toBeGreaterThan(3);
    for (const answer of answers) expect(ids.has(answer.replyToExternalId ?? '')).toBe(true);
  });

  it('rejects a bad count or rate', () => {
    expect(() => createDemoReplay({ seed: 1, now: () => new Date(NOON), ratePerMinute: -1 })).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(() => createDemoReplay({ seed: 1, now: () => new Date(NOON) }).next(-2)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });
});
