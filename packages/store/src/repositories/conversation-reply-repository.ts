import type { Kysely, Selectable } from 'kysely';
import { AppError, type ReplyDraft, type ReplyRepository, type ReplyStatus } from '@vigie/core';
import { createId } from '../create-id';
import { parseIsoTime, toIso } from '../iso-time';
import type { Database, ReplyDraftTable } from '../schema';
import type { StoreDialect } from '../store-dialect';

/**
 * Reply drafts: the text, the guard's verdict, the status through hold/approval/sending, and the
 * idempotency key that makes a retried request return the first draft instead of a second post.
 *
 * @example
 * const { draft, created } = await store.replies.create(ws.id, { conversationId, text, author: 'alice', verdict, status: 'draft', idempotencyKey: 'k1' });
 */
export function createConversationReplyRepository(db: Kysely<Database>, dialect: StoreDialect): ReplyRepository {
  function toDraft(row: Selectable<ReplyDraftTable>): ReplyDraft {
    const holdUntil = row.hold_until === null ? undefined : toIso(row.hold_until);
    return {
      id: row.id,
      conversationId: row.conversation_id,
      text: row.text,
      author: row.author,
      verdict: dialect.fromJson(row.verdict),
      status: row.status as ReplyStatus,
      idempotencyKey: row.idempotency_key,
      ...(holdUntil !== undefined && { holdUntil }),
      ...(row.sent_external_id !== null && { sentExternalId: row.sent_external_id }),
      ...(row.error !== null && { error: dialect.fromJson(row.error) as { code: string; message: string } }),
      createdAt: toIso(row.created_at),
      updatedAt: toIso(row.updated_at),
    };
  }

  const byKey = (workspaceId: string, key: string) =>
    db.selectFrom('reply_drafts').selectAll().where('workspace_id', '=', workspaceId).where('idempotency_key', '=', key).executeTakeFirst();

  async function get(workspaceId: string, id: string): Promise<ReplyDraft | undefined> {
    const row = await db.selectFrom('reply_drafts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && toDraft(row);
  }

  return {
    async create(workspaceId, input) {
      const existing = await byKey(workspaceId, input.idempotencyKey);
      if (existing) return { draft: toDraft(existing), created: false };
      const conversation = await db.selectFrom('conversations').select('id').where('workspace_id', '=', workspaceId).where('id', '=', input.conversationId).executeTakeFirst();
      if (!conversation) throw new AppError('not_found', `Conversation ${input.conversationId} does not exist`);
      const now = new Date().toISOString();
      const row = {
        id: createId(), workspace_id: workspaceId, conversation_id: input.conversationId, text: input.text, author: input.author,
        verdict: dialect.toJson(input.verdict ?? null), status: input.status, idempotency_key: input.idempotencyKey,
        hold_until: input.holdUntil === undefined ? null : parseIsoTime(input.holdUntil, 'holdUntil'), sent_external_id: null, error: null,
        created_at: now, updated_at: now,
      };
      try {
        await db.insertInto('reply_drafts').values(row).execute();
      } catch (error) {
        // The same key arrived twice at once: the second request gets the first draft.
        const raced = dialect.isUniqueViolation(error) ? await byKey(workspaceId, input.idempotencyKey) : undefined;
        if (raced) return { draft: toDraft(raced), created: false };
        throw error;
      }
      return { draft: (await get(workspaceId, row.id))!, created: true };
    },

    get,

    async listByConversation(workspaceId, conversationId) {
      const rows = await db
        .selectFrom('reply_drafts')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('conversation_id', '=', conversationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toDraft);
    },

    async listByStatus(workspaceId, status, limit) {
      const rows = await db
        .selectFrom('reply_drafts')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('status', '=', status)
        .orderBy('updated_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toDraft);
    },

    async update(workspaceId, id, patch) {
      await db
        .updateTable('reply_drafts')
        .set({
          updated_at: new Date().toISOString(),
          ...(patch.status !== undefined && { status: patch.status }),
          ...(patch.sentExternalId !== undefined && { sent_external_id: patch.sentExternalId }),
          ...(patch.error !== undefined && { error: dialect.toJson(patch.error) }),
          ...(patch.holdUntil !== undefined && { hold_until: parseIsoTime(patch.holdUntil, 'holdUntil') }),
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
      return get(workspaceId, id);
    },
  };
}
