import type { Kysely, Selectable } from 'kysely';
import { isRole, type OneTimeToken, type OneTimeTokenKind, type OneTimeTokenRepository } from '@vigie/core';
import { createId } from '../create-id';
import { parseIsoTime, toIso } from '../iso-time';
import type { Database, OneTimeTokenTable } from '../schema';
import { normaliseEmail } from './user-repository';

const COLUMNS = ['id', 'kind', 'user_id', 'email', 'workspace_id', 'role', 'created_at', 'expires_at', 'used_at'] as const;

function toOneTimeToken(row: Pick<Selectable<OneTimeTokenTable>, (typeof COLUMNS)[number]>): OneTimeToken {
  return {
    id: row.id,
    kind: row.kind as OneTimeTokenKind,
    ...(row.user_id !== null && { userId: row.user_id }),
    ...(row.email !== null && { email: row.email }),
    ...(row.workspace_id !== null && { workspaceId: row.workspace_id }),
    ...(row.role !== null && isRole(row.role) && { role: row.role }),
    createdAt: toIso(row.created_at),
    expiresAt: toIso(row.expires_at),
    ...(row.used_at !== null && { usedAt: toIso(row.used_at) }),
  };
}

/**
 * Single-use links (first-owner setup, password reset, invitation), found by the SHA-256 of the
 * value in the link. `consume` is one conditional UPDATE … RETURNING: of two requests racing with
 * the same link, the database lets exactly one through (PostgreSQL re-checks `used_at is null`
 * after the row lock; SQLite runs one writer at a time).
 *
 * @example
 * await store.oneTimeTokens.create(sha256Hex(secret), { kind: 'password_reset', userId, createdAt, expiresAt });
 * const token = await store.oneTimeTokens.consume(sha256Hex(secret), 'password_reset', new Date()); // undefined the second time
 */
export function createOneTimeTokenRepository(db: Kysely<Database>): OneTimeTokenRepository {
  return {
    async create(tokenHash, input) {
      const token: OneTimeToken = {
        id: createId(),
        ...input,
        ...(input.email !== undefined && { email: normaliseEmail(input.email) }),
      };
      await db
        .insertInto('one_time_tokens')
        .values({
          id: token.id,
          token_hash: tokenHash,
          kind: token.kind,
          user_id: token.userId ?? null,
          email: token.email ?? null,
          workspace_id: token.workspaceId ?? null,
          role: token.role ?? null,
          created_at: parseIsoTime(token.createdAt, 'createdAt'),
          expires_at: parseIsoTime(token.expiresAt, 'expiresAt'),
          used_at: null,
        })
        .execute();
      return token;
    },

    async consume(tokenHash, kind, now) {
      const at = now.toISOString();
      const row = await db
        .updateTable('one_time_tokens')
        .set({ used_at: at })
        .where('token_hash', '=', tokenHash)
        .where('kind', '=', kind)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .returning(COLUMNS)
        .executeTakeFirst();
      return row && toOneTimeToken(row);
    },

    async peek(tokenHash, kind, now) {
      const row = await db
        .selectFrom('one_time_tokens')
        .select(COLUMNS)
        .where('token_hash', '=', tokenHash)
        .where('kind', '=', kind)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now.toISOString())
        .executeTakeFirst();
      return row && toOneTimeToken(row);
    },

    async deleteKind(kind, filter = {}) {
      let query = db.deleteFrom('one_time_tokens').where('kind', '=', kind).where('used_at', 'is', null);
      if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
      if (filter.email !== undefined) query = query.where('email', '=', normaliseEmail(filter.email));
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
