import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';

/**
 * The part of better-sqlite3 Kysely uses, with two additions:
 * - prepared statements are kept per SQL text. Kysely prepares every query it runs; a 500-row
 *   insert has ~13 000 parameters and preparing it again for every batch was a tenth of ingest
 *   time. Reuse is safe because Kysely runs one query at a time on this single connection (it
 *   holds a mutex, also while streaming);
 * - errors that mean "the database file cannot be used" (locked past the busy timeout, disk full…)
 *   are turned into `database_unavailable` by `describe`, at any time, not only at opening.
 *
 * @example
 * new SqliteDialect({ database: withStatementCache(native, 64, (e) => describeSqliteError(e, file)) });
 */
export function withStatementCache(
  native: SqliteDatabase.Database,
  size: number,
  describe: (error: unknown) => Error | undefined,
): KyselySqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  function guard<T>(action: () => T): T {
    try {
      return action();
    } catch (error) {
      throw describe(error) ?? error;
    }
  }
  function wrap(statement: SqliteDatabase.Statement): SqliteStatement {
    return {
      reader: statement.reader,
      all: (parameters) => guard(() => statement.all(parameters)),
      run: (parameters) => guard(() => statement.run(parameters)),
      iterate: (parameters) => guard(() => statement.iterate(parameters)),
    };
  }
  return {
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        // Map keeps insertion order: re-inserting marks it most recently used.
        cache.delete(sql);
      } else {
        statement = wrap(guard(() => native.prepare(sql)));
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
    close() {
      cache.clear();
      native.close();
    },
  };
}
