/** The shapes of the connector-accounts API (docs/connectors/accounts.md). */
import type { ConnectorId } from '@vigie/core';

/** A connector account as the API shows it (docs/connectors/accounts.md): secrets never, only which are set. */
export interface AccountView {
  id: string;
  connector: ConnectorId;
  name: string;
  status: 'ok' | 'needs_reauth' | 'disabled';
  /** Why it is not `ok`, in the user's words. */
  statusReason?: string;
  lastError?: { code: string; message: string; at: string };
  config: Record<string, unknown>;
  secretsSet: string[];
  /** Connected with OAuth (the provider), else pasted credentials. */
  oauth?: string;
  tokenExpiresAt?: string;
  /** Monthly read budget where the network bills reads (X), shared by the account's sources. */
  budget?: { monthlyReads?: number; used: number; month: string };
  sourceCount?: number;
  createdAt: string;
  updatedAt: string;
}

export interface AccountInput {
  connector: ConnectorId;
  name?: string;
  config?: Record<string, unknown>;
  monthlyReads?: number | null;
}

export interface AccountPatch {
  name?: string;
  /** Secrets left out keep their stored value; a new one re-authorises the account. */
  config?: Record<string, unknown>;
  monthlyReads?: number | null;
}

/** A connector that can hold an account: its form's JSON Schema, whether "Connect with…" is available. */
export interface AccountConnectorInfo {
  id: ConnectorId;
  name: string;
  accountConfigSchema: Record<string, unknown>;
  oauth: boolean;
  billsReads: boolean;
}

/** `POST /api/accounts/:id/test`: one poll of a source using the account, nothing stored. */
export interface AccountTestResult {
  ok: boolean;
  /** False when no source uses the account yet (nothing to test with). */
  checked: boolean;
  fetched: number;
  source?: string;
  message?: string;
  error?: { code: string; message: string };
}
