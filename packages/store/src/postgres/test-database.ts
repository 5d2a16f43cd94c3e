import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describeTarget } from './database-error';

/** Where tests reach PostgreSQL as an administrator (to create and drop their own database). */
export function adminUrl(): string {
  return process.env.VIGIE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** True when the run was explicitly asked to leave PostgreSQL out. */
export function isPostgresSkipped(): boolean {
  return process.env.VIGIE_TEST_SKIP_PG === '1';
}

async function withAdmin<T>(action: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `PostgreSQL is unreachable at ${describeTarget(adminUrl())} (${reason}). Start it (.ci/run does), ` +
        'point VIGIE_TEST_PG_URL at an admin connection, or set VIGIE_TEST_SKIP_PG=1 to leave PostgreSQL out of this run.',
    );
  }
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database `vigie_test_<random>` for one test file, and how to drop it afterwards.
 *
 * @example
 * const db = await createTestDatabase(); const store = await createStore({ kind: 'postgres', url: db.url }); … await db.drop();
 */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `vigie_test_${randomBytes(6).toString('hex')}`;
  // The name is ours (hex): safe to place in DDL, which takes no bind parameters.
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(async (client) => void (await client.query(`drop database if exists ${name} with (force)`))),
  };
}
