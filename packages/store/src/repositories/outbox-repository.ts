import type { Kysely, Selectable } from 'kysely';
import type { Notification, NotificationTarget, OutboxEntry, OutboxRepository, OutboxStatus } from '@vigie/core';
import { toIso } from '../iso-time';
import type { Database, NotificationOutboxTable } from '../schema';
import type { StoreDialect } from '../store-dialect';

const COLUMNS_PER_ROW = 11;

function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The persistent notification outbox (`OutboxStore` of server/src/notify). The unique `key` makes
 * enqueueing idempotent; `claimDue` moves `next_attempt_at` forward by a lease in the same
 * statement, so a worker that dies mid-send leaves its entries due again when the lease ends
 * (at least once), and two workers on PostgreSQL skip each other's rows (SKIP LOCKED).
 *
 * @example
 * await store.outbox.enqueue(outboxEntriesFor(event, rule, { workspaceId: ws.id, now: Date.now() }));
 * const due = await store.outbox.claimDue(Date.now(), 100, 60_000);
 */
export function createOutboxRepository(db: Kysely<Database>, dialect: StoreDialect): OutboxRepository {
  const chunk = Math.floor(dialect.maxParameters / COLUMNS_PER_ROW);

  function toEntry(row: Selectable<NotificationOutboxTable>): OutboxEntry {
    return {
      key: row.key,
      ...(row.workspace_id !== null && { workspaceId: row.workspace_id }),
      notification: dialect.fromJson(row.notification) as Notification,
      target: dialect.fromJson(row.target) as NotificationTarget,
      status: row.status as OutboxStatus,
      attempts: Number(row.attempts),
      nextAttemptAt: Date.parse(toIso(row.next_attempt_at)),
      ...(row.last_error !== null && { lastError: row.last_error }),
      ...(row.sent_at !== null && { sentAt: Date.parse(toIso(row.sent_at)) }),
    };
  }

  return {
    async enqueue(entries) {
      let added = 0;
      const now = new Date().toISOString();
      for (let i = 0; i < entries.length; i += chunk) {
        const values = entries.slice(i, i + chunk).map((e) => ({
          key: e.key,
          workspace_id: e.workspaceId ?? null,
          channel: e.target.kind,
          target: dialect.toJson(e.target),
          notification: dialect.toJson(e.notification),
          status: 'pending',
          attempts: 0,
          next_attempt_at: isoOf(e.nextAttemptAt),
          last_error: null,
          sent_at: null,
          created_at: now,
        }));
        const result = await db
          .insertInto('notification_outbox')
          .values(values)
          .onConflict((conflict) => conflict.column('key').doNothing())
          .executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return added;
    },

    async claimDue(now, limit, leaseMs) {
      let due = db
        .selectFrom('notification_outbox')
        .select('notification_outbox.key')
        .where('notification_outbox.status', 'in', ['pending', 'failing'])
        .where('notification_outbox.next_attempt_at', '<=', isoOf(now))
        .orderBy('notification_outbox.next_attempt_at')
        .limit(limit);
      // SQLite has one writer at a time; PostgreSQL workers must skip rows another is claiming.
      if (dialect.kind === 'postgres') due = due.forUpdate().skipLocked();
      const rows = await db
        .updateTable('notification_outbox')
        .set({ next_attempt_at: isoOf(now + leaseMs) })
        .where('key', 'in', due)
        .returningAll()
        .execute();
      return rows.map(toEntry);
    },

    async update(key, change) {
      const values = {
        ...(change.status !== undefined && { status: change.status }),
        ...(change.attempts !== undefined && { attempts: change.attempts }),
        ...(change.nextAttemptAt !== undefined && { next_attempt_at: isoOf(change.nextAttemptAt) }),
        // `lastError: undefined` present in the change means "clear it" (a success after failures).
        ...('lastError' in change && { last_error: change.lastError ?? null }),
        ...(change.sentAt !== undefined && { sent_at: isoOf(change.sentAt) }),
        ...(change.target !== undefined && { target: dialect.toJson(change.target) }),
      };
      if (Object.keys(values).length === 0) return;
      await db.updateTable('notification_outbox').set(values).where('key', '=', key).execute();
    },

    async list() {
      const rows = await db.selectFrom('notification_outbox').selectAll().orderBy('created_at').orderBy('key').execute();
      return rows.map(toEntry);
    },

    async listByWorkspace(workspaceId, filter = {}) {
      let query = db.selectFrom('notification_outbox').selectAll().where('workspace_id', '=', workspaceId);
      if (filter.statuses !== undefined && filter.statuses.length > 0) query = query.where('status', 'in', [...filter.statuses]);
      const rows = await query
        .orderBy('next_attempt_at', 'desc')
        .limit(filter.limit ?? 100)
        .execute();
      return rows.map(toEntry);
    },
  };
}
