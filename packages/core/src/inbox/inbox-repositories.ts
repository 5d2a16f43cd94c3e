/**
 * The inbox's persistence ports: conversations (with their notes and audit trail), saved replies
 * and reply drafts. Implemented once in packages/store for SQLite and PostgreSQL; every method is
 * scoped by workspace.
 */
import type { ConnectorId } from '../domain/connector-id';
import type { Page } from '../ports/store';
import type { InboxEntryReason } from './inbox-entry';
import type { ConversationStatus, InboxView } from './inbox-status';
import type { InboxReason, InboxRecommendation } from './triage-conversation';

/** A thread that may need a human: mentions grouped by `conversationKeyOf`. */
export interface Conversation {
  id: string;
  workspaceId: string;
  /** `connector:rootExternalId`; unique per workspace. */
  key: string;
  connector: ConnectorId;
  entry: InboxEntryReason;
  status: ConversationStatus;
  priority: number;
  reasons: InboxReason[];
  recommendation: InboxRecommendation | null;
  /** A member's name or id until accounts exist. */
  assignee?: string;
  tags: string[];
  snoozedUntil?: string;
  /** Topic of the latest mention (for the response-time report per topic). */
  topicId?: string;
  /** Handle of the latest incoming author, and a preview of that message. */
  lastAuthor: string;
  preview: string;
  /** Incoming message answered last (`replyTo` of a draft) and its URL on the network. */
  lastMentionId: string;
  url?: string;
  mentionCount: number;
  firstMentionAt: string;
  firstResponseAt?: string;
  /** When the first response is due (business hours); absent once answered. */
  dueAt?: string;
  lastActivityAt: string;
}

/** What the ingest hook writes for each incoming mention of a conversation. */
export interface ConversationSighting {
  key: string;
  connector: ConnectorId;
  entry: InboxEntryReason;
  mentionId: string;
  publishedAt: string;
  priority: number;
  reasons: InboxReason[];
  recommendation: InboxRecommendation;
  dueAt: string;
  topicId?: string;
  lastAuthor: string;
  preview: string;
  url?: string;
}

export interface ConversationFilter {
  view: InboxView;
  /** For `mine`. */
  member?: string;
  /** For `overdue` and to wake snoozed conversations. */
  now: string;
  connector?: ConnectorId;
  tag?: string;
  minPriority?: number;
  /** Strictly below (the low-priority digest). */
  maxPriority?: number;
}

export interface ConversationPatch {
  status?: ConversationStatus;
  /** null unassigns. */
  assignee?: string | null;
  tags?: string[];
  /** null wakes it. */
  snoozedUntil?: string | null;
  firstResponseAt?: string;
  priority?: number;
}

export interface ConversationNote {
  id: string;
  conversationId: string;
  author: string;
  text: string;
  createdAt: string;
}

/** One line of a conversation's own trail (not the workspace audit log of identity-repositories). */
export interface ConversationAuditEntry {
  id: string;
  conversationId: string;
  actor: string;
  /** e.g. `status`, `assign`, `note`, `reply.held`, `reply.sent`, `reply.failed`. */
  action: string;
  details: Record<string, unknown>;
  at: string;
}

/** One first response, for the response-time reports. */
export interface FirstResponseRow {
  connector: ConnectorId;
  topicId?: string;
  assignee?: string;
  firstMentionAt: string;
  firstResponseAt: string;
}

