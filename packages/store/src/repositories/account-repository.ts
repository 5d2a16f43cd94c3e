import { sql, type Kysely, type Selectable } from 'kysely';
import { AppError, type Account, type AccountBudget, type AccountRepository, type AccountStatus, type ConnectorId } from '@vigie/core';
import { createId } from '../create-id';
import { toIso } from '../iso-time';
import type { AccountTable, Database } from '../schema';
import type { StoreDialect } from '../store-dialect';

/** `YYYY-MM` of a date, in UTC: the month a read budget counts. */
const monthOf = (now: Date): string => now.toISOString().slice(0, 7);

/**
 * Connector accounts. The read count is one column incremented in SQL, so two sources of one
 * account polling at the same moment both count (no read-modify-write in JavaScript).
 *
 * @example
 * const budget = await store.accounts.recordReads(ws, accountId, 100, new Date()); // { monthlyReads: 10000, used: 4100, month: '2026-11' }
 */
export function createAccountRepository(db: Kysely<Database>, dialect: StoreDialect): AccountRepository {
  function toAccount(row: Selectable<AccountTable>): Account {
    const lastError = row.last_error === null ? null : (dialect.fromJson(row.last_error) as Account['lastError']);
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      connector: row.connector as ConnectorId,
      name: row.name,
      status: row.status as AccountStatus,
      ...(row.status_reason !== null && { statusReason: row.status_reason }),
      ...(lastError && { lastError }),
      config: dialect.fromJson(row.config) as Record<string, unknown>,
      budget: { ...(row.monthly_reads !== null && { monthlyReads: Number(row.monthly_reads) }), used: Number(row.reads_used), month: row.reads_month },
      createdAt: toIso(row.created_at),
      updatedAt: toIso(row.updated_at),
    };
  }

  const repository: AccountRepository = {
    async create(workspaceId, input) {
      const workspace = await db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).executeTakeFirst();
      if (!workspace) throw new AppError('not_found', `Workspace ${workspaceId} does not exist`);
      const now = new Date();
      const id = createId();
      await db
        .insertInto('accounts')
        .values({
          id,
          workspace_id: workspaceId,
          connector: input.connector,
          name: input.name,
          status: input.status ?? 'ok',
          status_reason: null,
          last_error: null,
          config: dialect.toJson(input.config),
          monthly_reads: input.monthlyReads ?? null,
          reads_used: 0,
          reads_month: monthOf(now),
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
      return (await repository.get(workspaceId, id)) as Account;
    },

    async get(workspaceId, id) {
      const row = await db.selectFrom('accounts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      return row && toAccount(row);
    },

    async list(workspaceId) {
      const rows = await db.selectFrom('accounts').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toAccount);
    },

    async update(workspaceId, id, patch) {
      const values = {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.config !== undefined && { config: dialect.toJson(patch.config) }),
        ...(patch.monthlyReads !== undefined && { monthly_reads: patch.monthlyReads }),
      };
      if (Object.keys(values).length > 0) {
        await db
          .updateTable('accounts')
          .set({ ...values, updated_at: new Date().toISOString() })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .execute();
      }
      return repository.get(workspaceId, id);
    },

    async delete(workspaceId, id) {
      const result = await db.deleteFrom('accounts').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async setStatus(workspaceId, id, status, options = {}) {
      const at = (options.at ?? new Date()).toISOString();
      await db
        .updateTable('accounts')
        .set({
          status,
          status_reason: options.reason ?? null,
          ...(options.error !== undefined && { last_error: dialect.toJson({ ...options.error, at }) }),
          updated_at: at,
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
      return repository.get(workspaceId, id);
    },

    async recordReads(workspaceId, id, reads, now): Promise<AccountBudget | undefined> {
      const month = monthOf(now);
      await db
        .updateTable('accounts')
        .set({
          reads_used: sql<number>`case when reads_month = ${month} then reads_used + ${reads} else ${reads} end`,
          reads_month: month,
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
      return (await repository.get(workspaceId, id))?.budget;
    },
  };
  return repository;
}
