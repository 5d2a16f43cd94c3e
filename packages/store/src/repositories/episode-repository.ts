import type { Kysely, Selectable } from 'kysely';
import type { Episode, EpisodeExplanation, EpisodeRepository, Signal } from '@vigie/core';
import { parseIsoTime } from '../iso-time';
import type { Database, EpisodeTable } from '../schema';
import type { StoreDialect } from '../store-dialect';

/**
 * Episodes with their post-mortem (explanation and signals as JSON). Listing columns (status,
 * kind, dates) are copied out so the list is one indexed query.
 *
 * @example
 * await store.episodes.save(ws.id, event.episode);
 * await store.episodes.list(ws.id, { status: 'open' });
 */
export function createEpisodeRepository(db: Kysely<Database>, dialect: StoreDialect): EpisodeRepository {
  function toEpisode(row: Selectable<EpisodeTable>): Episode {
    const details = dialect.fromJson(row.details) as Omit<Episode, 'explanation' | 'signals'>;
    return {
      ...details,
      explanation: dialect.fromJson(row.explanation) as EpisodeExplanation,
      signals: dialect.fromJson(row.signals) as Signal[],
    };
  }

  return {
    async save(workspaceId, episode) {
      const { explanation, signals, ...details } = episode;
      const row = {
        workspace_id: workspaceId,
        id: episode.id,
        rule_id: episode.ruleId,
        scope_kind: episode.scope.kind,
        scope_id: episode.scope.id,
        kind: episode.kind,
        status: episode.status,
        revision: episode.revision,
        started_at: parseIsoTime(episode.startedAt, 'startedAt'),
        detected_at: parseIsoTime(episode.detectedAt, 'detectedAt'),
        updated_at: parseIsoTime(episode.updatedAt, 'updatedAt'),
        closed_at: episode.closedAt === undefined ? null : parseIsoTime(episode.closedAt, 'closedAt'),
        explanation: dialect.toJson(explanation),
        signals: dialect.toJson(signals),
        details: dialect.toJson(details),
      };
      await db
        .insertInto('episodes')
        .values(row)
        .onConflict((conflict) =>
          conflict
            .columns(['workspace_id', 'id'])
            .doUpdateSet({
              kind: row.kind,
              status: row.status,
              revision: row.revision,
              updated_at: row.updated_at,
              closed_at: row.closed_at,
              explanation: row.explanation,
              signals: row.signals,
              details: row.details,
            })
            // A replayed older event must not roll the post-mortem back.
            .where('episodes.revision', '<=', row.revision),
        )
        .execute();
    },

    async get(workspaceId, id) {
      const row = await db.selectFrom('episodes').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      return row && toEpisode(row);
    },

    async list(workspaceId, filter = {}) {
      let query = db.selectFrom('episodes').selectAll().where('workspace_id', '=', workspaceId);
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      if (filter.ruleId !== undefined) query = query.where('rule_id', '=', filter.ruleId);
      const rows = await query
        .orderBy('detected_at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit ?? 100)
        .execute();
      return rows.map(toEpisode);
    },
  };
}
