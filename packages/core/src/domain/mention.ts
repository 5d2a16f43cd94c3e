import type { ConnectorId } from './connector-id';

/** Who wrote a mention, as far as the network tells us. */
export interface Author {
  /** Stable handle on the network, e.g. `@alice@mastodon.social`, `u/bob`, a feed's author name. */
  handle: string;
  name?: string;
  followers?: number;
  url?: string;
  avatarUrl?: string;
}

/** Engagement counts as reported by the network at fetch time; absent means unknown. */
export interface Engagement {
  likes?: number;
  reposts?: number;
  replies?: number;
  quotes?: number;
  views?: number;
}

export type MentionKind = 'post' | 'comment' | 'article' | 'reply' | 'message';

/**
 * A normalised item as a connector produces it, before analysis and storage.
 * `html` must already be sanitised (connectors/kit does it); `text` is plain text.
 *
 * @example
 * const m: MentionInput = {
 *   connector: 'rss', externalId: 'https://blog.example/p/1', url: 'https://blog.example/p/1',
 *   author: { handle: 'Jeanne' }, title: 'Avis', text: 'Très bon produit', kind: 'article',
 *   publishedAt: '2026-11-20T10:00:00.000Z', engagement: {}, raw: {},
 * };
 */
export interface MentionInput {
  connector: ConnectorId;
  /** Id on the network; (workspace, connector, externalId) is unique. */
  externalId: string;
  url?: string;
  author: Author;
  title?: string;
  text: string;
  html?: string;
  /** Language declared by the source (BCP-47 primary tag); analysis may override it. */
  lang?: string;
  /** ISO-8601 UTC. */
  publishedAt: string;
  engagement: Engagement;
  replyToExternalId?: string;
  threadExternalId?: string;
  /** ISO-3166 alpha-2 when the network tells. */
  country?: string;
  kind: MentionKind;
  /** The payload as received, kept so a mention can be re-normalised. */
  raw: unknown;
}

/** One analyzer's output; `analyzer` is `name@version` so stored mentions can be re-analysed. */
export interface AnalyzerStamp {
  analyzer: string;
}

export interface LanguageResult extends AnalyzerStamp {
  /** Primary language tag (`fr`, `en`, …) or `unknown`. */
  value: string;
  confidence: number;
}

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentResult extends AnalyzerStamp {
  label: SentimentLabel;
  /** -1 (very negative) … +1 (very positive). */
  score: number;
}

/**
 * Analysis attached to a mention. Known keys are typed; later analyzers add their own keys,
 * each value stamped with its analyzer.
 */
export interface MentionAnalysis {
  lang?: LanguageResult;
  sentiment?: SentimentResult;
  [key: string]: AnalyzerStamp | undefined;
}

/** A stored mention. */
export interface Mention extends MentionInput {
  id: string;
  workspaceId: string;
  sourceId?: string;
  /** ISO-8601 UTC, when Vigie first stored it. */
  fetchedAt: string;
  analysis: MentionAnalysis;
  /** Ids of the queries this mention matched when it was stored (or last re-matched). */
  queryIds: string[];
  /** Ids of the topics of those queries. */
  topicIds: string[];
}
