import { nextHealth, type Ingest, type PollOutcome, type Source, type Store } from '@vigie/core';
import { getConnector, runPoll, type HttpClient } from '@vigie/connectors';
import type { Logger } from '../logger';
import type { SecretBox } from '../security/secret-box';
import { markNeedsReauth, prepareSource, recordAccountReads, skippedHealth } from '../services/account-service';

export interface PollSourceDeps {
  store: Store;
  ingest: Ingest;
  http: HttpClient;
  log: Logger;
  secrets: SecretBox;
  now(): Date;
  /** Refreshes an account's OAuth access token before it expires (the OAuth flow). */
  refreshAccount?: Parameters<typeof prepareSource>[0]['refreshAccount'];
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
 * health together — the cursor only after the mentions are stored, so a crash in between
 * re-fetches instead of losing. A failure is an expected outcome (recorded on the source, backed
 * off), not a throw: one broken source never stops the others.
 */
export async function pollSource(deps: PollSourceDeps, source: Source): Promise<PollSourceResult> {
  const connector = getConnector(source.connector);
  if (!connector) {
    const error = { code: 'invalid_request', message: `unknown connector "${source.connector}"` };
    await record(deps, source, { ok: false, error, durationMs: 0 });
    return { fetched: 0, inserted: 0, skipped: 0, notModified: false, error };
  }
  // The account's credentials (refreshed when about to expire) and read budget; an account waiting
  // for re-authorisation is not called at all: the source says why and is looked at again later.
  const prepared = await prepareSource(deps, source);
  if (!prepared.ok) {
    if (prepared.transient) await record(deps, source, { ok: false, error: prepared.error, durationMs: 0 });
    else await deps.store.sources.recordRun(source.id, { health: skippedHealth(source, prepared.error, deps.now()) });
    return { fetched: 0, inserted: 0, skipped: 0, notModified: false, error: prepared.error };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? 120_000);
  try {
    const outcome = await runPoll(
      connector,
      { http: deps.http, signal: controller.signal, now: deps.now, log: (level, message, data) => deps.log[level]({ sourceId: source.id, ...data }, message) },
      { config: prepared.config, state: prepared.state },
    );
    if (!outcome.ok) {
      if (outcome.needsReauth && prepared.account) await markNeedsReauth(deps, prepared.account, outcome.error);
      await record(deps, source, { ok: false, error: outcome.error, retryAfterMs: outcome.retryAfterMs, needsReauth: outcome.needsReauth, durationMs: outcome.durationMs });
      return { fetched: 0, inserted: 0, skipped: 0, notModified: false, error: outcome.error };
    }
    const { result } = outcome;
    await recordAccountReads(deps, prepared, source, result.state);
    const report = await deps.ingest(source.workspaceId, result.mentions, { sourceId: source.id });
    for (const s of [...result.skipped, ...report.skipped]) deps.log.warn({ sourceId: source.id, externalId: s.externalId, reason: s.reason }, 'item skipped');
    const counts = { fetched: result.mentions.length, inserted: report.inserted, skipped: result.skipped.length + report.skipped.length };
    // A live stream saves its position under state.stream meanwhile: keep its latest one.
    let state = result.state;
    if (connector.capabilities.stream) {
      const latest = await deps.store.sources.get(source.workspaceId, source.id);
      const { stream: _polled, ...rest } = result.state;
      state = latest?.state.stream === undefined ? rest : { ...rest, stream: latest.state.stream };
    }
    await record(deps, source, { ok: true, counts, durationMs: outcome.durationMs }, state);
    return { ...counts, notModified: result.notModified ?? false };
  } finally {
    clearTimeout(timer);
  }
}

async function record(deps: PollSourceDeps, source: Source, outcome: PollOutcome, state?: Source['state']): Promise<void> {
  const health = nextHealth(source.health, outcome, source.pollIntervalSec, deps.now());
  await deps.store.sources.recordRun(source.id, { state, health });
}
