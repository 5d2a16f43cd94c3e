import { z } from '@hono/zod-openapi';
import { CONNECTOR_IDS, CONVERSATION_STATUSES, INBOX_VIEWS, REPLY_STATUSES } from '@vigie/core';

/** Request and response schemas of the inbox routes (conversations, replies, saved replies, guard). */
const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'expected an ISO-8601 date such as 2026-11-27T09:00:00Z');
const member = z.string().trim().min(1).max(120);
/** Kept for older clients: who acts is always the caller; a value here is ignored (docs/inbox.md). */
const legacyActor = member.optional().openapi({ description: 'Ignored: the caller is who acts (kept so older clients are not refused)' });
/** A member's user id (of this workspace, not an analyst). */
const assignee = z.string().trim().min(1).max(120).openapi({ description: 'User id of a member of this workspace who can respond (owner, manager, agent)' });
const tag = z.string().trim().min(1).max(60);

export const ReasonSchema = z.object({ code: z.string(), message: z.string(), messageFr: z.string() });

export const ConversationSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    connector: z.string(),
    entry: z.string(),
    status: z.enum(CONVERSATION_STATUSES),
    priority: z.number(),
    reasons: z.array(ReasonSchema),
    recommendation: z.object({ action: z.string(), reasons: z.array(ReasonSchema) }).nullable(),
    assignee: z.string().optional(),
    /** The assignee's name (a member's name; an older free-text assignee as written). */
    assigneeName: z.string().optional(),
    tags: z.array(z.string()),
    snoozedUntil: z.string().optional(),
    topicId: z.string().optional(),
    lastAuthor: z.string(),
    preview: z.string(),
    lastMentionId: z.string(),
    url: z.string().optional(),
    mentionCount: z.number(),
    firstMentionAt: z.string(),
    firstResponseAt: z.string().optional(),
    dueAt: z.string().optional(),
    sla: z.enum(['on_time', 'due_soon', 'overdue', 'met', 'missed']).optional(),
    lastActivityAt: z.string(),
  })
  .openapi('Conversation');

export const ConversationListQuery = z.object({
  view: z.enum(INBOX_VIEWS).default('open'),
  member: member.optional(),
  connector: z.enum(CONNECTOR_IDS).optional(),
  tag: tag.optional(),
  minPriority: z.coerce.number().int().min(0).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const ConversationPatchSchema = z
  .object({
    status: z.enum(CONVERSATION_STATUSES).optional(),
    assignee: assignee.nullable().optional(),
    tags: z.array(tag).max(20).optional(),
    snoozedUntil: isoDate.nullable().optional(),
    actor: legacyActor,
  })
  .openapi('ConversationPatch');

export const BulkSchema = z
  .object({ ids: z.array(z.string().min(1).max(100)).min(1).max(500), patch: ConversationPatchSchema.omit({ actor: true }), actor: legacyActor })
  .openapi('ConversationBulk');

export const NoteSchema = z.object({ text: z.string().trim().min(1).max(5000), author: legacyActor }).openapi('NewNote');

export const GuardRequestSchema = z
  .object({
    text: z.string().min(1, 'the draft is empty / le brouillon est vide').max(20_000),
    lang: z.enum(['fr', 'en']).optional(),
    network: z.enum(['x', 'bluesky', 'mastodon', 'linkedin', 'facebook', 'instagram']).optional(),
    replyTo: z.string().max(20_000).optional(),
  })
  .openapi('GuardRequest');

export const GuardSchema = z
  .object({
    verdict: z.enum(['ok', 'review', 'hold']),
    reasons: z.array(z.object({ code: z.string(), message: z.string() })),
    suggestions: z.array(z.object({ code: z.string(), message: z.string() })),
    scores: z.record(z.string(), z.unknown()),
  })
  .openapi('GuardVerdict');

export const ReplyRequestSchema = z
  .object({
    text: z.string().trim().min(1).max(20_000),
    lang: z.enum(['fr', 'en']).optional(),
    author: legacyActor,
    idempotencyKey: z.string().min(8).max(200).optional(),
  })
  .openapi('NewReply');

export const ReplySchema = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    text: z.string(),
    /** Who wrote it: a user id (`token:<id>` for an API token; older drafts: a free-text name). */
    author: z.string(),
    authorName: z.string().optional(),
    status: z.enum(REPLY_STATUSES),
    idempotencyKey: z.string(),
    holdUntil: z.string().optional(),
    sentExternalId: z.string().optional(),
    /** Where the reply was posted (when the network said), and on which network. */
    sentUrl: z.string().optional(),
    network: z.string().optional(),
    /** Why it must be posted by hand (open on the network), e.g. no account connected. */
    openReason: z.string().optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
    verdict: z.unknown(),
    createdAt: z.string(),
    updatedAt: z.string(),
    openUrl: z.string().optional(),
  })
  .openapi('Reply');

export const NoteOutSchema = z.object({ id: z.string(), author: z.string(), authorName: z.string(), text: z.string(), createdAt: z.string() }).openapi('Note');

export const SavedReplySchema = z
  .object({ id: z.string(), name: z.string(), lang: z.enum(['fr', 'en']), text: z.string(), createdAt: z.string() })
  .openapi('SavedReply');

export const NewSavedReplySchema = z
  .object({ name: z.string().trim().min(1).max(120), lang: z.enum(['fr', 'en']), text: z.string().trim().min(1).max(5000) })
  .openapi('NewSavedReply');
