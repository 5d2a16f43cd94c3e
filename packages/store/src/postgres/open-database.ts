import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { OpenedDatabase } from '../opened-database';
import type { Database } from '../schema';
import { describePostgresError } from './database-error';
import { postgresStoreDialect } from './store-dialect';

export interface PostgresOptions {
  /** Gives up connecting after this long (ms) instead of hanging at start-up. */
  connectTimeoutMs?: number;
  /** Pool size per process. */
  maxConnections?: number;
}

/**
 * Opens a connection pool and checks out one connection at once, so that an unreachable server,
 * a missing database or bad credentials fail here with one clear line.
 *
 * @example
 * const opened = await openPostgresDatabase('postgres://vigie@127.0.0.1:5432/vigie');
 */
export async function openPostgresDatabase(url: string, options: PostgresOptions = {}): Promise<OpenedDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    max: options.maxConnections ?? 10,
  });
  // An idle connection dropped by the server emits here; without a listener Node would crash.
  // The pool replaces it on the next checkout, so a line on stderr is all it needs.
  pool.on('error', (error) => {
    process.stderr.write(`vigie store: idle PostgreSQL connection lost: ${error.message}\n`);
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw describePostgresError(error, url, 'connect') ?? error;
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: postgresStoreDialect, describeError: (error) => describePostgresError(error, url, 'use') };
}
