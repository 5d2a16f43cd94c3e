/**
 * Connector accounts: credentials held once (one network login, app or page) and used by any
 * number of sources. Secrets are sealed with the SecretBox before they reach the store and opened
 * only right before a capability runs. A 401 on any source of an account marks the account
 * `needs_reauth`: its sources are skipped until it is re-authorised (new token, OAuth again).
 */
import { z } from 'zod';
import { AppError, type Account, type ConnectorId, type Source, type SourceHealth, type SourceState, type Store } from '@vigie/core';
import { assertPublicUrl, ConnectorError, getConnector, isConnectorError, type AnyConnector } from '@vigie/connectors';
import { ZodError } from 'zod';
import type { Config } from '../config';
import { zodDetails } from '../http/error-handler';
import type { Logger } from '../logger';
import type { SecretBox } from '../security/secret-box';
import { openSecrets, redactSecrets, sealSecrets } from '../security/source-secrets';
import { sourceSecretFields } from './source-form-schema';

/** Field names that always hold a credential, whatever a connector's schema says (OAuth tokens included). */
const ALWAYS_SECRET = ['accessToken', 'refreshToken', 'token', 'bearerToken', 'apiKey', 'appPassword', 'clientSecret'];
/** What an OAuth connection adds to an account's settings besides the token itself (not secret). */
const OAUTH_FIELDS = ['refreshToken', 'expiresAt', 'scope', 'oauth', 'instance', 'clientId', 'clientSecret'];
/** Settings that hold an address Vigie will call: each is SSRF-checked before it is saved. */
const URL_FIELDS = ['instance', 'url', 'baseUrl'];
/** An access token this close to its expiry is refreshed before use. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

interface PropertySchema {
  description?: string;
  writeOnly?: boolean;
  secret?: boolean;
}

const isSecretProperty = (p: PropertySchema): boolean => p.writeOnly === true || p.secret === true || /\(secret\)/i.test(p.description ?? '');

/**
 * The JSON Schema of an account's settings, as the Accounts form renders it: the connector's
 * `accountConfig`, or — for connectors without one — the credentials of its source settings.
 * Credentials are flagged `writeOnly`.
 *
 * @example
 * accountFormSchema(getConnector('x')!).properties // { bearerToken: { writeOnly: true, … }, monthlyReadBudget: { … } }
 */
export function accountFormSchema(connector: Pick<AnyConnector, 'id' | 'sourceConfig' | 'accountConfig'>): Record<string, unknown> & { properties: Record<string, PropertySchema> } {
  if (connector.accountConfig) {
    const schema = z.toJSONSchema(connector.accountConfig, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & { properties?: Record<string, PropertySchema> };
    const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, p]) => [name, isSecretProperty(p) || ALWAYS_SECRET.includes(name) ? { ...p, writeOnly: true } : p]));
    return { ...schema, properties };
  }
  const source = z.toJSONSchema(connector.sourceConfig, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, PropertySchema> };
  const secret = new Set(sourceSecretFields(connector));
  const properties = Object.fromEntries(Object.entries(source.properties ?? {}).filter(([name]) => secret.has(name)).map(([name, p]) => [name, { ...p, writeOnly: true }]));
  return { type: 'object', properties, required: Object.keys(properties) };
}

/** The fields of an account that are sealed at rest. */
export function accountSecretFields(connector: Pick<AnyConnector, 'id' | 'sourceConfig' | 'accountConfig'>): string[] {
  const marked = Object.entries(accountFormSchema(connector).properties)
    .filter(([, p]) => p.writeOnly === true)
    .map(([name]) => name);
  return [...new Set([...marked, ...ALWAYS_SECRET])];
}

/** True when the connector's source settings carry a monthly read budget (X bills every post read). */
export function billsReads(connector: Pick<AnyConnector, 'sourceConfig'>): boolean {
  const schema = z.toJSONSchema(connector.sourceConfig, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  return schema.properties !== undefined && 'monthlyReadBudget' in schema.properties;
}

/**
 * A source's settings with its account's merged in: the account's credentials always win (they
 * are the account's reason to exist), the source's own non-secret settings win over the
 * account's (e.g. a source reading another instance than the account's).
 *
 * @example
 * mergeAccountConfig({ query: 'vigie' }, { bearerToken: 'AAAA', monthlyReadBudget: 500 }, ['bearerToken']) // { bearerToken: 'AAAA', monthlyReadBudget: 500, query: 'vigie' }
 */
export function mergeAccountConfig(source: Record<string, unknown>, account: Record<string, unknown>, secretFields: string[]): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...account, ...source };
  for (const field of secretFields) if (account[field] !== undefined) merged[field] = account[field];
  for (const field of OAUTH_FIELDS) if (!(field in source) && field !== 'instance') delete merged[field];
  return merged;
}

