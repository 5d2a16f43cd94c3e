import type { Kysely, Migration } from 'kysely';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';

/**
 * Alerting: rollups (time series per topic and query), alert rules, episodes, the notification
 * outbox and in-app notifications. Every table carries `workspace_id` with ON DELETE CASCADE.
 */
export function alertsMigration(dialect: StoreDialect): Migration {
  const { json, timestamp, boolean } = dialect.columnTypes;
  // REAL in SQLite, float8 in PostgreSQL: summed reach outgrows 32-bit integers.
  const real = dialect.kind === 'postgres' ? 'double precision' : 'real';
  const workspaceFk = 'workspaces.id';
  return {
    async up(db: Kysely<Database>): Promise<void> {
      await db.schema
        .createTable('rollups')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('scope_id', 'text', (c) => c.notNull())
        .addColumn('granularity', 'text', (c) => c.notNull())
        .addColumn('bucket_start', timestamp, (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('authors', 'integer', (c) => c.notNull())
        .addColumn('negative', 'integer', (c) => c.notNull())
        .addColumn('positive', 'integer', (c) => c.notNull())
        .addColumn('neutral', 'integer', (c) => c.notNull())
        .addColumn('reach', real, (c) => c.notNull())
        // The key is also the index of every read: one scope, one granularity, a time range.
        .addPrimaryKeyConstraint('rollups_pk', ['workspace_id', 'scope', 'scope_id', 'granularity', 'bucket_start'])
        .execute();
      await db.schema.createIndex('rollups_granularity').on('rollups').columns(['workspace_id', 'granularity', 'bucket_start']).execute();

      await db.schema
        .createTable('alert_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('scope_kind', 'text', (c) => c.notNull())
        .addColumn('scope_id', 'text', (c) => c.notNull())
        .addColumn('enabled', boolean, (c) => c.notNull())
        .addColumn('rule', json, (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('alert_rules_workspace').on('alert_rules').columns(['workspace_id', 'created_at']).execute();

      await db.schema
        .createTable('episodes')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('scope_kind', 'text', (c) => c.notNull())
        .addColumn('scope_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('started_at', timestamp, (c) => c.notNull())
        .addColumn('detected_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addColumn('closed_at', timestamp)
        .addColumn('explanation', json, (c) => c.notNull())
        .addColumn('signals', json, (c) => c.notNull())
        /** The rest of the Episode object (peak, calmingAt…), so it reads back whole. */
        .addColumn('details', json, (c) => c.notNull())
        .addPrimaryKeyConstraint('episodes_pk', ['workspace_id', 'id'])
        .execute();
      await db.schema.createIndex('episodes_list').on('episodes').columns(['workspace_id', 'status', 'detected_at']).execute();

      await db.schema
        .createTable('notification_outbox')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.references(workspaceFk).onDelete('cascade'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('target', json, (c) => c.notNull())
        .addColumn('notification', json, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', timestamp, (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('sent_at', timestamp)
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .execute();
      // The worker's question: which pending or failing entries are due, soonest first.
      await db.schema.createIndex('notification_outbox_due').on('notification_outbox').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('notification_outbox_workspace').on('notification_outbox').columns(['workspace_id', 'status']).execute();

      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('title', json, (c) => c.notNull())
        .addColumn('episode_id', 'text')
        .addColumn('episode_kind', 'text')
        .addColumn('url', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('read_at', timestamp)
        .execute();
      await db.schema.createIndex('notifications_workspace').on('notifications').columns(['workspace_id', 'read_at', 'created_at']).execute();
    },
    async down(db: Kysely<Database>): Promise<void> {
      for (const table of ['notifications', 'notification_outbox', 'episodes', 'alert_rules', 'rollups']) await db.schema.dropTable(table).execute();
    },
  };
}
