import type { ConnectorId } from '../domain/connector-id';
import type { Mention, MentionAnalysis, MentionInput } from '../domain/mention';
import type { Query, Topic, TopicKind } from '../domain/topic';
import type { Source, SourceHealth, SourceState, Workspace } from '../domain/source';
import type { AlertRuleRepository, EpisodeRepository, InAppNotificationRepository, OutboxRepository, RollupRepository } from '../alerts/alert-repositories';
import type { ConversationRepository, ReplyRepository, SavedReplyRepository } from '../inbox/inbox-repositories';
import type { AccountRepository } from './account-repository';
import type { ApiTokenRepository, AuditLogRepository, LoginAttemptRepository, MembershipRepository, OneTimeTokenRepository, SessionRepository, UserRepository } from '../identity/identity-repositories';

/**
 * The persistence port. Implemented once with Kysely in packages/store for SQLite and
 * PostgreSQL; one test suite runs on both. Every method is scoped by workspace: nothing crosses.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  workspaces: WorkspaceRepository;
  topics: TopicRepository;
  sources: SourceRepository;
  /** Connector accounts (credentials shared by sources, read budgets, re-authorisation). */
  accounts: AccountRepository;
  mentions: MentionRepository;
  settings: SettingsRepository;
  /** Alerting (docs/alerts.md): time series, rules, episodes, the notification outbox, the bell. */
  rollups: RollupRepository;
  alertRules: AlertRuleRepository;
  episodes: EpisodeRepository;
  outbox: OutboxRepository;
  notifications: InAppNotificationRepository;
  /** The inbox: conversations with notes and audit, saved replies, reply drafts. */
  conversations: ConversationRepository;
  savedReplies: SavedReplyRepository;
  replies: ReplyRepository;
  /** People and access (docs/security.md): users, memberships, sessions, API tokens, one-time tokens, login attempts, audit log. */
  users: UserRepository;
  memberships: MembershipRepository;
  sessions: SessionRepository;
  apiTokens: ApiTokenRepository;
  oneTimeTokens: OneTimeTokenRepository;
  loginAttempts: LoginAttemptRepository;
  audit: AuditLogRepository;
  /** Applies pending migrations; safe to call at every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface WorkspaceRepository {
  create(input: { name: string; slug: string; isDemo?: boolean }): Promise<Workspace>;
  get(id: string): Promise<Workspace | undefined>;
  getBySlug(slug: string): Promise<Workspace | undefined>;
  list(): Promise<Workspace[]>;
  /** Changes the display name (the slug stays: it appears in scripts and links). */
  rename(id: string, name: string): Promise<Workspace | undefined>;
  /** Deletes the workspace and everything in it. */
  delete(id: string): Promise<void>;
}

export interface NewTopic {
  name: string;
  kind: TopicKind;
  exclusions?: string;
  color?: string;
  queries: { text: string; name?: string; enabled?: boolean }[];
}

export interface TopicRepository {
  create(workspaceId: string, input: NewTopic): Promise<Topic>;
  get(workspaceId: string, id: string): Promise<Topic | undefined>;
  list(workspaceId: string): Promise<Topic[]>;
  update(workspaceId: string, id: string, patch: Partial<Omit<NewTopic, 'queries'>>): Promise<Topic | undefined>;
  delete(workspaceId: string, id: string): Promise<boolean>;
  addQuery(workspaceId: string, topicId: string, input: { text: string; name?: string; enabled?: boolean }): Promise<Query>;
  updateQuery(workspaceId: string, queryId: string, patch: { text?: string; name?: string; enabled?: boolean }): Promise<Query | undefined>;
  deleteQuery(workspaceId: string, queryId: string): Promise<boolean>;
  getQuery(workspaceId: string, queryId: string): Promise<Query | undefined>;
  /** Every enabled query of every workspace (the matcher loads them at start). */
  listAllQueries(): Promise<(Query & { topicExclusions?: string })[]>;
}

export interface NewSource {
  connector: ConnectorId;
  name: string;
  config: Record<string, unknown>;
  pollIntervalSec: number;
  accountId?: string;
  enabled?: boolean;
}

export interface SourceRepository {
  create(workspaceId: string, input: NewSource): Promise<Source>;
  get(workspaceId: string, id: string): Promise<Source | undefined>;
  list(workspaceId: string): Promise<Source[]>;
  /** `accountId: null` unlinks the account. */
  update(workspaceId: string, id: string, patch: Partial<Pick<Source, 'name' | 'config' | 'pollIntervalSec' | 'enabled'>> & { accountId?: string | null }): Promise<Source | undefined>;
  delete(workspaceId: string, id: string): Promise<boolean>;
  /** Sources of all workspaces whose `health.nextRunAt` ≤ now and that are enabled. */
  listDue(now: Date, limit: number): Promise<Source[]>;
  /**
   * Like `listDue`, but atomically moves each returned source's `nextRunAt` to now + `leaseMs`, so
   * several workers sharing one database never poll the same source at once; a dead worker's
   * sources are due again when the lease ends.
   */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<Source[]>;
  /** Persists the outcome of a poll: new state (cursor, ETag…) and health, atomically. */
  recordRun(id: string, run: { state?: SourceState; health: SourceHealth }): Promise<void>;
  /** Saves the state alone (a stream's cursor), leaving health untouched. */
  saveState(id: string, state: SourceState): Promise<void>;
}

