import { AppError, nextHealth, type Ingest, type PollOutcome, type Source, type Store } from '@vigie/core';
import { ConnectorError, getConnector, type HttpClient } from '@vigie/connectors';
import type { Logger } from '../logger';

export interface PollSourceDeps {
  store: Store;
  ingest: Ingest;
  http: HttpClient;
  log: Logger;
  now(): Date;
  /** Longest a single poll may take before it is aborted. */
  timeoutMs?: number;
}

export interface PollSourceResult {
  fetched: number;
  inserted: number;
  skipped: number;
  notModified: boolean;
  error?: { code: string; message: string };
}

/**
 * Polls one source once: fetch through its connector, ingest, then persist the new cursor and
 * health together. A failure is an expected outcome (recorded on the source, backed off), not a
 * throw: one broken source never stops the others.
 */
export async function pollSource(deps: PollSourceDeps, source: Source): Promise<PollSourceResult> {
  const started = Date.now();
  const connector = getConnector(source.connector);
  const poll = connector?.capabilities.poll;
  if (!connector || !poll) {
    const error = { code: 'invalid_request', message: `connector "${source.connector}" cannot poll sources` };
    await record(deps, source, { ok: false, error, durationMs: 0 });
    return { fetched: 0, inserted: 0, skipped: 0, notModified: false, error };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? 120_000);
  try {
    const config = connector.sourceConfig.parse(source.config);
    const result = await poll.fetch(
      { http: deps.http, signal: controller.signal, now: deps.now, log: (level, message, data) => deps.log[level]({ sourceId: source.id, ...data }, message) },
      { config, state: source.state },
    );
    const report = await deps.ingest(source.workspaceId, result.mentions, { sourceId: source.id });
    const skipped = result.skipped.length + report.skipped.length;
    for (const s of [...result.skipped, ...report.skipped]) deps.log.warn({ sourceId: source.id, externalId: s.externalId, reason: s.reason }, 'item skipped');
    const counts = { fetched: result.mentions.length, inserted: report.inserted, skipped };
    await record(deps, source, { ok: true, counts, durationMs: Date.now() - started }, result.state);
    return { ...counts, notModified: result.notModified ?? false };
  } catch (error) {
    const failure = describeFailure(error);
    if (failure.code === 'internal') deps.log.error({ err: error, sourceId: source.id }, 'poll failed with a bug');
    await record(deps, source, {
      ok: false,
      error: { code: failure.code, message: failure.message },
      retryAfterMs: failure.retryAfterMs,
      needsReauth: failure.code === 'auth_expired',
      durationMs: Date.now() - started,
    });
    return { fetched: 0, inserted: 0, skipped: 0, notModified: false, error: { code: failure.code, message: failure.message } };
  } finally {
    clearTimeout(timer);
  }
}

function describeFailure(error: unknown): { code: string; message: string; retryAfterMs?: number } {
  if (error instanceof ConnectorError) return { code: error.code, message: error.message, retryAfterMs: error.retryAfterMs };
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (error instanceof Error && error.name === 'ZodError') return { code: 'invalid_request', message: `source configuration is invalid: ${error.message}` };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

async function record(deps: PollSourceDeps, source: Source, outcome: PollOutcome, state?: Source['state']): Promise<void> {
  const health = nextHealth(source.health, outcome, source.pollIntervalSec, deps.now());
  await deps.store.sources.recordRun(source.id, { state, health });
}
