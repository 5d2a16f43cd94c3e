import { sql, type Kysely, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../opened-database';
import { openPostgresDatabase } from '../postgres/open-database';
import { createTestDatabase, isPostgresSkipped } from '../postgres/test-database';
import type { Database } from '../schema';
import { openSqliteDatabase } from '../sqlite/open-database';
import { listMigrations, migrateToLatest } from './migrate-to-latest';

async function tableExists(db: Kysely<Database>, name: string): Promise<boolean> {
  const tables = await db.introspection.getTables();
  return tables.some((table) => table.name === name);
}

async function checkAllOrNothing({ db, dialect }: OpenedDatabase): Promise<void> {
  const broken: Migration = {
    async up(trx: Kysely<Database>) {
      await sql`create table half_done (x integer)`.execute(trx);
      throw new Error('boom');
    },
  };
  await expect(migrateToLatest(db, dialect, { ...listMigrations(dialect), '0002-broken': broken })).rejects.toThrow('boom');
  // Nothing of the failed run stays: neither the first migration nor the half of the second.
  expect(await tableExists(db, 'half_done')).toBe(false);
  expect(await tableExists(db, 'mentions')).toBe(false);

  await migrateToLatest(db, dialect);
  expect(await tableExists(db, 'mentions')).toBe(true);
  // Every migration ran, the last ones included (identity, accounts).
  for (const table of ['users', 'memberships', 'sessions', 'api_tokens', 'one_time_tokens', 'login_attempts', 'audit_log']) {
    expect(await tableExists(db, table)).toBe(true);
  }
  // Safe at every start: a second run has nothing to do.
  await migrateToLatest(db, dialect);
}

describe('migrations run all or nothing', () => {
  it('on SQLite', async () => {
    const opened = openSqliteDatabase(':memory:');
    try {
      await checkAllOrNothing(opened);
    } finally {
      await opened.db.destroy();
    }
  });

  // Needs the real server; left out only when the run was asked to leave PostgreSQL out.
  it.skipIf(isPostgresSkipped())('on PostgreSQL', async () => {
    const database = await createTestDatabase();
    const opened = await openPostgresDatabase(database.url);
    try {
      await checkAllOrNothing(opened);
    } finally {
      await opened.db.destroy();
      await database.drop();
    }
  });
});
