/**
 * The demo backtest harness: the demo month through the matcher, sentiment and the alert engine,
 * scored against the generator's answer key — was each planted episode detected on its topic,
 * with the right kind, within 30 minutes of its onset, and how many episodes were false (opened
 * outside every planted episode's span)?
 */
import { extractTerms, parseAlertRule, runBacktest, DETECTOR_KINDS, type AlertRule, type BacktestEpisode } from '@vigie/core';
import { DEMO_TOPICS, generateDemoMentions, type DemoEpisode } from '../demo';
import { createPointBuilder, createSentimentSource } from './to-alert-points';

export interface DemoBacktestResult {
  episodes: BacktestEpisode[];
  planted: DemoEpisode[];
  /** Per planted episode: the matching detected one (same topic and kind) and its delay in minutes. */
  hits: { planted: DemoEpisode; found?: BacktestEpisode; delayMin?: number }[];
  /** Detected episodes that start outside every planted episode's span. */
  falseEpisodes: BacktestEpisode[];
  sentimentSource: 'analysis' | 'answer-key';
  points: number;
}

/** One rule per demo topic with every detector, normal sensitivity. */
export function demoRules(topicIds: readonly string[]): AlertRule[] {
  return topicIds.map((id) =>
    parseAlertRule({ id: `rule-${id}`, name: id, scope: { kind: 'topic', id }, detectors: [...DETECTOR_KINDS], channels: [{ kind: 'in_app' }] }),
  );
}

/**
 * @example
 * const result = runDemoBacktest(new Date());
 * result.hits.map((h) => h.delayMin); // e.g. [20, 15]
 */
export function runDemoBacktest(now: Date): DemoBacktestResult {
  const { mentions, episodes: planted } = generateDemoMentions({ now });
  const topics = DEMO_TOPICS.map((topic, index) => ({ ...topic, id: `topic-${index}` }));
  const sentiment = createSentimentSource();
  const toPoint = createPointBuilder({ topics, sentimentOf: sentiment.sentimentOf });
  const points = mentions.map(toPoint).filter((p) => p.topicIds.length > 0);
  const end = Date.parse(mentions[mentions.length - 1]?.publishedAt ?? now.toISOString()) + 60_000;
  const episodes = runBacktest(points, demoRules(topics.map((t) => t.id)), {
    from: new Date(end - 30 * 86_400_000).toISOString(),
    to: new Date(end).toISOString(),
    timeZone: 'Europe/Paris',
    scopeNames: new Map(topics.map((t) => [`topic:${t.id}`, t.name])),
    scopeTerms: new Map(topics.map((t) => [`topic:${t.id}`, new Set(t.queries.flatMap((q) => extractTerms(q.text)))])),
  });
  const hits = planted.map((p) => {
    const found = episodes.find((e) => e.topic === p.topic && e.kind === p.kind && Date.parse(e.detectedAt) >= Date.parse(p.startedAt) && Date.parse(e.detectedAt) <= Date.parse(p.endedAt));
    return { planted: p, found, delayMin: found ? (Date.parse(found.detectedAt) - Date.parse(p.startedAt)) / 60_000 : undefined };
  });
  const falseEpisodes = episodes.filter((e) => !planted.some((p) => Date.parse(e.detectedAt) >= Date.parse(p.startedAt) && Date.parse(e.detectedAt) <= Date.parse(p.endedAt)));
  return { episodes, planted, hits, falseEpisodes, sentimentSource: sentiment.source, points: points.length };
}