/** What the API shows of an account: no secret, only which are set. */
export function presentAccount(account: Account, sourceCount?: number) {
  const { workspaceId: _ws, config, ...view } = account;
  const { config: shown, secretsSet } = redactSecrets(config);
  const { expiresAt, oauth, ...rest } = shown;
  return {
    ...view,
    config: rest,
    secretsSet,
    ...(typeof oauth === 'string' && { oauth }),
    ...(typeof expiresAt === 'string' && { tokenExpiresAt: expiresAt }),
    ...(sourceCount !== undefined && { sourceCount }),
  };
}

export type AccountView = ReturnType<typeof presentAccount>;

/** The message a source shows while its account waits for re-authorisation (FR/EN). */
export const needsReauthMessage = (account: Pick<Account, 'name'>): string =>
  `account "${account.name}" needs re-authorisation / le compte « ${account.name} » doit être ré-autorisé`;

export interface AccountDeps {
  store: Store;
  secrets: SecretBox;
  log: Logger;
  now(): Date;
  /** Refreshes an OAuth access token (set by the OAuth flow); absent = tokens are used until they fail. */
  refreshAccount?: (account: Account) => Promise<Account>;
}

/** What a capability is handed for one source: its settings merged with the account's, opened. */
export type PreparedSource =
  | { ok: true; config: Record<string, unknown>; state: SourceState; account?: Account; budget?: { month: string; count: number } }
  | { ok: false; account: Account; error: { code: string; message: string }; /** A network failure while refreshing: retry later, the account is fine. */ transient?: boolean };

/**
 * Opens a source's settings for one poll or stream: its own sealed secrets, then its account's
 * (refreshed first when the access token expires within five minutes). An account that is not
 * `ok` gives `ok: false`: the caller skips the source. For connectors that bill reads, the
 * account's budget and this month's count replace the source's.
 */
export async function prepareSource(deps: AccountDeps, source: Source): Promise<PreparedSource> {
  const own = openSecrets(deps.secrets, source.config);
  if (!source.accountId) return { ok: true, config: own, state: source.state };
  let account = await deps.store.accounts.get(source.workspaceId, source.accountId);
  const connector = getConnector(source.connector);
  if (!account || !connector) return { ok: true, config: own, state: source.state };
  if (account.status !== 'ok') return { ok: false, account, error: { code: 'auth_expired', message: account.statusReason ? `${needsReauthMessage(account)}: ${account.statusReason}` : needsReauthMessage(account) } };
  const expiresAt = typeof account.config.expiresAt === 'string' ? Date.parse(account.config.expiresAt) : Number.NaN;
  if (deps.refreshAccount && typeof account.config.refreshToken === 'string' && expiresAt - deps.now().getTime() < REFRESH_MARGIN_MS) {
    try {
      account = await deps.refreshAccount(account);
    } catch (error) {
      const message = `the access token could not be refreshed / le jeton d’accès n’a pas pu être renouvelé (${(error as Error).message})`;
      // Only a refusal (invalid or revoked refresh token) needs the user; a network failure is retried at the next poll.
      if (!isConnectorError(error) || error.code !== 'auth_expired') {
        return { ok: false, account, transient: true, error: { code: isConnectorError(error) ? error.code : 'upstream_unavailable', message } };
      }
      const marked = (await markNeedsReauth(deps, account, { code: 'auth_expired', message })) ?? account;
      return { ok: false, account: marked, error: { code: 'auth_expired', message: needsReauthMessage(marked) } };
    }
  }
  const config = mergeAccountConfig(own, openSecrets(deps.secrets, account.config), accountSecretFields(connector));
  if (!billsReads(connector) || !account.budget) return { ok: true, config, state: source.state, account };
  const month = deps.now().toISOString().slice(0, 7);
  const count = account.budget.month === month ? account.budget.used : 0;
  const budget = { month, count };
  return {
    ok: true,
    config: { ...config, ...(account.budget.monthlyReads !== undefined && { monthlyReadBudget: account.budget.monthlyReads }) },
    state: { ...source.state, reads: budget },
    account,
    budget,
  };
}

