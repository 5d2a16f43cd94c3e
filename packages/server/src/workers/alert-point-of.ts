/**
 * A stored mention → the point alerting counts: topics and queries as matched at ingest,
 * sentiment from the stored analysis, reach from @vigie/analysis's estimate.
 */
import { estimateReach } from '@vigie/analysis';
import { extractTerms, type AlertPoint, type Mention } from '@vigie/core';

/**
 * @example
 * const point = alertPointOf(mention); // { externalId, topicIds, queryIds, sentiment: 'negative', reach: 890000, … }
 */
export function alertPointOf(mention: Pick<Mention, 'externalId' | 'topicIds' | 'queryIds' | 'publishedAt' | 'author' | 'analysis' | 'engagement' | 'raw' | 'threadExternalId' | 'title' | 'text'>): AlertPoint {
  const raw = mention.raw as { repostOf?: unknown } | undefined;
  const text = [mention.title, mention.text].filter(Boolean).join(' ');
  return {
    externalId: mention.externalId,
    topicIds: mention.topicIds,
    queryIds: mention.queryIds,
    publishedAt: mention.publishedAt,
    authorHandle: mention.author.handle,
    sentiment: mention.analysis.sentiment?.label ?? 'neutral',
    reach: estimateReach({ followers: mention.author.followers, ...mention.engagement }).estimatedReach,
    ...(typeof raw?.repostOf === 'string' && { repostOf: raw.repostOf }),
    ...(mention.threadExternalId !== undefined && { threadExternalId: mention.threadExternalId }),
    text,
    terms: extractTerms(text),
  };
}
