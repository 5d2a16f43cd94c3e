import type { SentimentLabel } from '../domain/mention';

/**
 * What alerting needs of one analysed mention. The ingest worker builds it from a stored mention
 * (sentiment and reach come from @vigie/analysis, which core cannot import), the backtest from
 * stored history. Times are ISO-8601 UTC like everywhere in Vigie.
 *
 * @example
 * const point: AlertPoint = {
 *   externalId: 'x-123', topicIds: ['t-ondine'], queryIds: ['q-ondine'], publishedAt: '2026-11-17T07:40:00.000Z',
 *   authorHandle: '@julien', sentiment: 'negative', reach: 890_000, text: 'Ma batterie a pris feu',
 * };
 */
export interface AlertPoint {
  /** Id on the network (unique per connector); reposts and replies point to their root with it. */
  externalId: string;
  topicIds: string[];
  queryIds: string[];
  publishedAt: string;
  authorHandle: string;
  sentiment: SentimentLabel;
  /** Estimated reach (people who probably saw it); 0 when unknown. */
  reach: number;
  /** The post this one reposts or quotes, when the network says so. */
  repostOf?: string;
  /** The root of the thread a reply belongs to. */
  threadExternalId?: string;
  /** Key terms, already extracted (folded); when absent, `text` is tokenised by `extractTerms`. */
  terms?: string[];
  /** Title and text, used only when `terms` is absent and for explanations. */
  text?: string;
}

/** Rollups and detectors look at a topic or at one of its queries. */
export type ScopeKind = 'topic' | 'query';

/** @example const scope: AlertScope = { kind: 'topic', id: 't-ondine' }; */
export interface AlertScope {
  kind: ScopeKind;
  id: string;
}

/** The scopes one point counts in: each of its topics and each of its queries. */
export function scopesOf(point: Pick<AlertPoint, 'topicIds' | 'queryIds'>): AlertScope[] {
  return [...point.topicIds.map((id) => ({ kind: 'topic' as const, id })), ...point.queryIds.map((id) => ({ kind: 'query' as const, id }))];
}

/** A stable string for a scope, used as a map key. @example scopeKey({ kind: 'topic', id: 't1' }); // 'topic:t1' */
export function scopeKey(scope: AlertScope): string {
  return `${scope.kind}:${scope.id}`;
}

/** Bilingual text that reaches a user. */
export interface LocalizedText {
  fr: string;
  en: string;
}
