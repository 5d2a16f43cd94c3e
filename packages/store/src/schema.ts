import type { ColumnType, Generated } from 'kysely';

/**
 * The one Kysely schema for both databases. Column types are written as the union of what the
 * two drivers return (e.g. PostgreSQL gives `Date` for timestamptz, SQLite gives ISO text) and
 * `row-mapping.ts` turns rows into domain objects. Writes always go through `StoreDialect`, which
 * turns booleans, JSON and timestamps into what each database stores.
 */

/** ISO-8601 text in SQLite, timestamptz in PostgreSQL. Written as an ISO string. */
export type Timestamp = ColumnType<string | Date, string, string>;
/** Text holding JSON in SQLite, jsonb in PostgreSQL. Written as a JSON string. */
export type Json = ColumnType<unknown, string, string>;
/** 0/1 integer in SQLite, boolean in PostgreSQL. */
export type Bool = ColumnType<number | boolean, number | boolean, number | boolean>;

export interface WorkspaceTable {
  id: string;
  name: string;
  slug: string;
  is_demo: Bool;
  created_at: Timestamp;
}

export interface TopicTable {
  id: string;
  workspace_id: string;
  name: string;
  kind: string;
  exclusions: string | null;
  color: string | null;
  created_at: Timestamp;
}

export interface QueryTable {
  id: string;
  workspace_id: string;
  topic_id: string;
  name: string | null;
  text: string;
  enabled: Bool;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SourceTable {
  id: string;
  workspace_id: string;
  connector: string;
  account_id: string | null;
  name: string;
  config: Json;
  poll_interval_sec: number;
  enabled: Bool;
  state: Json;
  status: string;
  last_run_at: Timestamp | null;
  last_success_at: Timestamp | null;
  last_error_at: Timestamp | null;
  last_error_code: string | null;
  last_error_message: string | null;
  consecutive_failures: number;
  next_run_at: Timestamp;
  /** Counts of the last run, JSON. */
  last_run: Json | null;
  created_at: Timestamp;
}

export interface MentionTable {
  /** Integer key: the FTS5 rowid in SQLite (stable across VACUUM because it is declared). */
  seq: Generated<number | string>;
  id: string;
  workspace_id: string;
  source_id: string | null;
  connector: string;
  external_id: string;
  url: string | null;
  author_handle: string;
  author_name: string | null;
  author_followers: number | null;
  author_url: string | null;
  author_avatar_url: string | null;
  title: string | null;
  text: string;
  html: string | null;
  /** Language declared by the source. */
  lang: string | null;
  /** Language used by the `lang` filter: detected when known, else declared. */
  lang_resolved: string | null;
  /** Sentiment label copied out of `analysis` so it can be filtered and indexed. */
  sentiment: string | null;
  published_at: Timestamp;
  fetched_at: Timestamp;
  engagement: Json;
  reply_to_external_id: string | null;
  thread_external_id: string | null;
  country: string | null;
  kind: string;
  raw: Json;
  analysis: Json;
}

export interface MentionMatchTable {
  mention_id: string;
  /** Null when a topic matched without a known query (kept rather than lost). */
  query_id: string | null;
  topic_id: string;
}

export interface SettingTable {
  workspace_id: string;
  key: string;
  value: Json;
  updated_at: Timestamp;
}

/** Inbox (migration 0003-inbox): threads that may need a human. */
export interface ConversationTable {
  id: string;
  workspace_id: string;
  key: string;
  connector: string;
  entry: string;
  status: string;
  /** active (open, assigned) | snoozed | done (replied, closed, ignored): one index range per view. */
  lane: string;
  priority: number;
  reasons: Json;
  recommendation: Json | null;
  assignee: string | null;
  tags: Json;
  snoozed_until: Timestamp | null;
  topic_id: string | null;
  last_author: string;
  preview: string;
  last_mention_id: string;
  url: string | null;
  mention_count: number;
  first_mention_at: Timestamp;
  first_response_at: Timestamp | null;
  due_at: Timestamp | null;
  last_activity_at: Timestamp;
}

export interface ConversationMentionTable {
  conversation_id: string;
  mention_id: string;
  published_at: Timestamp;
}

export interface ConversationNoteTable {
  id: string;
  workspace_id: string;
  conversation_id: string;
  author: string;
  text: string;
  created_at: Timestamp;
}

export interface ConversationAuditTable {
  id: string;
  workspace_id: string;
  conversation_id: string;
  actor: string;
  action: string;
  details: Json;
  at: Timestamp;
}

export interface SavedReplyTable {
  id: string;
  workspace_id: string;
  name: string;
  lang: string;
  text: string;
  created_at: Timestamp;
}

export interface ReplyDraftTable {
  id: string;
  workspace_id: string;
  conversation_id: string;
  text: string;
  author: string;
  verdict: Json;
  status: string;
  idempotency_key: string;
  hold_until: Timestamp | null;
  sent_external_id: string | null;
  error: Json | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Connector accounts (migration 0005-accounts): see packages/core/src/ports/account-repository.ts. */
export interface AccountTable {
  id: string;
  workspace_id: string;
  connector: string;
  name: string;
  status: string;
  status_reason: string | null;
  last_error: Json | null;
  config: Json;
  monthly_reads: number | null;
  reads_used: number;
  reads_month: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Database {
  workspaces: WorkspaceTable;
  topics: TopicTable;
  queries: QueryTable;
  sources: SourceTable;
  accounts: AccountTable;
  mentions: MentionTable;
  mention_matches: MentionMatchTable;
  settings: SettingTable;
  rollups: RollupTable;
  alert_rules: AlertRuleTable;
  episodes: EpisodeTable;
  notification_outbox: NotificationOutboxTable;
  notifications: NotificationTable;
  conversations: ConversationTable;
  conversation_mentions: ConversationMentionTable;
  conversation_notes: ConversationNoteTable;
  conversation_audit: ConversationAuditTable;
  saved_replies: SavedReplyTable;
  reply_drafts: ReplyDraftTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  one_time_tokens: OneTimeTokenTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
}

/** Alerting (migration 0002-alerts): see packages/core/src/alerts/alert-repositories.ts. */
export interface RollupTable {
  workspace_id: string;
  scope: string;
  scope_id: string;
  granularity: string;
  bucket_start: Timestamp;
  count: number;
  authors: number;
  negative: number;
  positive: number;
  neutral: number;
  reach: number;
}

export interface AlertRuleTable {
  id: string;
  workspace_id: string;
  name: string;
  scope_kind: string;
  scope_id: string;
  enabled: Bool;
  rule: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EpisodeTable {
  workspace_id: string;
  id: string;
  rule_id: string;
  scope_kind: string;
  scope_id: string;
  kind: string;
  status: string;
  revision: number;
  started_at: Timestamp;
  detected_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
  explanation: Json;
  signals: Json;
  details: Json;
}

export interface NotificationOutboxTable {
  key: string;
  workspace_id: string | null;
  channel: string;
  target: Json;
  notification: Json;
  status: string;
  attempts: number;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: Timestamp | null;
  created_at: Timestamp;
}

export interface NotificationTable {
  id: string;
  workspace_id: string;
  key: string;
  title: Json;
  episode_id: string | null;
  episode_kind: string | null;
  url: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** People and access (migration 0004-identity): see packages/core/src/identity/identity-repositories.ts. */
export interface UserTable {
  id: string;
  /** Lower-cased and trimmed: unique whatever the case typed. */
  email: string;
  name: string;
  locale: string;
  password_hash: string | null;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
}

export interface MembershipTable {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: Timestamp;
}

export interface SessionTable {
  id: string;
  /** SHA-256 (hex) of the cookie value; the value itself is never stored. */
  token_hash: string;
  user_id: string;
  workspace_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  absolute_expires_at: Timestamp;
  user_agent: string | null;
  ip: string | null;
}

export interface ApiTokenTable {
  id: string;
  token_hash: string;
  workspace_id: string;
  name: string;
  role: string;
  prefix: string;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface OneTimeTokenTable {
  id: string;
  token_hash: string;
  kind: string;
  user_id: string | null;
  email: string | null;
  workspace_id: string | null;
  role: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface LoginAttemptTable {
  key: string;
  at: Timestamp;
}

export interface AuditLogTable {
  id: string;
  /** Null for instance-wide events (sign-in, setup). */
  workspace_id: string | null;
  at: Timestamp;
  actor_kind: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target: string | null;
  ip: string | null;
  details: Json | null;
}