/** After a poll of a source drawing on its account's budget: adds what this poll read to the account. */
export async function recordAccountReads(deps: Pick<AccountDeps, 'store' | 'now'>, prepared: PreparedSource, source: Source, state: SourceState | undefined): Promise<void> {
  if (!prepared.ok || !prepared.account || !prepared.budget || !state) return;
  const reads = state.reads as { month?: unknown; count?: unknown } | undefined;
  if (!reads || reads.month !== prepared.budget.month || typeof reads.count !== 'number') return;
  const spent = reads.count - prepared.budget.count;
  if (spent > 0) await deps.store.accounts.recordReads(source.workspaceId, prepared.account.id, spent, deps.now());
}

/** Marks an account `needs_reauth` after the network refused its token; its sources stop until it is re-authorised. */
export async function markNeedsReauth(deps: Pick<AccountDeps, 'store' | 'log' | 'now'>, account: Account, error: { code: string; message: string }): Promise<Account | undefined> {
  deps.log.warn({ accountId: account.id, connector: account.connector, code: error.code }, 'account needs re-authorisation');
  return deps.store.accounts.setStatus(account.workspaceId, account.id, 'needs_reauth', { reason: error.message, error, at: deps.now() });
}

/** The health a source shows while its account cannot be used: no poll, checked again after one interval. */
export function skippedHealth(source: Source, error: { code: string; message: string }, now: Date): SourceHealth {
  return { ...source.health, status: 'needs_reauth', lastError: error, lastErrorAt: now.toISOString(), nextRunAt: new Date(now.getTime() + source.pollIntervalSec * 1000).toISOString() };
}

export interface AccountRequest {
  connector: ConnectorId;
  name?: string;
  config?: Record<string, unknown>;
  monthlyReads?: number | null;
}

/**
 * The accounts API: create (secrets sealed), list with their sources count, update (a new token
 * re-authorises), delete (refused while sources use the account), and resume after re-authorisation.
 */
