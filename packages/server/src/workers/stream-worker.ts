import { createHash } from 'node:crypto';
import { nextHealth, type Account, type Ingest, type Source, type Store } from '@vigie/core';
import { ConnectorError, getConnector, isConnectorError, type HttpClient } from '@vigie/connectors';
import type { Logger } from '../logger';
import type { SecretBox } from '../security/secret-box';
import { markNeedsReauth, prepareSource, skippedHealth } from '../services/account-service';

export interface StreamWorkerOptions {
  store: Store;
  ingest: Ingest;
  http: HttpClient;
  log: Logger;
  secrets: SecretBox;
  now(): Date;
  /** How often the enabled sources are re-read (new, changed, disabled, deleted). Default 60 s. */
  refreshMs?: number;
  /** First restart delay after a stream ends; doubles up to `restartMaxMs`. Default 5 s. */
  restartBaseMs?: number;
  /** Default 10 min. */
  restartMaxMs?: number;
  /** A stream's position is saved at most this often (default 5 s)… */
  saveEveryMs?: number;
  /** …or after this many positions, whichever comes first (default 100). */
  saveEveryEvents?: number;
  /** Refreshes an account's OAuth access token before it expires. */
  refreshAccount?: Parameters<typeof prepareSource>[0]['refreshAccount'];
}

/**
 * Codes after which restarting the same settings cannot help: the stream stays stopped until
 * the source's settings change. `invalid_request` is how a connector says "no stream for this
 * kind of source" (a Mastodon search, a Bluesky author): polling covers it, health untouched.
 */
const STOPPING = new Set(['auth_expired', 'forbidden', 'not_found', 'invalid_request', 'invalid_payload', 'blocked_url']);

interface Running {
  /** The settings the stream was started with; a change restarts it. */
  fingerprint: string;
  controller: AbortController;
  done: Promise<void>;
  /** Set when the stream stopped for good (a refusal); cleared by a settings change. */
  stopped?: boolean;
}

/** The settings a stream runs with, its account's version included: a re-authorised account restarts its streams. */
const fingerprintOf = (source: Source, account?: Account): string =>
  createHash('sha256').update(JSON.stringify([source.connector, source.config, source.accountId ?? null, account?.updatedAt ?? null])).digest('hex');

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/**
 * Live streams: every enabled source whose connector has the `stream` capability (Mastodon
 * hashtag and public timelines, X filtered stream, Bluesky Jetstream for searches) is kept
 * streaming, each mention ingested as it arrives. A stream that ends or fails is restarted with
 * exponential backoff; a refusal (401, 403, 404…) is written to the source's health (its next
 * poll time kept: polling stays the safety net and catches what the stream missed) and the
 * stream stays stopped until the settings change.
 *
 * @example
 * const streams = createStreamWorker({ store, ingest, http, log, secrets, now });
 * await streams.start(); … await streams.stop();
 */
