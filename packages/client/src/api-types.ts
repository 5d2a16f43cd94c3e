/**
 * The shapes of the HTTP API (docs/api.md) that are not plain core domain types: request bodies,
 * list filters and the answers of the non-CRUD routes.
 */
import type { ConnectorId, Mention, MentionInput, SentimentLabel, Source, TopicKind } from '@vigie/core';
import type { AlertChannel, AlertRuleInput, BacktestEpisode, EpisodeExplanation, EpisodeKind, EpisodeStatus, InAppNotification, LocalizedText, Signal, StoredAlertRule, WebhookFormat } from '@vigie/core';

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
  /** The account whose credentials the source uses (see `accounts`). */
  accountId?: string;
  /** Also fetch this many days back, once (connectors with the `backfill` capability). */
  backfillDays?: number;
}

export interface SourcePatch {
  name?: string;
  config?: Record<string, unknown>;
  pollIntervalSec?: number;
  enabled?: boolean;
  /** Another account, or `null` for the source's own credentials. */
  accountId?: string | null;
}

export interface FetchResult {
  fetched: number;
  inserted: number;
  skipped: number;
  /** The feed answered 304 Not Modified: nothing new since the last poll. */
  notModified?: boolean;
  error?: { code: string; message: string };
}

/** What testing unsaved source settings found (`POST /api/sources/test`): nothing is stored. */
export interface SourceTestResult {
  ok: boolean;
  /** Items the poll returned; `sample` holds the first five. */
  fetched: number;
  sample: Omit<MentionInput, 'raw' | 'html'>[];
  error?: { code: string; message: string };
}

/** A webhook intake as listed: its token and secret are never shown again. */
export interface Intake {
  id: string;
  name: string;
  createdAt: string;
  lastReceivedAt?: string;
}

