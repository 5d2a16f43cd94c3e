import type { ColumnDataType, ColumnDefinitionBuilderCallback, Expression, Kysely, RawBuilder, SelectQueryBuilder, SqlBool } from 'kysely';
import type { FtsPlan } from '@vigie/core';
import type { Database } from './schema';

/**
 * What differs between SQLite and PostgreSQL, and nothing else. The schema, migrations and
 * repositories are written once against this; `sqlite/store-dialect.ts` and
 * `postgres/store-dialect.ts` implement it side by side.
 *
 * @example
 * await db.insertInto('queries').values({ ..., enabled: dialect.toBool(true) }).execute();
 */
export interface StoreDialect {
  readonly kind: 'sqlite' | 'postgres';
  /** Column types used by migrations for the portable kinds of value. */
  readonly columnTypes: { json: ColumnDataType; timestamp: ColumnDataType; boolean: ColumnDataType };
  /** The integer auto-increment primary key (`seq` of mentions, the FTS5 rowid in SQLite). */
  readonly serialKey: { type: ColumnDataType; build: ColumnDefinitionBuilderCallback };
  /**
   * Most bind parameters one statement may carry (SQLite: 32 766, PostgreSQL: 65 535);
   * multi-row inserts are chunked under it.
   */
  readonly maxParameters: number;
  toBool(value: boolean): number | boolean;
  /** Serialises a value for a JSON column (text in SQLite, jsonb in PostgreSQL). */
  toJson(value: unknown): string;
  /** Reads a JSON column back (SQLite returns text, PostgreSQL an already parsed value). */
  fromJson(value: unknown): unknown;
  /** True when a write failed on a UNIQUE constraint (turned into `conflict`). */
  isUniqueViolation(error: unknown): boolean;
  /** True when a write named a row that does not exist (e.g. a membership of an unknown user). */
  isForeignKeyViolation(error: unknown): boolean;
  /**
   * Runs pending migrations all-or-nothing. Kysely wraps them in a transaction on PostgreSQL but
   * not on SQLite, where a crash half-way would leave a schema no later start can migrate.
   */
  inMigrationTransaction(db: Kysely<Database>, run: () => Promise<void>): Promise<void>;
  /** Creates the full-text index over mention title + text and what keeps it in sync. */
  createFullTextSchema(db: Kysely<Database>): Promise<void>;
  /**
   * Makes the "which sources are due" subquery of a claim skip rows another worker is claiming
   * (PostgreSQL: FOR UPDATE SKIP LOCKED). SQLite has one writer at a time: nothing to add.
   */
  lockForClaim<O>(query: SelectQueryBuilder<Database, 'sources', O>): SelectQueryBuilder<Database, 'sources', O>;
  /** `YYYY-MM-DD` (UTC) of `mentions.published_at`, for grouping by day. */
  publishedDay(): RawBuilder<string>;
  /** Condition "this mention matches the plan", on the `mentions` table of the outer query. */
  matchesPlan(plan: FtsPlan): Expression<SqlBool>;
}
