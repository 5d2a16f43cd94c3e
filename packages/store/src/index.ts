/**
 * @vigie/store — the Store port (packages/core/src/ports/store.ts) on SQLite or PostgreSQL:
 * one Kysely schema, migrations and repositories; `sqlite/` and `postgres/` hold only what
 * differs (drivers, full-text search, job claiming, error wording). See README.md.
 */
export { createStore, type StoreOptions, type VigieStore } from './create-store';
export type { ClaimingSourceRepository } from './repositories/source-repository';
