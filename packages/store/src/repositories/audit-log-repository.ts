import type { Kysely, Selectable } from 'kysely';
import { AppError, type AuditActor, type AuditEntry, type AuditLogRepository } from '@vigie/core';
import { createId } from '../create-id';
import { parseIsoTime, toIso } from '../iso-time';
import { decodeCursor, encodeCursor } from '../page-cursor';
import type { AuditLogTable, Database } from '../schema';
import type { StoreDialect } from '../store-dialect';

const MAX_PAGE = 500;
const ACTOR_KINDS: readonly AuditActor['kind'][] = ['user', 'token', 'cli', 'system'];

/**
 * The audit log: who did what, when, in which workspace. Append-only (rows leave only with their
 * workspace). Listed newest first with the same keyset cursor as mentions (time, then id: ids
 * sort by creation, so entries of one millisecond keep their order).
 *
 * @example
 * await store.audit.append({ workspaceId, at: new Date().toISOString(), actor, action: 'token.create', target: `token:${id}` });
 * const page = await store.audit.list(workspaceId, { action: 'token.create' }, { limit: 50 });
 */
export function createAuditLogRepository(db: Kysely<Database>, dialect: StoreDialect): AuditLogRepository {
  function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
    const kind = ACTOR_KINDS.find((k) => k === row.actor_kind) ?? 'system';
    const actor: AuditActor = { kind, ...(row.actor_id !== null && { id: row.actor_id }), label: row.actor_label };
    const details = row.details === null ? null : dialect.fromJson(row.details);
    return {
      id: row.id,
      ...(row.workspace_id !== null && { workspaceId: row.workspace_id }),
      at: toIso(row.at),
      actor,
      action: row.action,
      ...(row.target !== null && { target: row.target }),
      ...(row.ip !== null && { ip: row.ip }),
      ...(details !== null && typeof details === 'object' && { details: details as Record<string, unknown> }),
    };
  }

  return {
    async append(input) {
      const entry: AuditEntry = { id: createId(), ...input, at: parseIsoTime(input.at, 'at') };
      try {
        await db
          .insertInto('audit_log')
          .values({
            id: entry.id,
            workspace_id: entry.workspaceId ?? null,
            at: entry.at,
            actor_kind: entry.actor.kind,
            actor_id: entry.actor.id ?? null,
            actor_label: entry.actor.label,
            action: entry.action,
            target: entry.target ?? null,
            ip: entry.ip ?? null,
            details: entry.details === undefined ? null : dialect.toJson(entry.details),
          })
          .execute();
      } catch (error) {
        if (dialect.isForeignKeyViolation(error)) throw new AppError('not_found', 'No such workspace');
        throw error;
      }
      return entry;
    },

    async list(workspaceId, filter, page) {
      if (!Number.isInteger(page.limit) || page.limit < 1) {
        throw new AppError('validation_failed', `Page limit must be a positive integer, got ${page.limit}`, [
          { field: 'limit', message: 'positive integer expected / entier positif attendu' },
        ]);
      }
      const limit = Math.min(page.limit, MAX_PAGE);
      let query = db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId);
      if (filter.action !== undefined) query = query.where('action', '=', filter.action);
      if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
      if (filter.since !== undefined) query = query.where('at', '>=', parseIsoTime(filter.since, 'since'));
      if (filter.until !== undefined) query = query.where('at', '<', parseIsoTime(filter.until, 'until'));
      if (page.cursor !== undefined) {
        const after = decodeCursor(page.cursor);
        query = query.where((eb) =>
          eb.or([eb('at', '<', after.publishedAt), eb.and([eb('at', '=', after.publishedAt), eb('id', '<', after.id)])]),
        );
      }
      const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
      const items = rows.slice(0, limit).map(toEntry);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? encodeCursor({ publishedAt: last.at, id: last.id }) : null };
    },
  };
}
