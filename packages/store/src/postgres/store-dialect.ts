import { sql } from 'kysely';
import type { StoreDialect } from '../store-dialect';
import { createFullTextSchema } from './full-text-schema';
import { matchesPlan } from './fts-query';

// jsonb rejects the \u0000 escape that JSON.stringify produces for a NUL character.
function withoutNul(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replaceAll('\u0000', '') : value;
}

/** PostgreSQL: jsonb (the driver parses it on read), boolean, timestamptz. */
export const postgresStoreDialect: StoreDialect = {
  kind: 'postgres',
  columnTypes: { json: 'jsonb', timestamp: 'timestamptz', boolean: 'boolean' },
  serialKey: { type: 'bigint', build: (column) => column.primaryKey().generatedByDefaultAsIdentity() },
  maxParameters: 65_535,
  toBool: (value) => value,
  toJson: (value) => JSON.stringify(value ?? null, withoutNul),
  fromJson: (value) => value,
  // 23505 = unique_violation (PostgreSQL error codes, appendix A).
  isUniqueViolation: (error) => error instanceof Error && 'code' in error && error.code === '23505',
  isForeignKeyViolation: (error) => error instanceof Error && 'code' in error && error.code === '23503',
  // Kysely's migrator already runs in a transaction under an advisory lock on PostgreSQL.
  inMigrationTransaction: (_db, run) => run(),
  createFullTextSchema,
  // Two workers claiming at once each take different sources instead of waiting on each other.
  lockForClaim: (query) => query.forUpdate().skipLocked(),
  publishedDay: () => sql<string>`to_char(mentions.published_at at time zone 'UTC', 'YYYY-MM-DD')`,
  matchesPlan,
};