/** Mention to store: connector output plus analysis, matches and the source it came from. */
export interface NewMention extends MentionInput {
  sourceId?: string;
  analysis: MentionAnalysis;
  queryIds: string[];
  topicIds: string[];
}

export interface MentionFilter {
  /** Full-text search, accent- and case-insensitive (FTS5 / tsvector). Plain words, all required. */
  search?: string;
  topicId?: string;
  queryId?: string;
  connector?: ConnectorId;
  lang?: string;
  sentiment?: 'negative' | 'neutral' | 'positive';
  /** ISO bounds on publishedAt: since inclusive, until exclusive. */
  since?: string;
  until?: string;
  sourceId?: string;
}

export interface PageRequest {
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface UpsertResult {
  /** Mentions that did not exist before (events are emitted for these only). */
  inserted: Mention[];
  /** Existing mentions whose engagement/text was refreshed. */
  updated: number;
}

/**
 * A listening query reduced to what a full-text engine can express, for searching stored history.
 * Built by core/query from the parsed query; the store translates it to FTS5 (SQLite) or tsquery
 * (PostgreSQL). It may match MORE than the query (never less): callers confirm with the matcher.
 * Terms are already folded (lower case, no accents) and contain only letters/digits.
 */
export type FtsPlan =
  | { kind: 'term'; value: string; prefix?: boolean }
  | { kind: 'phrase'; words: string[] }
  | { kind: 'and'; items: FtsPlan[] }
  | { kind: 'or'; items: FtsPlan[] }
  /** Only ever appears inside an `and` that also has a positive item. */
  | { kind: 'not'; item: FtsPlan };

export interface MentionRepository {
  /** Idempotent on (workspace, connector, externalId): a re-fetch never duplicates. */
  upsertMany(workspaceId: string, mentions: NewMention[]): Promise<UpsertResult>;
  get(workspaceId: string, id: string): Promise<Mention | undefined>;
  /** Newest first (publishedAt desc, id desc), cursor-paginated. */
  list(workspaceId: string, filter: MentionFilter, page: PageRequest): Promise<Page<Mention>>;
  count(workspaceId: string, filter: MentionFilter): Promise<number>;
  /**
   * Candidates for a listening query in stored history: mentions whose text/title match the plan
   * (a superset of the query's true matches), also restricted by `filter`, newest first.
   */
  searchPlan(workspaceId: string, plan: FtsPlan, filter: MentionFilter, page: PageRequest): Promise<Page<Mention>>;
  /** Replaces the query/topic matches of one mention (used after a query edit or a backfill). */
  setMatches(workspaceId: string, id: string, queryIds: string[], topicIds: string[]): Promise<void>;
  /** Replaces the analysis of one mention (reanalyze). */
  setAnalysis(workspaceId: string, id: string, analysis: MentionAnalysis): Promise<void>;
  /** Counts for the dashboard, grouped in the database (never by loading mentions). Days are UTC. */
  overview(workspaceId: string, filter: MentionFilter): Promise<MentionOverview>;
  /** Deletes every mention of one connector. */
  deleteByConnector(workspaceId: string, connector: ConnectorId): Promise<number>;
  /** Deletes every mention a source brought in (e.g. removing the demo). */
  deleteBySource(workspaceId: string, sourceId: string): Promise<number>;
  /**
   * Data rights: deletes every mention by one author (matched on handle or author id, case-insensitive,
   * optionally on one connector) with its full-text entry and conversation links. Returns how many.
   */
  deleteByAuthor(workspaceId: string, author: { handle: string; connector?: ConnectorId }): Promise<number>;
  /** Retention: deletes mentions published before `before` (ISO). Returns how many. */
  deleteOlderThan(workspaceId: string, before: string): Promise<number>;
}

export interface MentionOverview {
  total: number;
  byDay: { day: string; count: number; negative: number; neutral: number; positive: number }[];
  byConnector: { connector: ConnectorId; count: number }[];
  byTopic: { topicId: string; count: number }[];
  bySentiment: { negative: number; neutral: number; positive: number };
  byLang: { lang: string; count: number }[];
}

/** Small per-workspace state as JSON values (e.g. the demo's status). */
export interface SettingsRepository {
  get<T = unknown>(workspaceId: string, key: string): Promise<T | undefined>;
  set(workspaceId: string, key: string, value: unknown): Promise<void>;
  delete(workspaceId: string, key: string): Promise<void>;
}
