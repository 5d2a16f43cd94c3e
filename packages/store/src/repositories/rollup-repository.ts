import type { Kysely, Selectable } from 'kysely';
import type { Granularity, RollupRepository, RollupRow, ScopeKind } from '@vigie/core';
import { parseIsoTime, toIso } from '../iso-time';
import type { Database, RollupTable } from '../schema';
import type { StoreDialect } from '../store-dialect';

const COLUMNS_PER_ROW = 12;

function toRollupRow(row: Selectable<RollupTable>): RollupRow {
  return {
    scope: row.scope as ScopeKind,
    scopeId: row.scope_id,
    granularity: row.granularity as Granularity,
    bucketStart: toIso(row.bucket_start),
    count: Number(row.count),
    authors: Number(row.authors),
    negative: Number(row.negative),
    positive: Number(row.positive),
    neutral: Number(row.neutral),
    reach: Number(row.reach),
  };
}

/**
 * Rollups: per-scope time series the alert worker keeps up to date and dashboards read, so
 * neither ever scans the mentions table. Writes are increments (see the port): a retried or
 * concurrent batch adds its own counts instead of overwriting another worker's.
 *
 * @example
 * await store.rollups.increment(ws.id, [{ scope: 'topic', scopeId: t.id, granularity: '1h', bucketStart, count: 3, authors: 2, negative: 1, positive: 0, neutral: 2, reach: 900 }]);
 */
export function createRollupRepository(db: Kysely<Database>, dialect: StoreDialect): RollupRepository {
  const chunk = Math.floor(dialect.maxParameters / COLUMNS_PER_ROW);
  return {
    async increment(workspaceId, rows) {
      for (let i = 0; i < rows.length; i += chunk) {
        const values = rows.slice(i, i + chunk).map((r) => ({
          workspace_id: workspaceId,
          scope: r.scope,
          scope_id: r.scopeId,
          granularity: r.granularity,
          bucket_start: parseIsoTime(r.bucketStart, 'bucketStart'),
          count: r.count,
          authors: r.authors,
          negative: r.negative,
          positive: r.positive,
          neutral: r.neutral,
          reach: r.reach,
        }));
        await db
          .insertInto('rollups')
          .values(values)
          .onConflict((conflict) =>
            conflict.columns(['workspace_id', 'scope', 'scope_id', 'granularity', 'bucket_start']).doUpdateSet((eb) => ({
              count: eb('rollups.count', '+', eb.ref('excluded.count')),
              authors: eb('rollups.authors', '+', eb.ref('excluded.authors')),
              negative: eb('rollups.negative', '+', eb.ref('excluded.negative')),
              positive: eb('rollups.positive', '+', eb.ref('excluded.positive')),
              neutral: eb('rollups.neutral', '+', eb.ref('excluded.neutral')),
              reach: eb('rollups.reach', '+', eb.ref('excluded.reach')),
            })),
          )
          .execute();
      }
    },

    async list(workspaceId, filter) {
      let query = db
        .selectFrom('rollups')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('scope', '=', filter.scope)
        .where('scope_id', '=', filter.scopeId)
        .where('granularity', '=', filter.granularity)
        .where('bucket_start', '>=', parseIsoTime(filter.since, 'since'));
      if (filter.until !== undefined) query = query.where('bucket_start', '<', parseIsoTime(filter.until, 'until'));
      const rows = await query.orderBy('bucket_start').execute();
      return rows.map(toRollupRow);
    },

    async listSince(workspaceId, granularity, since) {
      const rows = await db
        .selectFrom('rollups')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('granularity', '=', granularity)
        .where('bucket_start', '>=', parseIsoTime(since, 'since'))
        .orderBy('bucket_start')
        .execute();
      return rows.map(toRollupRow);
    },
  };
}
