import type { ConnectorId } from './connector-id';

export type SourceStatus = 'pending' | 'ok' | 'failing' | 'disabled' | 'needs_reauth';

/** What the scheduler and the user see of a source's recent life. */
export interface SourceHealth {
  status: SourceStatus;
  lastRunAt?: string;
  lastSuccessAt?: string;
  lastErrorAt?: string;
  /** Stable code (a ConnectorError code) and readable message of the last failure. */
  lastError?: { code: string; message: string };
  consecutiveFailures: number;
  /** When the scheduler will poll it next (ISO). */
  nextRunAt: string;
  /** Counts from the last run. */
  lastRun?: { fetched: number; inserted: number; skipped: number; durationMs: number };
}

/**
 * Connector-owned memory between polls (cursor, ETag, Last-Modified, seen ids…). Opaque to the
 * core; persisted after each successful poll so a restart neither loses nor duplicates.
 */
export type SourceState = Record<string, unknown>;

/** One thing a connector watches: a feed URL, a hashtag, a subreddit, a search. */
export interface Source {
  id: string;
  workspaceId: string;
  connector: ConnectorId;
  accountId?: string;
  name: string;
  /** Validated by the connector's own config schema. */
  config: Record<string, unknown>;
  pollIntervalSec: number;
  enabled: boolean;
  state: SourceState;
  health: SourceHealth;
  createdAt: string;
}

/** Credentials for a connector. Secrets are stored encrypted; `secrets` is never presented. */
export interface Account {
  id: string;
  workspaceId: string;
  connector: ConnectorId;
  name: string;
  status: 'ok' | 'needs_reauth' | 'disabled';
  createdAt: string;
}

export interface Workspace {
  id: string;
  name: string;
  slug: string;
  isDemo: boolean;
  createdAt: string;
}