export function createAccountService(deps: AccountDeps & { config: Config; streams: { refresh(): Promise<void> } }) {
  const restream = (): void => {
    deps.streams.refresh().catch((error: unknown) => deps.log.error({ err: error }, 'stream refresh after an account change failed'));
  };

  function connectorOf(id: string): AnyConnector {
    const connector = getConnector(id);
    if (!connector) throw new AppError('validation_failed', `no connector "${id}"`, [{ field: 'connector', message: 'no such connector' }]);
    return connector;
  }

  /** Validates settings against the account schema; `partial` for a patch that keeps stored secrets. */
  async function validate(connector: AnyConnector, config: Record<string, unknown>): Promise<{ config: Record<string, unknown>; monthlyReads?: number }> {
    let parsed: Record<string, unknown>;
    try {
      if (connector.accountConfig) parsed = connector.accountConfig.parse(config) as Record<string, unknown>;
      else {
        const fields = Object.keys(accountFormSchema(connector).properties);
        if (fields.length === 0) throw new AppError('validation_failed', `${connector.name} needs no account / ${connector.name} n’a pas besoin de compte`, [{ field: 'connector', message: 'no credentials to hold' }]);
        const shape = Object.fromEntries(fields.map((f) => [f, z.string().trim().min(1, 'required / obligatoire').max(4000)]));
        parsed = z.object(shape).parse(config);
      }
    } catch (error) {
      if (error instanceof ZodError) {
        const details = zodDetails(error).map((d) => ({ ...d, field: `config.${d.field ?? ''}` }));
        throw new AppError('validation_failed', `Invalid ${connector.name} account: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, details);
      }
      throw error;
    }
    for (const field of URL_FIELDS) {
      const value = parsed[field];
      if (typeof value !== 'string') continue;
      try {
        await assertPublicUrl(value, { allowPrivate: deps.config.allowPrivateUrls });
      } catch (error) {
        if (error instanceof ConnectorError) throw new AppError('validation_failed', error.message, [{ field: `config.${field}`, message: error.message }]);
        throw error;
      }
    }
    // The read budget belongs to the account (shared by its sources), not to its settings.
    const { monthlyReadBudget, ...rest } = parsed;
    return { config: rest, ...(typeof monthlyReadBudget === 'number' && { monthlyReads: monthlyReadBudget }) };
  }

  async function mustGet(workspaceId: string, id: string): Promise<Account> {
    const account = await deps.store.accounts.get(workspaceId, id);
    if (!account) throw new AppError('not_found', `account ${id} does not exist`);
    return account;
  }

  async function sourcesOf(workspaceId: string, accountId: string): Promise<Source[]> {
    return (await deps.store.sources.list(workspaceId)).filter((s) => s.accountId === accountId);
  }

  /** The account works again: its sources are due now and their streams restart. */
  async function resume(account: Account): Promise<Account> {
    const ok = (await deps.store.accounts.setStatus(account.workspaceId, account.id, 'ok')) ?? account;
    const now = deps.now().toISOString();
    for (const source of await sourcesOf(account.workspaceId, account.id)) {
      if (source.health.status !== 'needs_reauth') continue;
      await deps.store.sources.recordRun(source.id, { health: { ...source.health, status: 'pending', consecutiveFailures: 0, nextRunAt: now } });
    }
    restream();
    return ok;
  }

  return {
    get: mustGet,
    sourcesOf,
    resume,

    async list(workspaceId: string): Promise<AccountView[]> {
      const [accounts, sources] = await Promise.all([deps.store.accounts.list(workspaceId), deps.store.sources.list(workspaceId)]);
      return accounts.map((a) => presentAccount(a, sources.filter((s) => s.accountId === a.id).length));
    },

    async create(workspaceId: string, request: AccountRequest): Promise<Account> {
      const connector = connectorOf(request.connector);
      const { config, monthlyReads } = await validate(connector, request.config ?? {});
      const reads = request.monthlyReads ?? monthlyReads;
      return deps.store.accounts.create(workspaceId, {
        connector: connector.id,
        name: request.name?.trim() || connector.name,
        config: sealSecrets(deps.secrets, accountSecretFields(connector), config),
        ...(reads !== undefined && reads !== null && billsReads(connector) && { monthlyReads: reads }),
      });
    },

    /** A patch with a new credential re-authorises the account (its sources resume). */
    async update(workspaceId: string, id: string, patch: { name?: string; config?: Record<string, unknown>; monthlyReads?: number | null }): Promise<Account> {
      const account = await mustGet(workspaceId, id);
      const connector = connectorOf(account.connector);
      const fields = accountSecretFields(connector);
      let config: Record<string, unknown> | undefined;
      let monthlyReads = patch.monthlyReads;
      let newCredential = false;
      if (patch.config) {
        const kept = openSecrets(deps.secrets, Object.fromEntries(fields.filter((f) => typeof account.config[f] === 'string').map((f) => [f, account.config[f]])));
        newCredential = fields.some((f) => typeof patch.config?.[f] === 'string' && patch.config[f] !== '');
        const validated = await validate(connector, { ...account.config, ...kept, ...(billsReads(connector) && { monthlyReadBudget: account.budget?.monthlyReads }), ...patch.config });
        config = sealSecrets(deps.secrets, fields, { ...validated.config, ...(newCredential ? {} : pick(account.config, OAUTH_FIELDS.filter((f) => patch.config?.[f] === undefined))) }, account.config);
        if (monthlyReads === undefined && patch.config.monthlyReadBudget !== undefined) monthlyReads = validated.monthlyReads;
      }
      const updated = await deps.store.accounts.update(workspaceId, id, {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(config !== undefined && { config }),
        ...(monthlyReads !== undefined && billsReads(connector) && { monthlyReads }),
      });
      if (!updated) throw new AppError('not_found', `account ${id} does not exist`);
      if (newCredential && updated.status !== 'ok') return resume(updated);
      if (newCredential) restream();
      return updated;
    },

    async delete(workspaceId: string, id: string): Promise<void> {
      const account = await mustGet(workspaceId, id);
      const using = await sourcesOf(workspaceId, id);
      if (using.length > 0) {
        throw new AppError('conflict', `${using.length} source(s) use this account (${using.map((s) => `"${s.name}"`).join(', ')}); remove or change them first / des sources utilisent ce compte`, [{ field: 'id', message: 'in use' }]);
      }
      await deps.store.accounts.delete(workspaceId, account.id);
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;

function pick(record: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => record[f] !== undefined).map((f) => [f, record[f]]));
}
