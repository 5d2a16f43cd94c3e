import type { Ingest, Source, Store } from '@vigie/core';
import { getConnector, isConnectorError, type HttpClient } from '@vigie/connectors';
import type { Logger } from '../logger';
import type { SecretBox } from '../security/secret-box';
import { prepareSource } from '../services/account-service';

/** Pages read at most by one backfill (a network with deep history stops there). */
export const MAX_BACKFILL_PAGES = 50;

export interface BackfillSourceDeps {
  store: Store;
  ingest: Ingest;
  http: HttpClient;
  log: Logger;
  secrets: SecretBox;
  now(): Date;
}

export interface BackfillResult {
  pages: number;
  fetched: number;
  inserted: number;
  error?: { code: string; message: string };
}

/**
 * Fetches a new source's last `days` days once, page by page through the connector's `backfill`
 * capability (with its account's credentials), ingesting as it goes. Storing is an upsert, so the
 * overlap with the first polls is never duplicated. A failure stops the backfill and is logged;
 * polling goes on regardless.
 *
 * @example
 * await runBackfill(deps, source, 7); // { pages: 3, fetched: 240, inserted: 236 }
 */
export async function runBackfill(deps: BackfillSourceDeps, source: Source, days: number): Promise<BackfillResult> {
  const capability = getConnector(source.connector)?.capabilities.backfill;
  const result: BackfillResult = { pages: 0, fetched: 0, inserted: 0 };
  if (!capability) return result;
  const until = new Date(deps.now().getTime() - days * 86_400_000);
  try {
    const prepared = await prepareSource(deps, source);
    if (!prepared.ok) return { ...result, error: prepared.error };
    const ctx = { http: deps.http, signal: AbortSignal.timeout(10 * 60_000), now: deps.now, log: (level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>) => deps.log[level]({ sourceId: source.id, ...data }, message) };
    let cursor: string | undefined;
    while (result.pages < MAX_BACKFILL_PAGES) {
      const page = await capability.backfill(ctx, { config: prepared.config, state: prepared.state }, { until, ...(cursor !== undefined && { cursor }) });
      result.pages += 1;
      result.fetched += page.mentions.length;
      const report = await deps.ingest(source.workspaceId, page.mentions, { sourceId: source.id });
      result.inserted += report.inserted;
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    deps.log.info({ sourceId: source.id, days, ...result }, 'source backfilled');
  } catch (error) {
    result.error = isConnectorError(error) ? { code: error.code, message: error.message } : { code: 'internal', message: (error as Error).message };
    deps.log.warn({ sourceId: source.id, days, ...result }, 'source backfill stopped');
  }
  return result;
}
