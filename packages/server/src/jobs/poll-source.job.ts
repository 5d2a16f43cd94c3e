import { nextHealth, type Ingest, type PollOutcome, type Source, type Store } from '@vigie/core';
import { getConnector, runPoll, type HttpClient } from '@vigie/connectors';
import type { Logger } from '../logger';
import type { SecretBox } from '../security/secret-box';
import { openSecrets } from '../security/source-secrets';

export interface PollSourceDeps {
  store: Store;
  ingest: Ingest;
  http: HttpClient;
  log: Logger;
  secrets: SecretBox;
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
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? 120_000);
  try {
    const outcome = await runPoll(
      connector,
      { http: deps.http, signal: controller.signal, now: deps.now, log: (level, message, data) => deps.log[level]({ sourceId: source.id, ...data }, message) },
      { config: openSecrets(deps.secrets, source.config), state: source.state },
    );
    if (!outcome.ok) {
      await record(deps, source, { ok: false, error: outcome.error, retryAfterMs: outcome.retryAfterMs, needsReauth: outcome.needsReauth, durationMs: outcome.durationMs });
      return { fetched: 0, inserted: 0, skipped: 0, notModified: false, error: outcome.error };
    }
    const { result } = outcome;
    const report = await deps.ingest(source.workspaceId, result.mentions, { sourceId: source.id });
    for (const s of [...result.skipped, ...report.skipped]) deps.log.warn({ sourceId: source.id, externalId: s.externalId, reason: s.reason }, 'item skipped');
    const counts = { fetched: result.mentions.length, inserted: report.inserted, skipped: result.skipped.length + report.skipped.length };
    await record(deps, source, { ok: true, counts, durationMs: outcome.durationMs }, result.state);
    return { ...counts, notModified: result.notModified ?? false };
  } finally {
    clearTimeout(timer);
  }
}

async function record(deps: PollSourceDeps, source: Source, outcome: PollOutcome, state?: Source['state']): Promise<void> {
  const health = nextHealth(source.health, outcome, source.pollIntervalSec, deps.now());
  await deps.store.sources.recordRun(source.id, { state, health });
}
