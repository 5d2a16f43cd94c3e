import { z } from '@hono/zod-openapi';
import { CONNECTOR_IDS, TOPIC_KINDS } from '@vigie/core';

/** Shared request/response schemas; the OpenAPI document is generated from them. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      details: z.array(z.object({ field: z.string().optional(), line: z.number().optional(), column: z.number().optional(), message: z.string() })),
    }),
  })
  .openapi('Error');

export const IdParam = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });

const queryText = z.string().trim().min(1, 'a query cannot be empty').max(4096, 'a query is at most 4,096 characters');

export const QuerySchema = z
  .object({ id: z.string(), topicId: z.string(), name: z.string().optional(), text: z.string(), enabled: z.boolean(), createdAt: z.string(), updatedAt: z.string() })
  .openapi('Query');

export const TopicSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(TOPIC_KINDS),
    exclusions: z.string().optional(),
    color: z.string().optional(),
    createdAt: z.string(),
    queries: z.array(QuerySchema),
  })
  .openapi('Topic');

export const NewTopicSchema = z
  .object({
    name: z.string().trim().min(1, 'a topic needs a name').max(120),
    kind: z.enum(TOPIC_KINDS),
    queries: z.array(queryText).max(100).default([]),
    exclusions: z.string().trim().max(4096).optional(),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #1f6feb').optional(),
  })
  .openapi('NewTopic');

export const TopicPatchSchema = NewTopicSchema.omit({ queries: true }).partial().openapi('TopicPatch');
export const NewQuerySchema = z.object({ text: queryText, name: z.string().max(120).optional(), enabled: z.boolean().optional() }).openapi('NewQuery');
export const QueryPatchSchema = NewQuerySchema.partial().openapi('QueryPatch');

export const SourceSchema = z
  .object({
    id: z.string(),
    connector: z.enum(CONNECTOR_IDS),
    name: z.string(),
    config: z.record(z.string(), z.unknown()),
    pollIntervalSec: z.number(),
    enabled: z.boolean(),
    /** The account whose credentials it uses. */
    accountId: z.string().optional(),
    createdAt: z.string(),
    health: z.object({
      status: z.enum(['pending', 'ok', 'failing', 'disabled', 'needs_reauth']),
      lastRunAt: z.string().optional(),
      lastSuccessAt: z.string().optional(),
      lastErrorAt: z.string().optional(),
      lastError: z.object({ code: z.string(), message: z.string() }).optional(),
      consecutiveFailures: z.number(),
      nextRunAt: z.string(),
      lastRun: z.object({ fetched: z.number(), inserted: z.number(), skipped: z.number(), durationMs: z.number() }).optional(),
    }),
  })
  .openapi('Source');

export const NewSourceSchema = z
  .object({
    connector: z.enum(CONNECTOR_IDS),
    url: z.string().trim().max(2048).optional(),
    name: z.string().trim().max(200).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    pollIntervalSec: z.number().int().min(60, 'poll at most once a minute').max(604_800).optional(),
    /** The account whose credentials the source uses (docs/connectors/accounts.md). */
    accountId: z.string().max(100).optional(),
    /** Also fetch this many days back, once, at creation (connectors with the `backfill` capability). */
    backfillDays: z.number().int().min(1).max(365).optional(),
  })
  .openapi('NewSource');

export const SourcePatchSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    pollIntervalSec: z.number().int().min(60).max(604_800).optional(),
    enabled: z.boolean().optional(),
    /** Another account, or `null` to use the source's own credentials. */
    accountId: z.string().max(100).nullable().optional(),
  })
  .openapi('SourcePatch');

export const MentionSchema = z
  .object({
    id: z.string(),
    connector: z.enum(CONNECTOR_IDS),
    externalId: z.string(),
    url: z.string().optional(),
    author: z.object({ handle: z.string(), name: z.string().optional(), followers: z.number().optional(), url: z.string().optional(), avatarUrl: z.string().optional() }),
    title: z.string().optional(),
    text: z.string(),
    html: z.string().optional(),
    lang: z.string().optional(),
    publishedAt: z.string(),
    fetchedAt: z.string(),
    kind: z.string(),
    engagement: z.record(z.string(), z.number()),
    analysis: z.record(z.string(), z.unknown()),
    queryIds: z.array(z.string()),
    topicIds: z.array(z.string()),
    sourceId: z.string().optional(),
  })
  .openapi('Mention');

const isoDate = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'expected an ISO-8601 date such as 2026-11-01 or 2026-11-01T08:00:00Z');

export const MentionListQuery = z.object({
  search: z.string().max(500).optional(),
  topic: z.string().optional(),
  query: z.string().optional(),
  connector: z.enum(CONNECTOR_IDS).optional(),
  lang: z.string().max(10).optional(),
  sentiment: z.enum(['negative', 'neutral', 'positive']).optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  source: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
