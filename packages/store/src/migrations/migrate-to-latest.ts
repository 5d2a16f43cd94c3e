import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { initialMigration } from './0001-initial';
import { alertsMigration } from './0002-alerts';
import { inboxMigration } from './0003-inbox';
import { identityMigration } from './0004-identity';
import { accountsMigration } from './0005-accounts';

/**
 * Every migration, in order. Names sort lexically (Kysely applies them in name order) and are
 * never renamed once released: the name is what the `kysely_migration` table records.
 * To add one: create `NNNN-what.ts` exporting a function of the dialect, and list it here.
 */
export function listMigrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(dialect),
    '0002-alerts': alertsMigration(dialect),
    '0003-inbox': inboxMigration(dialect),
    '0004-identity': identityMigration(dialect),
    '0005-accounts': accountsMigration(dialect),
  };
}

/**
 * Applies pending migrations, all or nothing (`migrations` is for tests). Throws the driver's own error when one fails, so the caller can
 * turn "locked" or "unreachable" into one clear line.
 *
 * @example
 * await migrateToLatest(db, sqliteStoreDialect);
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: StoreDialect,
  migrations: Record<string, Migration> = listMigrations(dialect),
): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  await dialect.inMigrationTransaction(db, async () => {
    const { error } = await new Migrator({ db, provider }).migrateToLatest();
    if (error !== undefined) throw error;
  });
}
