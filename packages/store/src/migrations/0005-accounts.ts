import type { Kysely, Migration } from 'kysely';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';

/**
 * Connector accounts: credentials shared by sources (secrets sealed by the server before they get
 * here), their status (ok / needs_reauth / disabled) and the monthly read budget shared by the
 * account's sources. `sources.account_id` exists since 0001; SQLite cannot add a foreign key to an
 * existing column, so it gets an index and the server refuses to delete an account still in use.
 */
export function accountsMigration(dialect: StoreDialect): Migration {
  const { json, timestamp } = dialect.columnTypes;
  return {
    async up(db: Kysely<Database>): Promise<void> {
      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('connector', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_reason', 'text')
        .addColumn('last_error', json)
        .addColumn('config', json, (c) => c.notNull())
        .addColumn('monthly_reads', 'integer')
        .addColumn('reads_used', 'integer', (c) => c.notNull())
        .addColumn('reads_month', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('accounts_workspace').on('accounts').columns(['workspace_id', 'created_at']).execute();
      await db.schema.createIndex('sources_account').on('sources').column('account_id').execute();
    },
    async down(db: Kysely<Database>): Promise<void> {
      await db.schema.dropIndex('sources_account').execute();
      await db.schema.dropTable('accounts').execute();
    },
  };
}
