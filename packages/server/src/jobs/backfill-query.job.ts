import { backfillQuery, type Query } from '@vigie/core';
import type { Vigie } from '../create-vigie';

/** Stored history a saved or edited query is run over. */
export const BACKFILL_DAYS = 30;

/**
 * Runs a saved or edited query over the last BACKFILL_DAYS of stored mentions in the background:
 * saving answers at once, matches appear as they are found. Returns the promise for tests.
 */
export function scheduleBackfill(deps: Pick<Vigie, 'store' | 'queryIndex' | 'log' | 'now'>, workspaceId: string, query: Pick<Query, 'id' | 'topicId' | 'text' | 'enabled'>): Promise<void> {
  const since = new Date(deps.now().getTime() - BACKFILL_DAYS * 86_400_000).toISOString();
  return backfillQuery(deps.store, workspaceId, query, since, (id) => deps.queryIndex.topicOf(id)).then(
    (r) => deps.log.info({ queryId: query.id, ...r }, 'query backfilled'),
    (error: unknown) => deps.log.error({ err: error, queryId: query.id }, 'query backfill failed'),
  );
}
