import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { OpenedDatabase } from '../opened-database';
import type { Database } from '../schema';
import { databaseUnavailable, describeSqliteError } from './database-error';
import { withStatementCache } from './statement-cache';
import { sqliteStoreDialect } from './store-dialect';

export interface SqliteOptions {
  /** How long a statement waits for another process's lock before failing (ms). */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) a SQLite database file with the settings Vigie relies on:
 * WAL (readers never block the writer), a busy timeout (writers from several processes queue
 * instead of failing at once), foreign keys (workspace deletion cascades) and synchronous=NORMAL
 * (safe with WAL, and what makes batched ingest fast), and a larger page cache. Reads the schema once so that a file that
 * is locked or is not a database fails here, with one clear line.
 *
 * @example
 * const opened = openSqliteDatabase('vigie-data/vigie.db');
 */
export function openSqliteDatabase(file: string, options: SqliteOptions = {}): OpenedDatabase {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory && !existsSync(dirname(file))) {
    throw databaseUnavailable(file, `cannot be created: directory ${dirname(file)} does not exist`, `ne peut pas être créée : le dossier ${dirname(file)} n'existe pas`, 'ENOENT');
  }
  let native: SqliteDatabase.Database | undefined;
  try {
    native = new SqliteDatabase(file, { timeout: options.busyTimeoutMs ?? 5_000 });
    native.pragma('journal_mode = WAL');
    native.pragma('synchronous = NORMAL');
    native.pragma('foreign_keys = ON');
    // 64 MB of page cache (default 2 MB): the mention indexes and FTS5 b-trees stay in memory
    // during bulk ingest instead of being re-read from the OS for every batch.
    native.pragma('cache_size = -65536');
    native.prepare('select count(*) from sqlite_schema').get();
  } catch (error) {
    native?.close();
    throw describeSqliteError(error, file) ?? error;
  }
  const describeError = (error: unknown) => describeSqliteError(error, file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(native, 64, describeError) }) });
  return { db, dialect: sqliteStoreDialect, describeError };
}