export interface ConversationRepository {
  /**
   * Creates the conversation of `sighting.key` or brings it up to date (priority, reasons, due date,
   * latest message), and links the mention. A replied or closed conversation that gets a new
   * message is open again; an ignored one stays ignored. Idempotent per mention.
   */
  record(workspaceId: string, sighting: ConversationSighting): Promise<Conversation>;
  get(workspaceId: string, id: string): Promise<Conversation | undefined>;
  /** Highest priority first (priority desc, last activity desc, id desc), keyset-paginated. */
  list(workspaceId: string, filter: ConversationFilter, page: { limit: number; cursor?: string }): Promise<Page<Conversation>>;
  update(workspaceId: string, id: string, patch: ConversationPatch): Promise<Conversation | undefined>;
  /** Applies one patch to many conversations of the workspace; returns how many changed. */
  updateMany(workspaceId: string, ids: string[], patch: ConversationPatch): Promise<number>;
  /** Mention ids of the thread, oldest first. */
  mentionIds(workspaceId: string, id: string): Promise<string[]>;
  addNote(workspaceId: string, conversationId: string, note: { author: string; text: string }): Promise<ConversationNote>;
  listNotes(workspaceId: string, conversationId: string): Promise<ConversationNote[]>;
  addAudit(workspaceId: string, entry: Omit<ConversationAuditEntry, 'id' | 'at'>): Promise<ConversationAuditEntry>;
  listAudit(workspaceId: string, conversationId: string): Promise<ConversationAuditEntry[]>;
  /** Priorities of active (open/assigned) conversations, counted per band in the database. */
  countActiveByBand(workspaceId: string): Promise<{ urgent: number; high: number; normal: number; low: number }>;
  /** First responses given since `since` (ISO). */
  firstResponses(workspaceId: string, since: string): Promise<FirstResponseRow[]>;
  /**
   * Deletes the conversations that no longer hold any mention (after an author is erased, a
   * retention purge or removing the demo), with their notes, drafts and audit. Returns how many.
   * Conversations whose latest message was deleted get the preview, author and link of the latest
   * one left (an erased author's words must not stay on screen).
   */
  deleteEmpty(workspaceId: string): Promise<number>;
}

export interface SavedReply {
  id: string;
  name: string;
  lang: 'fr' | 'en';
  /** With variables such as `{author}` and `{topic}`. */
  text: string;
  createdAt: string;
}

export interface SavedReplyRepository {
  create(workspaceId: string, input: Omit<SavedReply, 'id' | 'createdAt'>): Promise<SavedReply>;
  list(workspaceId: string): Promise<SavedReply[]>;
  update(workspaceId: string, id: string, patch: Partial<Omit<SavedReply, 'id' | 'createdAt'>>): Promise<SavedReply | undefined>;
  delete(workspaceId: string, id: string): Promise<boolean>;
}

/**
 * `sending`: persisted right before the network is called. A draft found `sending` after a restart
 * is never posted again automatically: it becomes `unknown` (check on the network, then confirm).
 */
export const REPLY_STATUSES = ['draft', 'held', 'approved', 'sending', 'sent', 'failed', 'awaiting_confirmation', 'unknown'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** A reply written in Vigie, with the guard's verdict and what happened when it was sent. */
export interface ReplyDraft {
  id: string;
  conversationId: string;
  text: string;
  author: string;
  /** The guard's result as returned by `POST /api/guard`. */
  verdict: unknown;
  status: ReplyStatus;
  /** Same key twice returns the first draft: a retried request never posts twice. */
  idempotencyKey: string;
  /** A held draft may leave once this passes (cool-down), or with a manager's approval. */
  holdUntil?: string;
  sentExternalId?: string;
  error?: { code: string; message: string };
  createdAt: string;
  updatedAt: string;
}

export interface ReplyRepository {
  /** Returns the existing draft when the idempotency key was already used in the workspace. */
  create(workspaceId: string, input: Pick<ReplyDraft, 'conversationId' | 'text' | 'author' | 'verdict' | 'status' | 'idempotencyKey' | 'holdUntil'>): Promise<{ draft: ReplyDraft; created: boolean }>;
  get(workspaceId: string, id: string): Promise<ReplyDraft | undefined>;
  listByConversation(workspaceId: string, conversationId: string): Promise<ReplyDraft[]>;
  /** Drafts of the workspace in one status, oldest first, at most `limit` (e.g. those left `sending` by a crash). */
  listByStatus(workspaceId: string, status: ReplyStatus, limit: number): Promise<ReplyDraft[]>;
  update(workspaceId: string, id: string, patch: Partial<Pick<ReplyDraft, 'status' | 'sentExternalId' | 'error' | 'holdUntil'>>): Promise<ReplyDraft | undefined>;
}
