/**
 * The backtest on stored history (what `vigie alerts backtest` and `POST /api/alerts/backtest`
 * run): the demo month stored in a real SQLite data folder — topics, queries and matches as the
 * ingest stores them, sentiment from the demo's answer key to keep this test fast (the sentiment
 * analyzer's version is measured by alerts-backtest/demo-backtest.test.ts) — must show the crisis
 * and the buzz within 30 minutes of their onset, with at most 2 false episodes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueryMatcher, type BacktestEpisode, type NewMention, type SentimentLabel } from '@vigie/core';
import { DEMO_TOPICS, generateDemoMentions, type DemoEpisode } from '../demo';
import { createTestVigie, type TestVigie } from '../test/test-vigie';
import { backtestStoredHistory } from './alert-backtest.job';

const NOW = new Date('2026-11-26T04:00:00Z');

describe('backtest on stored history', () => {
  let t: TestVigie;
  let episodes: BacktestEpisode[];
  let planted: DemoEpisode[];

  beforeAll(async () => {
    t = await createTestVigie({}, () => NOW);
    const { store, defaultWorkspace } = t.vigie;
    const demo = generateDemoMentions({ now: NOW });
    planted = demo.episodes;
    const matcher = createQueryMatcher();
    const topicOf = new Map<string, string>();
    for (const input of DEMO_TOPICS) {
      const topic = await store.topics.create(defaultWorkspace.id, input);
      for (const query of topic.queries) {
        matcher.set(query.id, query.text, topic.exclusions ? { exclusions: topic.exclusions } : undefined);
        topicOf.set(query.id, topic.id);
      }
    }
    const stored: NewMention[] = demo.mentions.map((m) => {
      const queryIds = matcher.match({ text: m.text, title: m.title, lang: m.lang, author: m.author.handle, url: m.url, connector: m.connector });
      const label = (m.raw as { sentiment?: SentimentLabel }).sentiment ?? 'neutral';
      return { ...m, analysis: { sentiment: { analyzer: 'answer-key', label, score: 0 } }, queryIds, topicIds: [...new Set(queryIds.map((q) => topicOf.get(q) ?? q))] };
    });
    await store.mentions.upsertMany(defaultWorkspace.id, stored);
    const end = Date.parse(demo.mentions[demo.mentions.length - 1]!.publishedAt) + 60_000;
    episodes = await backtestStoredHistory(store, defaultWorkspace.id, { from: new Date(end - 30 * 86_400_000).toISOString(), to: new Date(end).toISOString() });
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('finds the crisis and the buzz within 30 minutes of their onset, with at most 2 false episodes', () => {
    expect(planted.map((p) => p.kind).sort()).toEqual(['buzz', 'crisis']);
    for (const p of planted) {
      const found = episodes.find((e) => e.topic === p.topic && e.kind === p.kind && Date.parse(e.detectedAt) >= Date.parse(p.startedAt) && Date.parse(e.detectedAt) <= Date.parse(p.endedAt));
      expect(found, `${p.kind} on ${p.topic}`).toBeDefined();
      expect((Date.parse(found!.detectedAt) - Date.parse(p.startedAt)) / 60_000).toBeLessThanOrEqual(30);
    }
    const falseEpisodes = episodes.filter((e) => !planted.some((p) => Date.parse(e.detectedAt) >= Date.parse(p.startedAt) && Date.parse(e.detectedAt) <= Date.parse(p.endedAt)));
    expect(falseEpisodes.length).toBeLessThanOrEqual(2);
  });

  it('refuses a range that ends before it starts, naming the field', async () => {
    await expect(backtestStoredHistory(t.vigie.store, t.vigie.defaultWorkspace.id, { from: '2026-11-20T00:00:00Z', to: '2026-11-10T00:00:00Z' })).rejects.toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'to' }],
    });
  });
});
