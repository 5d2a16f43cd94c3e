import type { Kysely, Selectable } from 'kysely';
import { AppError, type AlertRule, type AlertRuleRepository, type StoredAlertRule } from '@vigie/core';
import { createId } from '../create-id';
import { toIso } from '../iso-time';
import type { AlertRuleTable, Database } from '../schema';
import type { StoreDialect } from '../store-dialect';

/**
 * Alert rules, stored whole as JSON (already validated by `parseAlertRule`), with the scope and
 * name copied into columns for listing. Webhook secrets arrive sealed (server/src/notify/webhook-secret.ts);
 * presenters drop them.
 *
 * @example
 * const rule = await store.alertRules.create(ws.id, parseAlertRule({ name: 'Ondine', scope: { kind: 'topic', id: t.id }, detectors: ['volume_spike'], channels: [{ kind: 'in_app' }] }));
 */
export function createAlertRuleRepository(db: Kysely<Database>, dialect: StoreDialect): AlertRuleRepository {
  function toRule(row: Selectable<AlertRuleTable>): StoredAlertRule {
    const rule = dialect.fromJson(row.rule) as AlertRule;
    return { ...rule, id: row.id, createdAt: toIso(row.created_at), updatedAt: toIso(row.updated_at) };
  }

  function columns(rule: AlertRule) {
    return {
      name: rule.name,
      scope_kind: rule.scope.kind,
      scope_id: rule.scope.id,
      enabled: dialect.toBool(rule.enabled),
    };
  }

  const repository: AlertRuleRepository = {
    async create(workspaceId, rule) {
      const workspace = await db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).executeTakeFirst();
      if (!workspace) throw new AppError('not_found', `Workspace ${workspaceId} does not exist`);
      const id = createId();
      const now = new Date().toISOString();
      await db
        .insertInto('alert_rules')
        .values({ id, workspace_id: workspaceId, ...columns(rule), rule: dialect.toJson({ ...rule, id }), created_at: now, updated_at: now })
        .execute();
      return (await repository.get(workspaceId, id)) as StoredAlertRule;
    },

    async get(workspaceId, id) {
      const row = await db.selectFrom('alert_rules').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      return row && toRule(row);
    },

    async list(workspaceId) {
      const rows = await db.selectFrom('alert_rules').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toRule);
    },

    async update(workspaceId, id, rule) {
      const result = await db
        .updateTable('alert_rules')
        .set({ ...columns(rule), rule: dialect.toJson({ ...rule, id }), updated_at: new Date().toISOString() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return undefined;
      return repository.get(workspaceId, id);
    },

    async delete(workspaceId, id) {
      const result = await db.deleteFrom('alert_rules').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
  return repository;
}
