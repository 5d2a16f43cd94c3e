/**
 * @vigie/client — the typed HTTP client of the Vigie API (docs/api.md), used by the web interface
 * and the CLI. Re-exports the core domain types they display so neither imports the server side.
 * Core is imported for types only, so a browser bundle of the client holds no domain code.
 */
export { createClient, type ClientOptions, type VigieClient } from './create-client';
export { ClientError, isClientError } from './client-error';
export { parseSseBuffer, type SseEvent, type StreamOptions } from './mention-stream';
export * from './api-types';
export { TOPIC_KINDS } from './topic-kinds';
export { ROLES, ROLE_RANK } from './roles';
export type {
  ApiToken,
  AuditActor,
  AuditEntry,
  Author,
  ConnectorId,
  Engagement,
  ErrorCode,
  ErrorDetail,
  Mention,
  MentionKind,
  Permission,
  Query,
  Role,
  SentimentLabel,
  Source,
  SourceHealth,
  SourceStatus,
  Topic,
  TopicKind,
} from '@vigie/core';
