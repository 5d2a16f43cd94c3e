import type { Kysely } from 'kysely';
import { AppError, type ConversationRepository } from '@vigie/core';
import { createId } from '../create-id';
import { toIso } from '../iso-time';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';

type Journal = Pick<ConversationRepository, 'addNote' | 'listNotes' | 'addAudit' | 'listAudit'>;

/**
 * Internal notes and the audit trail of conversations. Writes check that the conversation is in
 * the workspace, so nothing can be attached across workspaces.
 *
 * @example
 * await store.conversations.addNote(ws.id, c.id, { author: 'alice', text: 'Client VIP' });
 */
export function createConversationJournal(db: Kysely<Database>, dialect: StoreDialect): Journal {
  async function ensureConversation(workspaceId: string, conversationId: string): Promise<void> {
    const row = await db.selectFrom('conversations').select('id').where('workspace_id', '=', workspaceId).where('id', '=', conversationId).executeTakeFirst();
    if (!row) throw new AppError('not_found', `Conversation ${conversationId} does not exist`);
  }

  return {
    async addNote(workspaceId, conversationId, note) {
      await ensureConversation(workspaceId, conversationId);
      const row = { id: createId(), workspace_id: workspaceId, conversation_id: conversationId, author: note.author, text: note.text, created_at: new Date().toISOString() };
      await db.insertInto('conversation_notes').values(row).execute();
      return { id: row.id, conversationId, author: row.author, text: row.text, createdAt: row.created_at };
    },

    async listNotes(workspaceId, conversationId) {
      const rows = await db
        .selectFrom('conversation_notes')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('conversation_id', '=', conversationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ id: r.id, conversationId: r.conversation_id, author: r.author, text: r.text, createdAt: toIso(r.created_at) }));
    },

    async addAudit(workspaceId, entry) {
      await ensureConversation(workspaceId, entry.conversationId);
      const row = { id: createId(), workspace_id: workspaceId, conversation_id: entry.conversationId, actor: entry.actor, action: entry.action, details: dialect.toJson(entry.details), at: new Date().toISOString() };
      await db.insertInto('conversation_audit').values(row).execute();
      return { id: row.id, conversationId: entry.conversationId, actor: entry.actor, action: entry.action, details: entry.details, at: row.at };
    },

    async listAudit(workspaceId, conversationId) {
      const rows = await db
        .selectFrom('conversation_audit')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('conversation_id', '=', conversationId)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ id: r.id, conversationId: r.conversation_id, actor: r.actor, action: r.action, details: dialect.fromJson(r.details) as Record<string, unknown>, at: toIso(r.at) }));
    },
  };
}
