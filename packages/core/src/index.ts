/**
 * @vigie/core — the domain: types, ports (interfaces the other packages implement), errors, and
 * the ingest pipeline. No I/O, no node:* imports, no SQL.
 */
export * from './domain/connector-id';
export * from './domain/mention';
export * from './domain/topic';
export * from './domain/source';
export * from './errors';
export * from './ports/store';
export * from './ports/account-repository';
export * from './ports/analyzer';
export * from './ports/matcher';
export * from './ingest/query-index';
export * from './ingest/source-schedule';
export * from './ingest/ingest-pipeline';
export * from './query';
export * from './topics/topic-service';
export * from './topics/history-search';
export * from './alerts';
export * from './inbox';
export * from './seeded-random';
export * from './identity';
