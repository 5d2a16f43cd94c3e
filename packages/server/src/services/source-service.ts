import { AppError, type ConnectorId, type MentionInput, type Source } from '@vigie/core';
import { assertPublicUrl, ConnectorError, createHttpClient, getConnector, parseOpml, runPoll, type HttpClient } from '@vigie/connectors';
import { ZodError } from 'zod';
import type { Vigie } from '../create-vigie';
import { zodDetails } from '../http/error-handler';
import { openSecrets, redactSecrets, sealSecrets } from '../security/source-secrets';
import { sourceSecretFields } from './source-form-schema';
import { accountFormSchema, accountSecretFields, mergeAccountConfig } from './account-service';
import { runBackfill } from '../jobs/backfill-source.job';

/** Settings that hold an address Vigie will call: each is SSRF-checked before it is saved. */
const URL_FIELDS = ['url', 'instance', 'baseUrl'];

/** Two sources are the same when their non-secret settings are (key order aside). */
function sameSettings(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const canonical = (c: Record<string, unknown>) => JSON.stringify(Object.entries(redactSecrets(c).config).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}

/** A connection test waits this long at most: the user is looking at a spinner. */
const TEST_TIMEOUT_MS = 20_000;
/** Items a connection test shows. */
const SAMPLE_SIZE = 5;

/** What a connection test found: the first items (as the mention list would show them) or why it failed. */
export interface SourceTestResult {
  ok: boolean;
  /** Items the poll returned (the sample shows the first five). */
  fetched: number;
  sample: Omit<MentionInput, 'raw' | 'html'>[];
  error?: { code: string; message: string };
}

export interface SourceRequest {
  connector: ConnectorId;
  url?: string;
  name?: string;
  config?: Record<string, unknown>;
  pollIntervalSec?: number;
  /** The account whose credentials the source uses (connectors with accounts). */
  accountId?: string;
  /** On creation: also fetch this many days back, once (connectors with `backfill`). */
  backfillDays?: number;
}

/**
 * Adding, checking and fetching sources: the connector's schema validates the config, every URL
 * is SSRF-checked before it is saved, and the same source is never added twice.
 */
export function createSourceService(deps: Pick<Vigie, 'store' | 'poller' | 'config' | 'secrets' | 'streams' | 'log' | 'ingest' | 'now'> & { http?: HttpClient }) {
  /** A new, changed or removed source starts or stops its live stream now rather than at the next refresh. */
  const restream = (): void => {
    deps.streams.refresh().catch((error: unknown) => deps.log.error({ err: error }, 'stream refresh after a source change failed'));
  };

  async function checkUrls(config: Record<string, unknown>, viaUrlField: boolean): Promise<void> {
    for (const field of URL_FIELDS) {
      const value = config[field];
      if (typeof value !== 'string') continue;
      try {
        await assertPublicUrl(value, { allowPrivate: deps.config.allowPrivateUrls });
      } catch (error) {
        if (error instanceof ConnectorError) throw new AppError('validation_failed', error.message, [{ field: field === 'url' && viaUrlField ? 'url' : `config.${field}`, message: error.message }]);
        throw error;
      }
    }
  }

  /**
   * The account a source uses, opened: same workspace and connector, else `validation_failed`.
   * Its credentials complete the source's settings for validation; they are not copied into it.
   */
  async function accountSettings(workspaceId: string | undefined, connector: ReturnType<typeof getConnector>, accountId: string | undefined) {
    if (!accountId || !connector || !workspaceId) return undefined;
    const account = await deps.store.accounts.get(workspaceId, accountId);
    if (!account || account.connector !== connector.id) {
      throw new AppError('validation_failed', `no ${connector.name} account ${accountId} / aucun compte ${connector.name} ${accountId}`, [{ field: 'accountId', message: 'no such account for this connector' }]);
    }
    const fields = accountSecretFields(connector);
    // What the account supplies: its form's settings (e.g. Bluesky's identifier, Mastodon's instance) and its credentials.
    const supplied = [...new Set([...Object.keys(accountFormSchema(connector).properties), ...fields])];
    return { fields, supplied, opened: openSecrets(deps.secrets, account.config) };
  }

  /**
   * The settings a source linked to an account keeps of its own: not those the account supplies,
   * unless `typed` with another value than the account's (`parsed`: what the schema made of the
   * settings, account merged in) — so a later change of the account (a new identifier, another
   * instance) is not shadowed by a stale copy in the source.
   *
   * @example
   * // account { instance: 'https://piaille.fr', token }: typed { instance: 'https://piaille.fr/', hashtag: 'vigie' } → { hashtag: 'vigie' }
   */
  function withoutAccountFields(
    config: Record<string, unknown>,
    typed: Record<string, unknown>,
    parsed: Record<string, unknown>,
    account: { supplied: string[]; opened: Record<string, unknown> },
  ): Record<string, unknown> {
    const kept = { ...config };
    for (const field of account.supplied) {
      if (typed[field] === undefined || JSON.stringify(parsed[field]) === JSON.stringify(account.opened[field])) delete kept[field];
    }
    return kept;
  }

  /** The connector and the config its schema accepts, every address SSRF-checked; nothing stored. */
  async function parseRequest(request: SourceRequest, workspaceId?: string) {
    const connector = getConnector(request.connector);
    if (!connector?.capabilities.poll) {
      throw new AppError('validation_failed', `connector "${request.connector}" cannot watch sources yet`, [{ field: 'connector', message: 'no such connector with sources' }]);
    }
    const rawConfig: Record<string, unknown> = { ...(request.config ?? {}), ...(request.url !== undefined ? { url: request.url } : {}) };
    const account = await accountSettings(workspaceId, connector, request.accountId);
    let config: Record<string, unknown>;
    try {
      config = connector.sourceConfig.parse(account ? mergeAccountConfig(rawConfig, account.opened, account.fields) : rawConfig) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof ZodError) {
        const details = zodDetails(error).map((d) => ({ ...d, field: d.field === 'url' && request.url !== undefined ? 'url' : `config.${d.field ?? ''}` }));
        throw new AppError('validation_failed', `Invalid ${request.connector} source: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, details);
      }
      throw error;
    }
    await checkUrls(config, request.url !== undefined);
    // What the account supplies stays in the account: the source keeps only its own settings.
    const effective = { ...config };
    if (account) config = withoutAccountFields(config, rawConfig, effective, account);
    return { connector, config, effective, account };
  }

  async function validate(workspaceId: string, request: SourceRequest) {
    const { connector, config, effective } = await parseRequest(request, workspaceId);
    // Settings an account supplies are not stored: two sources of different accounts (e.g. instances) may share the rest.
    const existing = (await deps.store.sources.list(workspaceId)).find((s) => s.connector === request.connector && s.accountId === request.accountId && sameSettings(s.config, config));
    if (existing) {
      const what = typeof config.url === 'string' ? 'this feed' : 'a source with these settings';
      throw new AppError('conflict', `${what} is already a source ("${existing.name}")`, [{ field: typeof config.url === 'string' ? 'url' : 'config', message: `already added as source ${existing.id}` }]);
    }
    return { connector, effective, config: sealSecrets(deps.secrets, sourceSecretFields(connector), config) };
  }

  async function mustGet(workspaceId: string, id: string): Promise<Source> {
    const source = await deps.store.sources.get(workspaceId, id);
    if (!source) throw new AppError('not_found', `source ${id} does not exist`);
    return source;
  }

  return {
    get: mustGet,
    list: (workspaceId: string) => deps.store.sources.list(workspaceId),

    async create(workspaceId: string, request: SourceRequest): Promise<Source> {
      const { connector, config, effective } = await validate(workspaceId, request);
      if (request.backfillDays !== undefined && !connector.capabilities.backfill) {
        throw new AppError('validation_failed', `${connector.name} cannot fetch the past / ${connector.name} ne sait pas remonter le passé`, [{ field: 'backfillDays', message: 'no backfill for this connector' }]);
      }
      const created = await deps.store.sources.create(workspaceId, {
        connector: request.connector,
        // Named from the settings it runs with: those the account supplies are not stored in the source.
        name: request.name || connector.describeSource(effective as never),
        config,
        pollIntervalSec: request.pollIntervalSec ?? connector.defaultPollIntervalSec,
        ...(request.accountId !== undefined && { accountId: request.accountId }),
      });
      restream();
      if (request.backfillDays !== undefined) {
        // Runs once, in the background: the source is usable at once, history arrives as it is read.
        void runBackfill({ ...deps, http: deps.http ?? createHttpClient({ allowPrivate: deps.config.allowPrivateUrls }) }, created, request.backfillDays);
      }
      return created;
    },

    async update(workspaceId: string, id: string, patch: { name?: string; config?: Record<string, unknown>; pollIntervalSec?: number; enabled?: boolean; accountId?: string | null }): Promise<Source> {
      const source = await mustGet(workspaceId, id);
      let config = patch.config;
      const connector = getConnector(source.connector);
      const accountId = patch.accountId === undefined ? source.accountId : (patch.accountId ?? undefined);
      const account = await accountSettings(workspaceId, connector, accountId);
      if (account && !config) config = source.config;
      if (!account && source.accountId && connector) {
        // Unlinked: the settings the old account supplied (not its credentials) become the source's own.
        const previous = await accountSettings(workspaceId, connector, source.accountId).catch(() => undefined);
        const carried = previous ? Object.fromEntries(previous.supplied.filter((f) => !previous.fields.includes(f) && previous.opened[f] !== undefined).map((f) => [f, previous.opened[f]])) : {};
        config = { ...carried, ...(config ?? source.config) };
      }
      if (config && connector) {
        // Secrets left out of a patch keep their stored (sealed) value.
        const fields = sourceSecretFields(connector);
        const kept = openSecrets(deps.secrets, Object.fromEntries(fields.filter((f) => typeof source.config[f] === 'string').map((f) => [f, source.config[f]])));
        const withSecrets = { ...kept, ...config };
        let parsed: Record<string, unknown>;
        try {
          parsed = connector.sourceConfig.parse(account ? mergeAccountConfig(withSecrets, account.opened, account.fields) : withSecrets) as Record<string, unknown>;
        } catch (error) {
          if (error instanceof ZodError) throw new AppError('validation_failed', 'Invalid source settings', zodDetails(error).map((d) => ({ ...d, field: `config.${d.field ?? ''}` })));
          throw error;
        }
        await checkUrls(config, false);
        config = sealSecrets(deps.secrets, fields, config, source.config);
        if (account) config = withoutAccountFields(config, withSecrets, parsed, account);
      }
      const updated = await deps.store.sources.update(workspaceId, id, { ...patch, config });
      if (!updated) throw new AppError('not_found', `source ${id} does not exist`);
      restream();
      return updated;
    },

    async delete(workspaceId: string, id: string): Promise<void> {
      if (!(await deps.store.sources.delete(workspaceId, id))) throw new AppError('not_found', `source ${id} does not exist`);
      restream();
    },

    /** Polls a source now and says what it found; a failure is reported, not thrown. */
    async fetchNow(workspaceId: string, id: string) {
      const source = await mustGet(workspaceId, id);
      const result = await deps.poller.runOne(source);
      if (!result) throw new AppError('conflict', 'this source is being fetched right now; try again in a moment');
      return result;
    },

    /**
     * Runs ONE poll of settings not saved yet, so the form can show what they would bring: nothing
     * is stored (no source, no mention, no state). Invalid settings throw like `create`; a network
     * failure is an answer (`ok: false` with the connector's code), not a throw.
     */
    async test(request: SourceRequest, workspaceId?: string): Promise<SourceTestResult> {
      const { connector, effective: config } = await parseRequest(request, workspaceId);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), TEST_TIMEOUT_MS);
      try {
        const outcome = await runPoll(
          connector,
          { http: createHttpClient({ allowPrivate: deps.config.allowPrivateUrls }), signal: controller.signal, now: () => new Date(), log: () => undefined },
          { config, state: {} },
        );
        if (!outcome.ok) return { ok: false, fetched: 0, sample: [], error: outcome.error };
        const sample = outcome.result.mentions.slice(0, SAMPLE_SIZE).map(({ raw: _raw, html: _html, ...shown }) => shown);
        return { ok: true, fetched: outcome.result.mentions.length, sample };
      } catch (error) {
        if (!controller.signal.aborted) throw error;
        return { ok: false, fetched: 0, sample: [], error: { code: 'timeout', message: `no answer within ${TEST_TIMEOUT_MS / 1000} s` } };
      } finally {
        clearTimeout(timer);
      }
    },

    /** Adds every feed of an OPML file; bad outlines and duplicates are reported with their line. */
    async importOpml(workspaceId: string, xml: string) {
      const { feeds, errors } = parseOpml(xml);
      const created: Source[] = [];
      const problems: { line?: number; message: string }[] = errors.map((e) => ({ line: e.line, message: e.message }));
      for (const feed of feeds) {
        try {
          created.push(await this.create(workspaceId, { connector: 'rss', url: feed.url, name: feed.title }));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          problems.push({ line: undefined, message: `${feed.url}: ${error.message}` });
        }
      }
      return { created, errors: problems };
    },
  };
}

export type SourceService = ReturnType<typeof createSourceService>;
