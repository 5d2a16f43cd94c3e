import type { ConnectorId } from '../domain/connector-id';
import type { Account, AccountBudget, AccountStatus } from '../domain/source';

export interface NewAccount {
  connector: ConnectorId;
  name: string;
  /** Settings with secrets already sealed by the caller. */
  config: Record<string, unknown>;
  /** Posts (or other billed reads) the account may read per calendar month (UTC); absent = no cap. */
  monthlyReads?: number;
  status?: AccountStatus;
}

export interface AccountPatch {
  name?: string;
  /** Replaces the stored settings (secrets sealed by the caller). */
  config?: Record<string, unknown>;
  /** `null` removes the cap. */
  monthlyReads?: number | null;
}

/**
 * Connector accounts (credentials shared by sources), scoped by workspace like everything else.
 *
 * @example
 * const account = await store.accounts.create(ws, { connector: 'x', name: 'Brand X app', config: { bearerToken: sealed }, monthlyReads: 10000 });
 * await store.accounts.setStatus(ws, account.id, 'needs_reauth', { reason: 'the token expired', error: { code: 'auth_expired', message: 'HTTP 401' } });
 */
export interface AccountRepository {
  create(workspaceId: string, input: NewAccount): Promise<Account>;
  get(workspaceId: string, id: string): Promise<Account | undefined>;
  list(workspaceId: string): Promise<Account[]>;
  update(workspaceId: string, id: string, patch: AccountPatch): Promise<Account | undefined>;
  delete(workspaceId: string, id: string): Promise<boolean>;
  /**
   * Sets the status; `reason` is cleared when omitted. `error` is recorded as the last error (with
   * the time of the change) when given.
   */
  setStatus(workspaceId: string, id: string, status: AccountStatus, options?: { reason?: string; error?: { code: string; message: string }; at?: Date }): Promise<Account | undefined>;
  /**
   * Adds `reads` to this month's count in ONE statement (two sources of the account polling at
   * once both count), starting from 0 when the stored month is over. Returns the new budget.
   */
  recordReads(workspaceId: string, id: string, reads: number, now: Date): Promise<AccountBudget | undefined>;
}
