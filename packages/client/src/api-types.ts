/**
 * The shapes of the HTTP API (docs/api.md) that are not plain core domain types: request bodies,
 * list filters and the answers of the non-CRUD routes.
 */
import type { ConnectorId, Mention, SentimentLabel, Source, TopicKind } from '@vigie/core';

/** A mention as listed by the API: a `Mention` without its raw payload. */
export type MentionView = Omit<Mention, 'raw'>;

export interface Health {
  status: 'ok';
  version: string;
  database: 'sqlite' | 'postgres';
  uptimeSec: number;
}

export interface ConnectorInfo {
  id: ConnectorId;
  name: string;
  capabilities: string[];
  /** JSON Schema of the connector's source config. */
  sourceConfigSchema: Record<string, unknown>;
}

export interface TopicInput {
  name: string;
  kind: TopicKind;
  queries: string[];
  exclusions?: string;
  color?: string;
}

export interface TopicPatch {
  name?: string;
  kind?: TopicKind;
  exclusions?: string;
  color?: string;
}

export interface QueryInput {
  text: string;
  name?: string;
}

export interface QueryPatch {
  text?: string;
  name?: string;
  enabled?: boolean;
}

/** Token types answered by `POST /api/queries/validate`, used for syntax highlighting. */
export type QueryTokenType =
  | 'term'
  | 'phrase'
  | 'operator'
  | 'field'
  | 'paren'
  | 'wildcard'
  | 'hashtag'
  | 'mention'
  | 'near'
  | 'error'
  | 'space';

/** A slice `[start, end)` of the query text (0-based offsets). */
export interface QueryToken {
  type: QueryTokenType;
  start: number;
  end: number;
}

export interface QueryWarning {
  code: string;
  message: string;
  messageFr?: string;
  /** 1-based column the warning is about, when it concerns one place. */
  column?: number;
}

export interface QuerySyntaxError {
  message: string;
  messageFr?: string;
  /** 1-based column of the problem. */
  column?: number;
  /** Characters to underline from `column`. */
  length?: number;
}

/** Answer of `POST /api/queries/validate`; `tokens` and `warnings` default to empty lists. */
export interface QueryValidation {
  valid: boolean;
  normalized?: string;
  tokens: QueryToken[];
  warnings: QueryWarning[];
  error?: QuerySyntaxError;
}

export interface Highlight {
  field: 'text' | 'title';
  start: number;
  end: number;
}

export interface QueryPreview {
  count: number;
  /** Stored mentions examined; `truncated` when the scan stopped before the end of history. */
  scanned?: number;
  truncated?: boolean;
  items: { mention: MentionView; highlights: Highlight[] }[];
}

export interface SourceInput {
  connector: ConnectorId;
  url?: string;
  name?: string;
  config?: Record<string, unknown>;
  pollIntervalSec?: number;
}

export interface SourcePatch {
  name?: string;
  config?: Record<string, unknown>;
  pollIntervalSec?: number;
  enabled?: boolean;
}

export interface FetchResult {
  fetched: number;
  inserted: number;
  skipped: number;
  /** The feed answered 304 Not Modified: nothing new since the last poll. */
  notModified?: boolean;
  error?: { code: string; message: string };
}

export interface OpmlImportResult {
  created: Source[];
  /** Outlines that could not be added; `line` when the server can tell where. */
  errors: { line?: number; message: string }[];
}

/** Query-string filter of `GET /api/mentions`; dates are ISO-8601. */
export interface MentionListFilter {
  search?: string;
  topic?: string;
  query?: string;
  connector?: ConnectorId;
  lang?: string;
  sentiment?: SentimentLabel;
  since?: string;
  until?: string;
  limit?: number;
  cursor?: string;
}

export interface MentionPage {
  items: MentionView[];
  nextCursor: string | null;
}

export interface StatsOverview {
  total: number;
  byDay: { day: string; count: number; negative: number; neutral: number; positive: number }[];
  byConnector: { connector: ConnectorId; count: number }[];
  byTopic: { topicId: string; name: string; count: number }[];
  bySentiment: { negative: number; neutral: number; positive: number };
}

export interface DemoStatus {
  enabled: boolean;
  replay: boolean;
}
