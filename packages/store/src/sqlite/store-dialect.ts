import { sql } from 'kysely';
import type { StoreDialect } from '../store-dialect';
import { createFullTextSchema } from './full-text-schema';
import { matchesPlan } from './fts-query';

function hasCode(error: unknown, codes: string[]): boolean {
  return error instanceof Error && 'code' in error && codes.includes(String(error.code));
}

/** SQLite: JSON as text, booleans as 0/1, timestamps as ISO-8601 text (sortable as text). */
export const sqliteStoreDialect: StoreDialect = {
  kind: 'sqlite',
  columnTypes: { json: 'text', timestamp: 'text', boolean: 'integer' },
  serialKey: { type: 'integer', build: (column) => column.primaryKey() },
  maxParameters: 32_766,
  toBool: (value) => (value ? 1 : 0),
  toJson: (value) => JSON.stringify(value ?? null),
  fromJson: (value) => (typeof value === 'string' ? JSON.parse(value) : null),
  isUniqueViolation: (error) => hasCode(error, ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']),
  isForeignKeyViolation: (error) => hasCode(error, ['SQLITE_CONSTRAINT_FOREIGNKEY']),
  async inMigrationTransaction(db, run) {
    // IMMEDIATE takes the write lock up front: a second process starting at the same moment
    // waits (busy timeout) and then finds the migrations done, instead of racing.
    await sql`begin immediate`.execute(db);
    try {
      await run();
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
    await sql`commit`.execute(db);
  },
  createFullTextSchema,
  // The UPDATE that claims due sources already runs alone: SQLite serialises writers.
  lockForClaim: (query) => query,
  // Timestamps are stored as normalised ISO text in UTC: the day is its first ten characters.
  publishedDay: () => sql<string>`substr(mentions.published_at, 1, 10)`,
  matchesPlan,
};
