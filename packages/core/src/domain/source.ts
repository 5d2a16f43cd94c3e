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

export type AccountStatus = 'ok' | 'needs_reauth' | 'disabled';

/**
 * A connector's monthly read budget, where the network bills reads (X): shared by every source of
 * the account. `used` counts this `month` (`YYYY-MM`, UTC); a past month's count no longer counts.
 */
export interface AccountBudget {
  monthlyReads?: number;
  used: number;
  month: string;
}

/**
 * Credentials for a connector: one network login, app or page, used by any number of sources.
 * Secrets are stored sealed inside `config` and never presented: the API shows `secretsSet`.
 * A source with an `accountId` sees the account's opened secrets merged into its settings.
 */
export interface Account {
  id: string;
  workspaceId: string;
  connector: ConnectorId;
  name: string;
  status: AccountStatus;
  /** Why the account is not `ok` (e.g. "the token expired"), shown to the user. */
  statusReason?: string;
  /** The last failure met while using the account. */
  lastError?: { code: string; message: string; at: string };
  /** Settings, secrets sealed (the store never sees them in clear). */
  config: Record<string, unknown>;
  budget?: AccountBudget;
  createdAt: string;
  updatedAt: string;
}

export interface Workspace {
  id: string;
  name: string;
  slug: string;
  isDemo: boolean;
  createdAt: string;
}
