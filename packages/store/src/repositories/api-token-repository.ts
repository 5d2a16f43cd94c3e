import { sql, type Kysely, type Selectable } from 'kysely';
import { AppError, isRole, type ApiToken, type ApiTokenRepository } from '@vigie/core';
import { createId } from '../create-id';
import { parseIsoTime, toIso } from '../iso-time';
import type { ApiTokenTable, Database } from '../schema';
import type { StoreDialect } from '../store-dialect';

function toApiToken(row: Omit<Selectable<ApiTokenTable>, 'token_hash'>): ApiToken {
  if (!isRole(row.role)) throw new AppError('internal', `Unknown role "${row.role}" in the database`);
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    ...(row.created_by !== null && { createdBy: row.created_by }),
    createdAt: toIso(row.created_at),
    ...(row.last_used_at !== null && { lastUsedAt: toIso(row.last_used_at) }),
    ...(row.expires_at !== null && { expiresAt: toIso(row.expires_at) }),
    ...(row.revoked_at !== null && { revokedAt: toIso(row.revoked_at) }),
  };
}

const COLUMNS = ['id', 'workspace_id', 'name', 'role', 'prefix', 'created_by', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'] as const;

/**
 * API tokens, each bound to one workspace and one role, found by the SHA-256 of the secret.
 * Revoked and expired tokens stay listed (so an admin sees what existed) but never authenticate.
 *
 * @example
 * const token = await store.apiTokens.create(sha256Hex(secret), { workspaceId, name: 'CI', role: 'analyst', prefix, createdAt });
 * await store.apiTokens.revoke(workspaceId, token.id, new Date().toISOString());
 */
export function createApiTokenRepository(db: Kysely<Database>, dialect: StoreDialect): ApiTokenRepository {
  return {
    async create(tokenHash, input) {
      const token: ApiToken = { id: createId(), ...input };
      try {
        await db
          .insertInto('api_tokens')
          .values({
            id: token.id,
            token_hash: tokenHash,
            workspace_id: token.workspaceId,
            name: token.name,
            role: token.role,
            prefix: token.prefix,
            created_by: token.createdBy ?? null,
            created_at: parseIsoTime(token.createdAt, 'createdAt'),
            last_used_at: null,
            expires_at: token.expiresAt === undefined ? null : parseIsoTime(token.expiresAt, 'expiresAt'),
            revoked_at: null,
          })
          .execute();
      } catch (error) {
        if (dialect.isForeignKeyViolation(error)) throw new AppError('not_found', 'No such workspace or user');
        throw error;
      }
      return token;
    },

    async findLive(tokenHash, now) {
      const at = now.toISOString();
      const row = await db
        .selectFrom('api_tokens')
        .select(COLUMNS)
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
        .executeTakeFirst();
      return row && toApiToken(row);
    },

    async list(workspaceId) {
      const rows = await db
        .selectFrom('api_tokens')
        .select(COLUMNS)
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toApiToken);
    },

    async revoke(workspaceId, id, at) {
      // Revoking twice keeps the first time; true as long as the token exists in this workspace.
      const revokedAt = parseIsoTime(at, 'at');
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: sql<string>`coalesce(revoked_at, ${revokedAt})` })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async markUsed(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: parseIsoTime(at, 'at') }).where('id', '=', id).execute();
    },
  };
}
