import type { Kysely, Selectable } from 'kysely';
import type { EpisodeKind, InAppNotification, InAppNotificationRepository, LocalizedText } from '@vigie/core';
import { createId } from '../create-id';
import { toIso } from '../iso-time';
import type { Database, NotificationTable } from '../schema';
import type { StoreDialect } from '../store-dialect';

/**
 * In-app notifications (the bell in the web UI), written by the in-app channel. The outbox key is
 * unique, so an at-least-once redelivery never shows the same notification twice.
 *
 * @example
 * await store.notifications.add(ws.id, notification);
 * const { items, unread } = await store.notifications.list(ws.id);
 */
export function createNotificationRepository(db: Kysely<Database>, dialect: StoreDialect): InAppNotificationRepository {
  function toNotification(row: Selectable<NotificationTable>): InAppNotification {
    return {
      id: row.id,
      key: row.key,
      title: dialect.fromJson(row.title) as LocalizedText,
      ...(row.episode_id !== null && { episodeId: row.episode_id }),
      ...(row.episode_kind !== null && { episodeKind: row.episode_kind as EpisodeKind }),
      ...(row.url !== null && { url: row.url }),
      createdAt: toIso(row.created_at),
      ...(row.read_at !== null && { readAt: toIso(row.read_at) }),
    };
  }

  return {
    async add(workspaceId, notification) {
      const result = await db
        .insertInto('notifications')
        .values({
          id: createId(),
          workspace_id: workspaceId,
          key: notification.key,
          title: dialect.toJson(notification.title),
          episode_id: notification.episode?.id ?? null,
          episode_kind: notification.episode?.kind ?? null,
          url: notification.url ?? null,
          created_at: new Date().toISOString(),
          read_at: null,
        })
        .onConflict((conflict) => conflict.column('key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async list(workspaceId, options = {}) {
      let query = db.selectFrom('notifications').selectAll().where('workspace_id', '=', workspaceId);
      if (options.unreadOnly === true) query = query.where('read_at', 'is', null);
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(options.limit ?? 50)
        .execute();
      const counted = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number | string>().as('unread'))
        .where('workspace_id', '=', workspaceId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return { items: rows.map(toNotification), unread: Number(counted.unread) };
    },

    async markRead(workspaceId, id) {
      const existing = await db.selectFrom('notifications').select('read_at').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      if (!existing) return false;
      if (existing.read_at === null) {
        await db.updateTable('notifications').set({ read_at: new Date().toISOString() }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
      }
      return true;
    },
  };
}
