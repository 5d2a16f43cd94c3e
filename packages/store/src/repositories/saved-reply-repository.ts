import type { Kysely, Selectable } from 'kysely';
import type { SavedReply, SavedReplyRepository } from '@vigie/core';
import { createId } from '../create-id';
import { toIso } from '../iso-time';
import type { Database, SavedReplyTable } from '../schema';

function toSavedReply(row: Selectable<SavedReplyTable>): SavedReply {
  return { id: row.id, name: row.name, lang: row.lang === 'en' ? 'en' : 'fr', text: row.text, createdAt: toIso(row.created_at) };
}

/**
 * Saved replies of a workspace (templates with `{author}`, `{topic}`… variables), by name.
 *
 * @example
 * await store.savedReplies.create(ws.id, { name: 'Merci', lang: 'fr', text: 'Merci {author} !' });
 */
export function createSavedReplyRepository(db: Kysely<Database>): SavedReplyRepository {
  const get = async (workspaceId: string, id: string) => {
    const row = await db.selectFrom('saved_replies').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && toSavedReply(row);
  };
  return {
    async create(workspaceId, input) {
      const row = { id: createId(), workspace_id: workspaceId, name: input.name, lang: input.lang, text: input.text, created_at: new Date().toISOString() };
      await db.insertInto('saved_replies').values(row).execute();
      return toSavedReply(row);
    },
    async list(workspaceId) {
      const rows = await db.selectFrom('saved_replies').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').orderBy('id').execute();
      return rows.map(toSavedReply);
    },
    async update(workspaceId, id, patch) {
      const set = { ...(patch.name !== undefined && { name: patch.name }), ...(patch.lang !== undefined && { lang: patch.lang }), ...(patch.text !== undefined && { text: patch.text }) };
      if (Object.keys(set).length > 0) await db.updateTable('saved_replies').set(set).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
      return get(workspaceId, id);
    },
    async delete(workspaceId, id) {
      const result = await db.deleteFrom('saved_replies').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
