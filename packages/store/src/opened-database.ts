import type { Kysely } from 'kysely';
import type { AppError } from '@vigie/core';
import type { Database } from './schema';
import type { StoreDialect } from './store-dialect';

/**
 * What `sqlite/open-database.ts` and `postgres/open-database.ts` hand to `createStore`: a
 * Kysely instance, the dialect, and how to turn that driver's errors into one clear line.
 */
export interface OpenedDatabase {
  db: Kysely<Database>;
  dialect: StoreDialect;
  /** `database_unavailable` with a one-line reason for driver errors that mean it; else undefined. */
  describeError(error: unknown): AppError | undefined;
}
