/**
 * Mentions → alert points, the way the ingest does it: topics and queries from the percolator
 * (core's QueryMatcher), sentiment from @vigie/analysis, reach from its reach estimate. Used by the
 * backtest harness; the live worker builds points from stored mentions the same way.
 */
import { createSentimentAnalyzer, estimateReach } from '@vigie/analysis';
import { createQueryMatcher, extractTerms, type AlertPoint, type MentionInput, type NewTopic, type SentimentLabel } from '@vigie/core';

export interface PointBuilderOptions {
  topics: readonly (NewTopic & { id: string })[];
  /** Sentiment of a mention; default: the analysis pipeline's label. */
  sentimentOf?: (mention: MentionInput) => SentimentLabel;
}

/**
 * Sentiment from @vigie/analysis (its sentiment analyzer, with the language the source declared,
 * as the pipeline passes it), or — when its models cannot load (a model file out of step
 * with the feature code while analysis is being retrained) — from the demo's answer key
 * `raw.sentiment`, reported in `source` so a test can say which one it measured.
 */
export function createSentimentSource(): { source: 'analysis' | 'answer-key'; sentimentOf: (mention: MentionInput) => SentimentLabel; reason?: string } {
  let analyzer: ReturnType<typeof createSentimentAnalyzer>;
  try {
    analyzer = createSentimentAnalyzer();
  } catch (error) {
    return {
      source: 'answer-key',
      reason: error instanceof Error ? error.message : String(error),
      sentimentOf: (mention) => (mention.raw as { sentiment?: SentimentLabel } | undefined)?.sentiment ?? 'neutral',
    };
  }
  return {
    source: 'analysis',
    sentimentOf: (mention) => analyzer.analyze({ text: mention.text, title: mention.title, lang: mention.lang }).label,
  };
}

/** Query id of the n-th query of a topic: `<topicId>/q<n>`. */
export function queryIdOf(topicId: string, index: number): string {
  return `${topicId}/q${index}`;
}

/**
 * @example
 * const toPoints = createPointBuilder({ topics });
 * const points = mentions.map(toPoints).filter((p) => p.topicIds.length > 0);
 */
export function createPointBuilder(options: PointBuilderOptions): (mention: MentionInput) => AlertPoint {
  const matcher = createQueryMatcher();
  const topicOfQuery = new Map<string, string>();
  for (const topic of options.topics) {
    topic.queries.forEach((query, index) => {
      const id = queryIdOf(topic.id, index);
      matcher.set(id, query.text, topic.exclusions ? { exclusions: topic.exclusions } : undefined);
      topicOfQuery.set(id, topic.id);
    });
  }
  const sentimentOf = options.sentimentOf ?? createSentimentSource().sentimentOf;
  return (mention) => {
    const queryIds = matcher.match({ text: mention.text, title: mention.title, lang: mention.lang, author: mention.author.handle, url: mention.url, connector: mention.connector });
    const topicIds = [...new Set(queryIds.map((id) => topicOfQuery.get(id) ?? id))];
    const raw = mention.raw as { repostOf?: string } | undefined;
    const text = [mention.title, mention.text].filter(Boolean).join(' ');
    return {
      externalId: mention.externalId,
      topicIds,
      queryIds,
      publishedAt: mention.publishedAt,
      authorHandle: mention.author.handle,
      sentiment: sentimentOf(mention),
      reach: estimateReach({ followers: mention.author.followers, ...mention.engagement }).estimatedReach,
      repostOf: raw?.repostOf,
      threadExternalId: mention.threadExternalId,
      text,
      terms: extractTerms(text),
    };
  };
}