export function createStreamWorker(options: StreamWorkerOptions) {
  const refreshMs = options.refreshMs ?? 60_000;
  const restartBaseMs = options.restartBaseMs ?? 5_000;
  const restartMaxMs = options.restartMaxMs ?? 600_000;
  const running = new Map<string, Running>();
  let timer: NodeJS.Timeout | undefined;
  let refreshing: Promise<void> | undefined;
  let closed = true;

  /** Writes a stream failure to the source's health without moving its next poll. */
  async function recordFailure(source: Source, error: { code: string; message: string }): Promise<void> {
    const current = (await options.store.sources.get(source.workspaceId, source.id)) ?? source;
    const health = nextHealth(current.health, { ok: false, error, needsReauth: error.code === 'auth_expired', durationMs: 0 }, current.pollIntervalSec, options.now());
    await options.store.sources.recordRun(source.id, { health: { ...health, nextRunAt: current.health.nextRunAt } });
  }

  async function runStream(source: Source, entry: Running): Promise<void> {
    const capability = getConnector(source.connector)?.capabilities.stream;
    if (!capability) return;
    const { signal } = entry.controller;
    const log = (level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>) => options.log[level]({ sourceId: source.id, ...data }, message);
    let failures = 0;
    const position = createPositionSaver(source);
    while (!signal.aborted) {
      let delivered = false;
      let account: Account | undefined;
      try {
        // Re-read: a restart resumes from the position saved by the previous run.
        const current = (await options.store.sources.get(source.workspaceId, source.id)) ?? source;
        const prepared = await prepareSource({ ...options, refreshAccount: options.refreshAccount }, current);
        if (!prepared.ok) {
          // A failed token refresh (network) is retried with the stream's backoff; an account waiting for re-authorisation stops it.
          if (prepared.transient) throw new ConnectorError('upstream_unavailable', prepared.error.message);
          entry.stopped = true;
          await options.store.sources.recordRun(source.id, { health: { ...skippedHealth(current, prepared.error, options.now()), nextRunAt: current.health.nextRunAt } });
          return;
        }
        account = prepared.account;
        await capability.stream(
          { http: options.http, signal, now: options.now, log },
          { config: prepared.config, state: prepared.state },
          async (mention) => {
            const report = await options.ingest(source.workspaceId, [mention], { sourceId: source.id });
            for (const s of report.skipped) log('warn', 'streamed item skipped', { externalId: s.externalId, reason: s.reason });
            delivered = true;
            // A network that bills reads (X) bills every streamed post: it counts on the account's shared budget.
            if (prepared.budget && prepared.account) await options.store.accounts.recordReads(source.workspaceId, prepared.account.id, 1, options.now());
          },
          position.update,
        );
        await position.flush();
        if (signal.aborted) return;
        log('info', 'stream ended; restarting');
      } catch (error) {
        await position.flush();
        if (signal.aborted) return;
        if (isConnectorError(error) && STOPPING.has(error.code)) {
          entry.stopped = true;
          if (error.code === 'invalid_request') log('info', `no live stream for this source: ${error.message}`);
          else {
            log('warn', `stream refused (${error.code}): ${error.message}; polling goes on`, { code: error.code });
            // An expired token stops every source of the account until it is re-authorised.
            if (error.code === 'auth_expired' && account) await markNeedsReauth(options, account, { code: error.code, message: error.message });
            await recordFailure(source, { code: error.code, message: error.message });
          }
          return;
        }
        const described = isConnectorError(error) ? { code: error.code, message: error.message } : { code: 'internal', message: `unexpected error in the ${source.connector} stream` };
        log(isConnectorError(error) ? 'warn' : 'error', `stream failed (${described.code}): ${(error as Error).message}; restarting`, { stack: isConnectorError(error) ? undefined : (error as Error).stack });
        await recordFailure(source, described);
      }
      failures = delivered ? 1 : failures + 1;
      await wait(Math.min(restartMaxMs, restartBaseMs * 2 ** (failures - 1)), signal);
    }
  }

  /**
   * Saves a stream's position under `state.stream`, at most every `saveEveryMs` or
   * `saveEveryEvents` positions (and when the stream ends), so a restart resumes from it. The
   * other state keys (the poll's cursor) are re-read first and kept.
   */
  function createPositionSaver(source: Source) {
    const everyMs = options.saveEveryMs ?? 5_000;
    const everyEvents = options.saveEveryEvents ?? 100;
    let latest: Record<string, unknown> | undefined;
    let unsaved = 0;
    let lastSave = Date.now();
    let saving: Promise<void> = Promise.resolve();
    const save = (): Promise<void> => {
      const position = latest;
      if (position === undefined || unsaved === 0) return saving;
      unsaved = 0;
      lastSave = Date.now();
      saving = saving
        .then(async () => {
          const current = await options.store.sources.get(source.workspaceId, source.id);
          if (current) await options.store.sources.saveState(source.id, { ...current.state, stream: position });
        })
        .catch((error: unknown) => options.log.warn({ sourceId: source.id, err: error }, 'could not save the stream position'));
      return saving;
    };
    return {
      update(position: Record<string, unknown>): void {
        latest = position;
        unsaved += 1;
        if (unsaved >= everyEvents || Date.now() - lastSave >= everyMs) void save();
      },
      flush: save,
    };
  }

  function startStream(source: Source, fingerprint: string): void {
    const entry: Running = { fingerprint, controller: new AbortController(), done: Promise.resolve() };
    entry.done = runStream(source, entry).catch((error: unknown) => options.log.error({ sourceId: source.id, err: error }, 'stream worker bug'));
    running.set(source.id, entry);
  }

  async function stopStream(id: string): Promise<void> {
    const entry = running.get(id);
    if (!entry) return;
    running.delete(id);
    entry.controller.abort();
    await entry.done;
  }

  /** Starts streams for new or changed sources, stops those disabled, deleted or changed. */
  async function refresh(): Promise<void> {
    const wanted = new Map<string, { source: Source; fingerprint: string }>();
    for (const workspace of await options.store.workspaces.list()) {
      const accounts = new Map((await options.store.accounts.list(workspace.id)).map((a) => [a.id, a]));
      for (const source of await options.store.sources.list(workspace.id)) {
        if (!source.enabled || !getConnector(source.connector)?.capabilities.stream) continue;
        const account = source.accountId ? accounts.get(source.accountId) : undefined;
        // A source whose account waits for re-authorisation is not streamed until it is re-authorised.
        if (account && account.status !== 'ok') continue;
        wanted.set(source.id, { source, fingerprint: fingerprintOf(source, account) });
      }
    }
    for (const [id, entry] of running) {
      const want = wanted.get(id);
      if (!want || want.fingerprint !== entry.fingerprint) await stopStream(id);
    }
    for (const [id, { source, fingerprint }] of wanted) {
      if (closed) return;
      if (!running.has(id)) startStream(source, fingerprint);
    }
  }

  function schedule(): void {
    if (closed) return;
    timer = setTimeout(() => {
      refreshing = refresh()
        .catch((error: unknown) => options.log.error({ err: error }, 'stream worker refresh failed'))
        .finally(schedule);
    }, refreshMs);
  }

  return {
    async start(): Promise<void> {
      closed = false;
      refreshing = refresh().catch((error: unknown) => options.log.error({ err: error }, 'stream worker refresh failed'));
      await refreshing;
      schedule();
    },
    /**
     * Re-reads sources now (after a source is added, changed or removed) instead of at the next
     * refresh; does nothing unless started, so an API process without the worker never streams.
     */
    refresh: async (): Promise<void> => {
      if (!closed) await refresh();
    },
    /** Ids of the sources being streamed right now (a stopped stream is not counted). */
    active: (): string[] => [...running].filter(([, e]) => !e.stopped).map(([id]) => id),
    async stop(): Promise<void> {
      closed = true;
      if (timer) clearTimeout(timer);
      await refreshing;
      await Promise.all([...running.keys()].map(stopStream));
    },
  };
}

export type StreamWorker = ReturnType<typeof createStreamWorker>;
