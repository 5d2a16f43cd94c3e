import type { Kysely, Selectable } from 'kysely';
import { AppError, type Session, type SessionRepository } from '@vigie/core';
import { createId } from '../create-id';
import { parseIsoTime, toIso } from '../iso-time';
import type { Database, SessionTable } from '../schema';
import type { StoreDialect } from '../store-dialect';

function toSession(row: Selectable<SessionTable>): Session {
  return {
    id: row.id,
    userId: row.user_id,
    workspaceId: row.workspace_id,
    csrfToken: row.csrf_token,
    createdAt: toIso(row.created_at),
    lastSeenAt: toIso(row.last_seen_at),
    expiresAt: toIso(row.expires_at),
    absoluteExpiresAt: toIso(row.absolute_expires_at),
    ...(row.user_agent !== null && { userAgent: row.user_agent }),
    ...(row.ip !== null && { ip: row.ip }),
  };
}

/**
 * Browser sessions, found by the SHA-256 of the cookie value. A session past its idle or absolute
 * expiry is never returned, whether or not `deleteExpired` has swept it yet.
 *
 * @example
 * const session = await store.sessions.create(sha256Hex(cookie), { userId, workspaceId, csrfToken, ... });
 * await store.sessions.findLive(sha256Hex(cookie), new Date());
 */
export function createSessionRepository(db: Kysely<Database>, dialect: StoreDialect): SessionRepository {
  return {
    async create(tokenHash, input) {
      const session: Session = { id: createId(), ...input };
      try {
        await db
          .insertInto('sessions')
          .values({
            id: session.id,
            token_hash: tokenHash,
            user_id: session.userId,
            workspace_id: session.workspaceId,
            csrf_token: session.csrfToken,
            created_at: parseIsoTime(session.createdAt, 'createdAt'),
            last_seen_at: parseIsoTime(session.lastSeenAt, 'lastSeenAt'),
            expires_at: parseIsoTime(session.expiresAt, 'expiresAt'),
            absolute_expires_at: parseIsoTime(session.absoluteExpiresAt, 'absoluteExpiresAt'),
            user_agent: session.userAgent ?? null,
            ip: session.ip ?? null,
          })
          .execute();
      } catch (error) {
        if (dialect.isForeignKeyViolation(error)) throw new AppError('not_found', 'No such user or workspace');
        throw error;
      }
      return session;
    },

    async findLive(tokenHash, now) {
      const at = now.toISOString();
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', at)
        .where('absolute_expires_at', '>', at)
        .executeTakeFirst();
      return row && toSession(row);
    },

    async touch(id, lastSeenAt, expiresAt) {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: parseIsoTime(lastSeenAt, 'lastSeenAt'), expires_at: parseIsoTime(expiresAt, 'expiresAt') })
        .where('id', '=', id)
        .execute();
    },

    async setWorkspace(id, workspaceId) {
      try {
        await db.updateTable('sessions').set({ workspace_id: workspaceId }).where('id', '=', id).execute();
      } catch (error) {
        if (dialect.isForeignKeyViolation(error)) throw new AppError('not_found', 'No such workspace');
        throw error;
      }
    },

    async delete(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },

    async deleteByUser(userId) {
      const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteExpired(now) {
      const at = now.toISOString();
      const result = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', at), eb('absolute_expires_at', '<=', at)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