/** A new intake: the URL to push to and the signing secret, in this answer only. */
export interface NewIntake extends Intake {
  url: string;
  secret: string;
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

/** GET /api/stats/themes: what is said in a period and by how many distinct voices. */
export interface ThemesReport {
  period: { since: string; until: string };
  keyTerms: Record<string, { term: string; key: string; kind: string; count: number; share: number }[]>;
  rising: Record<string, { term: string; key: string; kind: string; current: number; baseline: number; ratio: number; score: number }[]>;
  spread: { mentions: number; uniqueVoices: number; clusters: { size: number; authors: number; sample: { id: string; text: string; author: string } }[] };
  truncated: boolean;
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

/** Inbox (docs/inbox.md): a reason in both languages. */
export interface InboxReasonView {
  code: string;
  message: string;
  messageFr: string;
}

export type ConversationStatusName = 'open' | 'assigned' | 'snoozed' | 'replied' | 'closed' | 'ignored';
export type InboxViewName = 'open' | 'mine' | 'unanswered' | 'overdue' | 'snoozed' | 'closed';

export interface ConversationView {
  id: string;
  key: string;
  connector: ConnectorId;
  entry: string;
  status: ConversationStatusName;
  priority: number;
  reasons: InboxReasonView[];
  recommendation: { action: 'reply' | 'reply_privately' | 'acknowledge' | 'escalate' | 'dont_respond'; reasons: InboxReasonView[] } | null;
  /** A member's user id (older data: a free-text name). */
  assignee?: string;
  /** The assignee's name (an older free-text assignee as written). */
  assigneeName?: string;
  tags: string[];
  snoozedUntil?: string;
  topicId?: string;
  lastAuthor: string;
  preview: string;
  lastMentionId: string;
  url?: string;
  mentionCount: number;
  firstMentionAt: string;
  firstResponseAt?: string;
  dueAt?: string;
  sla?: 'on_time' | 'due_soon' | 'overdue' | 'met' | 'missed';
  lastActivityAt: string;
}

export interface ConversationListFilter {
  view?: InboxViewName;
  member?: string;
  connector?: string;
  tag?: string;
  minPriority?: number;
  limit?: number;
  cursor?: string;
}

export interface ConversationPage {
  items: ConversationView[];
  nextCursor: string | null;
}

export interface ConversationPatchInput {
  status?: ConversationStatusName;
  /** A member's user id (owner, manager or agent of the workspace); null unassigns. */
  assignee?: string | null;
  tags?: string[];
  snoozedUntil?: string | null;
  /** Ignored by the server: the caller acts (kept for older callers). */
  actor?: string;
}

export interface GuardVerdictView {
  verdict: 'ok' | 'review' | 'hold';
  reasons: { code: string; message: string }[];
  suggestions: { code: string; message: string }[];
  scores: Record<string, unknown>;
}

export interface ReplyView {
  id: string;
  conversationId: string;
  text: string;
  /** The writer's user id (`token:<id>` for an API token). */
  author: string;
  /** The writer's name. */
  authorName?: string;
  /** `sending`: on its way; `unknown`: interrupted while sending — check on the network, then confirm. */
  status: 'draft' | 'held' | 'approved' | 'sending' | 'sent' | 'failed' | 'awaiting_confirmation' | 'unknown';
  idempotencyKey: string;
  holdUntil?: string;
  sentExternalId?: string;
  /** Where it was posted and on which network (right after sending; later in the audit's `reply.sent`). */
  sentUrl?: string;
  network?: string;
  /** Why it has to be posted by hand ("no account connected for Bluesky"). */
  openReason?: string;
  error?: { code: string; message: string };
  verdict: GuardVerdictView | null;
  createdAt: string;
  updatedAt: string;
  /** Set when the network cannot post for us: open this, post, then confirm. */
  openUrl?: string;
}

export interface ConversationDetail extends ConversationView {
  mentions: MentionView[];
  /** `author`/`actor`: a user id (`token:<id>`, or older free text); `authorName`/`actorName`: the name to show. */
  notes: { id: string; author: string; authorName: string; text: string; createdAt: string }[];
  replies: ReplyView[];
  audit: { id: string; actor: string; actorName: string; action: string; details: Record<string, unknown>; at: string }[];
}

/** One of the company's own accounts on a network (docs/inbox.md). */
export interface OwnAccountView {
  connector: ConnectorId;
  handle: string;
}

/** When and to whom the low-priority digest goes. */
export interface InboxDigestSettingsView {
  enabled: boolean;
  hour: number;
  timeZone: string;
  recipients: string[];
  locale: 'fr' | 'en';
}

/** The low-priority digest as it would be sent now. */
export interface InboxDigestView {
  count: number;
  byReason: { reason: string; label: string; count: number }[];
  items: { id: string; connector: ConnectorId; author: string; preview: string; priority: number; url?: string; link?: string }[];
  subject: string;
  text: string;
  html: string;
}

export interface SavedReplyView {
  id: string;
  name: string;
  lang: 'fr' | 'en';
  text: string;
  createdAt: string;
}

/** A member's time on the inbox today (docs/inbox.md). */
export interface TimeBudgetView {
  budgetMinutes: number;
  spentMinutes: number;
  remainingMinutes: number;
  exhausted: boolean;
}

export interface InboxStats {
  days: number;
  firstResponse: Record<'all', { count: number; median: number | null; p90: number | null }> & Record<'byNetwork' | 'byTopic', { key: string; count: number; median: number | null; p90: number | null }[]> & {
    /** Per assignee: `key` the user id ('' unassigned), `name` the member's name. */
    byMember: { key: string; name: string; count: number; median: number | null; p90: number | null }[];
  };
  queue: { urgent: number; high: number; normal: number; low: number; clearMinutes: number };
}

// Alerts (docs/alerts.md, docs/api.md).

/** A channel as the API returns it: a webhook's secret is replaced by `hasSecret`. */
export type AlertChannelView = Exclude<AlertChannel, { kind: 'webhook' }> | { kind: 'webhook'; url: string; format: WebhookFormat; hasSecret: boolean };

/** An alert rule as the API returns it. */
export type AlertRuleView = Omit<StoredAlertRule, 'channels'> & { channels: AlertChannelView[] };

/** What `PATCH /api/alert-rules/:id` takes: any rule fields; a webhook without `secret` keeps the stored one. */
export type AlertRulePatch = Partial<AlertRuleInput>;

/** An episode as lists show it: the ten-second read and its sparkline. */
export interface EpisodeSummaryView {
  id: string;
  ruleId: string;
  scope: { kind: 'topic' | 'query'; id: string; name: string };
  kind: EpisodeKind;
  status: EpisodeStatus;
  startedAt: string;
  detectedAt: string;
  updatedAt: string;
  closedAt?: string;
  revision: number;
  peak: { at: string; mentions: number };
  headline: LocalizedText;
  text: LocalizedText;
  sparkline: number[];
  sparklineStepMin: number;
  volume: { mentions: number; authors: number; reach: number };
}

/** The post-mortem of one episode. */
export interface EpisodeDetailView extends EpisodeSummaryView {
  calmingAt?: string;
  explanation: EpisodeExplanation;
  signals: Signal[];
  topPosts: MentionView[];
}

/** A delivery that is retrying (`failing`) or gave up (`dead`): a channel to fix. */
export interface DeliveryView {
  key: string;
  channel: 'in_app' | 'email' | 'webhook';
  target: string;
  status: 'pending' | 'sent' | 'failing' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  lastError?: string;
  title: LocalizedText;
}

export interface NotificationsView {
  items: InAppNotification[];
  unread: number;
  failing: DeliveryView[];
}

export interface SeriesPoint {
  start: string;
  count: number;
  authors: number;
  negative: number;
  positive: number;
  neutral: number;
  reach: number;
  negativeShare: number;
}

export interface SeriesView {
  scope: { kind: 'topic' | 'query'; id: string };
  granularity: '5m' | '1h' | '1d';
  items: SeriesPoint[];
}

/** One episode `POST /api/alerts/backtest` (and `vigie alerts backtest --json`) reports. */
export type BacktestEpisodeView = Omit<BacktestEpisode, 'details'>;

export * from './identity-types';
export * from './account-types';
