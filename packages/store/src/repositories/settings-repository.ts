import type { Kysely } from 'kysely';
import { AppError, type SettingsRepository } from '@vigie/core';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';

/**
 * Small per-workspace state as JSON values under string keys (the demo's status, a digest's last
 * send…). Not for anything that needs querying: that gets a table. `get<T>` trusts the caller
 * about the shape, as the port says; values are whatever JSON was stored.
 *
 * @example
 * await store.settings.set(ws.id, 'demo', { status: 'seeded' });
 * await store.settings.get<{ status: string }>(ws.id, 'demo'); // { status: 'seeded' }
 */
export function createSettingsRepository(db: Kysely<Database>, dialect: StoreDialect): SettingsRepository {
  return {
    async get<T>(workspaceId: string, key: string): Promise<T | undefined> {
      const row = await db
        .selectFrom('settings')
        .select('value')
        .where('workspace_id', '=', workspaceId)
        .where('key', '=', key)
        .executeTakeFirst();
      return row === undefined ? undefined : (dialect.fromJson(row.value) as T);
    },

    async set(workspaceId, key, value) {
      if (value === undefined) {
        throw new AppError('validation_failed', `Setting ${key} needs a value`, [{ field: 'value', message: 'required / obligatoire' }]);
      }
      const workspace = await db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).executeTakeFirst();
      if (!workspace) throw new AppError('not_found', `Workspace ${workspaceId} does not exist`);
      const row = { workspace_id: workspaceId, key, value: dialect.toJson(value), updated_at: new Date().toISOString() };
      await db
        .insertInto('settings')
        .values(row)
        .onConflict((conflict) => conflict.columns(['workspace_id', 'key']).doUpdateSet({ value: row.value, updated_at: row.updated_at }))
        .execute();
    },

    async delete(workspaceId, key) {
      await db.deleteFrom('settings').where('workspace_id', '=', workspaceId).where('key', '=', key).execute();
    },
  };
}
