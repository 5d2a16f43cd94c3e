/**
 * The persistence ports of alerting: rollups (time series), alert rules, episodes, the
 * notification outbox and in-app notifications. The store implements them on SQLite and
 * PostgreSQL (migration `0002-alerts`); every method except the outbox worker's is scoped by
 * workspace, so nothing crosses workspaces.
 */
import type { LocalizedText, ScopeKind } from './alert-point';
import type { AlertRule } from './alert-rule';
import type { Episode, EpisodeKind, EpisodeStatus } from './episode';
import type { Notification, OutboxEntry, OutboxStatus, OutboxStore } from './outbox-store';
import type { RollupRow } from './rollup';
import type { Granularity } from './time-buckets';

export interface RollupFilter {
  scope: ScopeKind;
  scopeId: string;
  granularity: Granularity;
  /** ISO bounds on the bucket start: since inclusive, until exclusive. */
  since: string;
  until?: string;
}

export interface RollupRepository {
  /**
   * Adds each row's figures to the stored bucket (insert, or increment on conflict), in one
   * statement per chunk. Rows are DELTAS, e.g. the rows of a rollup built from one ingest batch:
   * several workers sharing one database may count different mentions into the same bucket.
   * `authors` adds up the batches' distinct authors (an author in two batches counts twice).
   *
   * @example
   * await store.rollups.increment(ws.id, batchRollup.rows());
   */
  increment(workspaceId: string, rows: readonly RollupRow[]): Promise<void>;
  /** Buckets of one scope and granularity, oldest first. @example await store.rollups.list(ws.id, { scope: 'topic', scopeId: t.id, granularity: '1h', since }); */
  list(workspaceId: string, filter: RollupFilter): Promise<RollupRow[]>;
  /** Every bucket of one granularity since a date, all scopes (the live worker's warm-up). */
  listSince(workspaceId: string, granularity: Granularity, since: string): Promise<RollupRow[]>;
}

/** A rule as stored: always with an id, and when it was written. */
export type StoredAlertRule = AlertRule & { id: string; createdAt: string; updatedAt: string };

export interface AlertRuleRepository {
  /** Stores a rule parsed by `parseAlertRule`; a new id is given. @example await store.alertRules.create(ws.id, parseAlertRule(body)); */
  create(workspaceId: string, rule: AlertRule): Promise<StoredAlertRule>;
  get(workspaceId: string, id: string): Promise<StoredAlertRule | undefined>;
  /** Oldest first. */
  list(workspaceId: string): Promise<StoredAlertRule[]>;
  /** Replaces the whole rule (the caller merges a patch and re-validates first). */
  update(workspaceId: string, id: string, rule: AlertRule): Promise<StoredAlertRule | undefined>;
  delete(workspaceId: string, id: string): Promise<boolean>;
}

export interface EpisodeFilter {
  status?: EpisodeStatus;
  ruleId?: string;
  limit?: number;
}

export interface EpisodeRepository {
  /**
   * Inserts or replaces an episode by id; an older revision never overwrites a newer one
   * (two workers, or an event replayed after a restart).
   *
   * @example
   * for (const event of engine.evaluate(now)) await store.episodes.save(ws.id, event.episode);
   */
  save(workspaceId: string, episode: Episode): Promise<void>;
  get(workspaceId: string, id: string): Promise<Episode | undefined>;
  /** Most recently detected first. */
  list(workspaceId: string, filter?: EpisodeFilter): Promise<Episode[]>;
}

/** The outbox as the store provides it: the worker's port plus what the API shows. */
export interface OutboxRepository extends OutboxStore {
  /**
   * Deliveries of one workspace, newest due first, optionally by status (e.g. `failing` and
   * `dead`, shown as failing channels).
   */
  listByWorkspace(workspaceId: string, filter?: { statuses?: readonly OutboxStatus[]; limit?: number }): Promise<OutboxEntry[]>;
}

/** A notification shown in the web UI's bell. */
export interface InAppNotification {
  id: string;
  /** The outbox key: delivering the same notification twice keeps one row. */
  key: string;
  title: LocalizedText;
  episodeId?: string;
  episodeKind?: EpisodeKind;
  url?: string;
  createdAt: string;
  readAt?: string;
}

export interface InAppNotificationRepository {
  /** Adds one; `false` when its key was already there (at-least-once delivery). @example await store.notifications.add(ws.id, notification); */
  add(workspaceId: string, notification: Notification): Promise<boolean>;
  /** Newest first, with the unread count of the whole workspace. */
  list(workspaceId: string, options?: { limit?: number; unreadOnly?: boolean }): Promise<{ items: InAppNotification[]; unread: number }>;
  /** Marks one read; `false` when it does not exist in this workspace. */
  markRead(workspaceId: string, id: string): Promise<boolean>;
}
