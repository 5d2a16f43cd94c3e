import type { Kysely, Selectable } from 'kysely';
import {
  AppError,
  type ConnectorId,
  type Source,
  type SourceHealth,
  type SourceRepository,
  type SourceState,
  type SourceStatus,
} from '@vigie/core';
import { createId } from '../create-id';
import { parseIsoTime, toIso } from '../iso-time';
import type { Database, SourceTable } from '../schema';
import type { StoreDialect } from '../store-dialect';

/** Health as written: ISO text and JSON text, whatever the dialect stores them as. */
interface HealthColumns {
  status: string;
  last_run_at: string | null;
  last_success_at: string | null;
  last_error_at: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  consecutive_failures: number;
  next_run_at: string;
  last_run: string | null;
}

function optionalIso(value: string | Date | null): string | undefined {
  return value === null ? undefined : toIso(value);
}

/** Kept as a name for the store's source repository (claiming is now part of the port). */
export type ClaimingSourceRepository = SourceRepository;

/**
 * Sources with their health flattened into columns, so the scheduler can ask "what is due"
 * with an index (`sources_due`) instead of reading JSON.
 *
 * @example
 * const due = await store.sources.listDue(new Date(), 20);
 */
export function createSourceRepository(db: Kysely<Database>, dialect: StoreDialect): ClaimingSourceRepository {
  function toSource(row: Selectable<SourceTable>): Source {
    const lastRunAt = optionalIso(row.last_run_at);
    const lastSuccessAt = optionalIso(row.last_success_at);
    const lastErrorAt = optionalIso(row.last_error_at);
    const lastRun = row.last_run === null ? null : dialect.fromJson(row.last_run);
    const health: SourceHealth = {
      status: row.status as SourceStatus,
      ...(lastRunAt !== undefined && { lastRunAt }),
      ...(lastSuccessAt !== undefined && { lastSuccessAt }),
      ...(lastErrorAt !== undefined && { lastErrorAt }),
      ...(row.last_error_code !== null && {
        lastError: { code: row.last_error_code, message: row.last_error_message ?? '' },
      }),
      consecutiveFailures: row.consecutive_failures,
      nextRunAt: toIso(row.next_run_at),
      ...(lastRun !== null && { lastRun: lastRun as NonNullable<SourceHealth['lastRun']> }),
    };
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      connector: row.connector as ConnectorId,
      ...(row.account_id !== null && { accountId: row.account_id }),
      name: row.name,
      config: dialect.fromJson(row.config) as Record<string, unknown>,
      pollIntervalSec: row.poll_interval_sec,
      enabled: Boolean(row.enabled),
      state: dialect.fromJson(row.state) as SourceState,
      health,
      createdAt: toIso(row.created_at),
    };
  }

  function toHealthColumns(health: SourceHealth): HealthColumns {
    const time = (value: string | undefined, field: string) => (value === undefined ? null : parseIsoTime(value, field));
    return {
      status: health.status,
      last_run_at: time(health.lastRunAt, 'health.lastRunAt'),
      last_success_at: time(health.lastSuccessAt, 'health.lastSuccessAt'),
      last_error_at: time(health.lastErrorAt, 'health.lastErrorAt'),
      last_error_code: health.lastError?.code ?? null,
      last_error_message: health.lastError?.message ?? null,
      consecutive_failures: health.consecutiveFailures,
      next_run_at: parseIsoTime(health.nextRunAt, 'health.nextRunAt'),
      last_run: health.lastRun === undefined ? null : dialect.toJson(health.lastRun),
    };
  }

  const repository: ClaimingSourceRepository = {
    async create(workspaceId, input) {
      const workspace = await db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).executeTakeFirst();
      if (!workspace) throw new AppError('not_found', `Workspace ${workspaceId} does not exist`);
      const now = new Date().toISOString();
      const row = {
        id: createId(),
        workspace_id: workspaceId,
        connector: input.connector,
        account_id: input.accountId ?? null,
        name: input.name,
        config: dialect.toJson(input.config),
        poll_interval_sec: input.pollIntervalSec,
        enabled: dialect.toBool(input.enabled ?? true),
        state: dialect.toJson({}),
        // A new source is due at once: the first poll shows the user it works.
        ...toHealthColumns({ status: 'pending', consecutiveFailures: 0, nextRunAt: now }),
        created_at: now,
      };
      await db.insertInto('sources').values(row).execute();
      // Read back: JSON columns come back parsed the way each driver does it.
      return (await repository.get(workspaceId, row.id)) as Source;
    },

    async get(workspaceId, id) {
      const row = await db
        .selectFrom('sources')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toSource(row);
    },

    async list(workspaceId) {
      const rows = await db
        .selectFrom('sources')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toSource);
    },

    async update(workspaceId, id, patch) {
      const values = {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.config !== undefined && { config: dialect.toJson(patch.config) }),
        ...(patch.pollIntervalSec !== undefined && { poll_interval_sec: patch.pollIntervalSec }),
        ...(patch.enabled !== undefined && { enabled: dialect.toBool(patch.enabled) }),
        ...(patch.accountId !== undefined && { account_id: patch.accountId }),
      };
      if (Object.keys(values).length > 0) {
        await db.updateTable('sources').set(values).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
      }
      return repository.get(workspaceId, id);
    },

    async delete(workspaceId, id) {
      const result = await db.deleteFrom('sources').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async listDue(now, limit) {
      const rows = await db
        .selectFrom('sources')
        .selectAll()
        .where('enabled', '=', dialect.toBool(true))
        .where('next_run_at', '<=', now.toISOString())
        .orderBy('next_run_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toSource);
    },

    async claimDue(now, limit, leaseMs) {
      const due = dialect.lockForClaim(
        db
          .selectFrom('sources')
          .select('sources.id')
          .where('sources.enabled', '=', dialect.toBool(true))
          .where('sources.next_run_at', '<=', now.toISOString())
          .orderBy('sources.next_run_at')
          .orderBy('sources.id')
          .limit(limit),
      );
      const rows = await db
        .updateTable('sources')
        .set({ next_run_at: new Date(now.getTime() + leaseMs).toISOString() })
        .where('id', 'in', due)
        .returningAll()
        .execute();
      return rows.map(toSource).sort((a, b) => (a.id < b.id ? -1 : 1));
    },

    async recordRun(id, run) {
      // One UPDATE carries state and health together: a crash cannot keep one without the other.
      const result = await db
        .updateTable('sources')
        .set({
          ...toHealthColumns(run.health),
          ...(run.state !== undefined && { state: dialect.toJson(run.state) }),
        })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AppError('not_found', `Source ${id} does not exist`);
    },

    async saveState(id, state) {
      await db.updateTable('sources').set({ state: dialect.toJson(state) }).where('id', '=', id).execute();
    },
  };
  return repository;
}
