import { createHash } from 'node:crypto';
import { nextHealth, type Ingest, type Source, type Store } from '@vigie/core';
import { getConnector, isConnectorError, type HttpClient } from '@vigie/connectors';
import type { Logger } from '../logger';
import type { SecretBox } from '../security/secret-box';
import { openSecrets } from '../security/source-secrets';

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

const fingerprintOf = (source: Source): string => createHash('sha256').update(JSON.stringify([source.connector, source.config, source.accountId ?? null])).digest('hex');

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
    while (!signal.aborted) {
      let delivered = false;
      try {
        const config = openSecrets(options.secrets, source.config);
        await capability.stream({ http: options.http, signal, now: options.now, log }, { config, state: source.state }, async (mention) => {
          const report = await options.ingest(source.workspaceId, [mention], { sourceId: source.id });
          for (const s of report.skipped) log('warn', 'streamed item skipped', { externalId: s.externalId, reason: s.reason });
          delivered = true;
        });
        if (signal.aborted) return;
        log('info', 'stream ended; restarting');
      } catch (error) {
        if (signal.aborted) return;
        if (isConnectorError(error) && STOPPING.has(error.code)) {
          entry.stopped = true;
          if (error.code === 'invalid_request') log('info', `no live stream for this source: ${error.message}`);
          else {
            log('warn', `stream refused (${error.code}): ${error.message}; polling goes on`, { code: error.code });
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
    const wanted = new Map<string, Source>();
    for (const workspace of await options.store.workspaces.list()) {
      for (const source of await options.store.sources.list(workspace.id)) {
        if (source.enabled && getConnector(source.connector)?.capabilities.stream) wanted.set(source.id, source);
      }
    }
    for (const [id, entry] of running) {
      const source = wanted.get(id);
      if (!source || fingerprintOf(source) !== entry.fingerprint) await stopStream(id);
    }
    for (const [id, source] of wanted) {
      if (closed) return;
      if (!running.has(id)) startStream(source, fingerprintOf(source));
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
