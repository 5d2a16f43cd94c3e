import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import {
  AppError,
  type ConnectorId,
  type Conversation,
  type ConversationFilter,
  type ConversationPatch,
  type ConversationRepository,
  type ConversationSighting,
  type ConversationStatus,
  type InboxEntryReason,
  type InboxReason,
  type InboxRecommendation,
} from '@vigie/core';
import { createId } from '../create-id';
import { parseIsoTime, toIso } from '../iso-time';
import type { ConversationTable, Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { decodeConversationCursor, encodeConversationCursor } from './conversation-cursor';
import { createConversationJournal } from './conversation-journal';

/** The lane of a status: each inbox view reads one lane through one index range. */
function laneOf(status: ConversationStatus): 'active' | 'snoozed' | 'done' {
  if (status === 'open' || status === 'assigned') return 'active';
  return status === 'snoozed' ? 'snoozed' : 'done';
}

const optional = (value: string | Date | null): string | undefined => (value === null ? undefined : toIso(value));

/**
 * Conversations of the inbox, their mentions, notes and audit trail.
 *
 * @example
 * const c = await store.conversations.record(ws.id, sighting);
 * const page = await store.conversations.list(ws.id, { view: 'open', now: new Date().toISOString() }, { limit: 50 });
 */
export function createConversationRepository(db: Kysely<Database>, dialect: StoreDialect): ConversationRepository {
  function toConversation(row: Selectable<ConversationTable>): Conversation {
    const assignee = row.assignee ?? undefined;
    const snoozedUntil = optional(row.snoozed_until);
    const firstResponseAt = optional(row.first_response_at);
    const dueAt = optional(row.due_at);
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      key: row.key,
      connector: row.connector as ConnectorId,
      entry: row.entry as InboxEntryReason,
      status: row.status as ConversationStatus,
      priority: Number(row.priority),
      reasons: dialect.fromJson(row.reasons) as InboxReason[],
      recommendation: row.recommendation === null ? null : (dialect.fromJson(row.recommendation) as InboxRecommendation),
      ...(assignee !== undefined && { assignee }),
      tags: dialect.fromJson(row.tags) as string[],
      ...(snoozedUntil !== undefined && { snoozedUntil }),
      ...(row.topic_id !== null && { topicId: row.topic_id }),
      lastAuthor: row.last_author,
      preview: row.preview,
      lastMentionId: row.last_mention_id,
      ...(row.url !== null && { url: row.url }),
      mentionCount: Number(row.mention_count),
      firstMentionAt: toIso(row.first_mention_at),
      ...(firstResponseAt !== undefined && { firstResponseAt }),
      ...(dueAt !== undefined && { dueAt }),
      lastActivityAt: toIso(row.last_activity_at),
    };
  }

  async function get(workspaceId: string, id: string): Promise<Conversation | undefined> {
    const row = await db.selectFrom('conversations').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && toConversation(row);
  }

  function patchColumns(patch: ConversationPatch): Updateable<ConversationTable> {
    const set: Updateable<ConversationTable> = {};
    if (patch.status !== undefined) {
      set.status = patch.status;
      set.lane = laneOf(patch.status);
    }
    if (patch.assignee !== undefined) set.assignee = patch.assignee;
    if (patch.tags !== undefined) set.tags = dialect.toJson([...new Set(patch.tags)]);
    if (patch.snoozedUntil !== undefined) set.snoozed_until = patch.snoozedUntil === null ? null : parseIsoTime(patch.snoozedUntil, 'snoozedUntil');
    if (patch.firstResponseAt !== undefined) set.first_response_at = parseIsoTime(patch.firstResponseAt, 'firstResponseAt');
    if (patch.priority !== undefined) set.priority = Math.max(0, Math.min(100, Math.round(patch.priority)));
    return set;
  }

  async function record(workspaceId: string, s: ConversationSighting, retried = false): Promise<Conversation> {
    const publishedAt = parseIsoTime(s.publishedAt, 'publishedAt');
    const existing = await db.selectFrom('conversations').selectAll().where('workspace_id', '=', workspaceId).where('key', '=', s.key).executeTakeFirst();
    if (!existing) {
      const id = createId();
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('conversations')
            .values({
              id, workspace_id: workspaceId, key: s.key, connector: s.connector, entry: s.entry, status: 'open', lane: 'active',
              priority: s.priority, reasons: dialect.toJson(s.reasons), recommendation: dialect.toJson(s.recommendation),
              assignee: null, tags: dialect.toJson([]), snoozed_until: null, topic_id: s.topicId ?? null, last_author: s.lastAuthor,
              preview: s.preview.slice(0, 280), last_mention_id: s.mentionId, url: s.url ?? null, mention_count: 1,
              first_mention_at: publishedAt, first_response_at: null, due_at: parseIsoTime(s.dueAt, 'dueAt'), last_activity_at: publishedAt,
            })
            .execute();
          await trx.insertInto('conversation_mentions').values({ conversation_id: id, mention_id: s.mentionId, published_at: publishedAt }).execute();
        });
      } catch (error) {
        // Two ingest workers saw the first two messages of one thread at once: the loser updates.
        if (!retried && dialect.isUniqueViolation(error)) return record(workspaceId, s, true);
        throw error;
      }
      return (await get(workspaceId, id))!;
    }
    const linked = await db
      .selectFrom('conversation_mentions')
      .select('mention_id')
      .where('conversation_id', '=', existing.id)
      .where('mention_id', '=', s.mentionId)
      .executeTakeFirst();
    if (linked) return toConversation(existing);
    const status = existing.status as ConversationStatus;
    // A new message reopens a finished thread, but a thread we chose to ignore stays ignored.
    const reopened: ConversationStatus = status === 'replied' || status === 'closed' ? (existing.assignee ? 'assigned' : 'open') : status;
    const newer = publishedAt >= toIso(existing.last_activity_at);
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('conversation_mentions').values({ conversation_id: existing.id, mention_id: s.mentionId, published_at: publishedAt }).execute();
      await trx
        .updateTable('conversations')
        .set({
          status: reopened,
          lane: laneOf(reopened),
          mention_count: sql<number>`mention_count + 1`,
          ...(newer && {
            priority: s.priority, reasons: dialect.toJson(s.reasons), recommendation: dialect.toJson(s.recommendation), last_author: s.lastAuthor,
            preview: s.preview.slice(0, 280), last_mention_id: s.mentionId, last_activity_at: publishedAt, topic_id: s.topicId ?? existing.topic_id,
            url: s.url ?? existing.url,
          }),
          ...(existing.first_response_at === null && existing.due_at === null && { due_at: parseIsoTime(s.dueAt, 'dueAt') }),
        })
        .where('id', '=', existing.id)
        .execute();
    });
    return (await get(workspaceId, existing.id))!;
  }

  return {
    record: (workspaceId, sighting) => record(workspaceId, sighting),
    get,

    async list(workspaceId: string, filter: ConversationFilter, page) {
      const now = parseIsoTime(filter.now, 'now');
      // Snoozed conversations whose time has come return to the queue before anyone looks.
      await db
        .updateTable('conversations')
        .set({ status: sql<string>`case when assignee is null then 'open' else 'assigned' end`, lane: 'active', snoozed_until: null })
        .where('workspace_id', '=', workspaceId)
        .where('lane', '=', 'snoozed')
        .where('snoozed_until', '<=', now)
        .execute();
      const lane = filter.view === 'snoozed' ? 'snoozed' : filter.view === 'closed' ? 'done' : 'active';
      let query = db.selectFrom('conversations').selectAll().where('workspace_id', '=', workspaceId).where('lane', '=', lane);
      if (filter.view === 'mine') query = query.where('assignee', '=', filter.member ?? '');
      if (filter.view === 'unanswered') query = query.where('entry', '=', 'question').where('first_response_at', 'is', null);
      if (filter.view === 'overdue') query = query.where('first_response_at', 'is', null).where('due_at', '<', now);
      if (filter.connector) query = query.where('connector', '=', filter.connector);
      if (filter.minPriority !== undefined) query = query.where('priority', '>=', filter.minPriority);
      if (filter.maxPriority !== undefined) query = query.where('priority', '<', filter.maxPriority);
      if (filter.tag) {
        const tag = filter.tag;
        query = query.where(dialect.kind === 'postgres' ? sql<boolean>`tags @> ${JSON.stringify([tag])}::jsonb` : sql<boolean>`exists (select 1 from json_each(conversations.tags) where value = ${tag})`);
      }
      // The overdue view lists the latest first response first: the due-date index gives that
      // order directly, however many conversations are late (no sort of the whole lane).
      const byDue = filter.view === 'overdue';
      if (page.cursor) {
        const c = decodeConversationCursor(page.cursor);
        query = byDue
          ? query.where((eb) => eb.or([eb('due_at', '>', c.at), eb.and([eb('due_at', '=', c.at), eb('id', '>', c.id)])]))
          : query.where((eb) =>
              eb.or([
                eb('priority', '<', c.priority),
                eb.and([eb('priority', '=', c.priority), eb('last_activity_at', '<', c.at)]),
                eb.and([eb('priority', '=', c.priority), eb('last_activity_at', '=', c.at), eb('id', '<', c.id)]),
              ]),
            );
      }
      const ordered = byDue
        ? query.orderBy('due_at', 'asc').orderBy('id', 'asc')
        : query.orderBy('priority', 'desc').orderBy('last_activity_at', 'desc').orderBy('id', 'desc');
      const rows = await ordered.limit(page.limit + 1).execute();
      const items = rows.slice(0, page.limit).map(toConversation);
      const last = items.at(-1);
      const position = last && { priority: last.priority, at: byDue ? (last.dueAt ?? last.lastActivityAt) : last.lastActivityAt, id: last.id };
      return { items, nextCursor: rows.length > page.limit && position ? encodeConversationCursor(position) : null };
    },

    async update(workspaceId, id, patch) {
      const set = patchColumns(patch);
      if (Object.keys(set).length > 0) await db.updateTable('conversations').set(set).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
      return get(workspaceId, id);
    },

    async updateMany(workspaceId, ids, patch) {
      const set = patchColumns(patch);
      if (ids.length === 0 || Object.keys(set).length === 0) return 0;
      if (ids.length > 1000) throw new AppError('validation_failed', 'At most 1000 conversations at once', [{ field: 'ids', message: 'at most 1000 / 1000 au plus' }]);
      const result = await db.updateTable('conversations').set(set).where('workspace_id', '=', workspaceId).where('id', 'in', ids).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async mentionIds(workspaceId, id) {
      const rows = await db
        .selectFrom('conversation_mentions')
        .innerJoin('conversations', 'conversations.id', 'conversation_mentions.conversation_id')
        .select('conversation_mentions.mention_id')
        .where('conversations.workspace_id', '=', workspaceId)
        .where('conversations.id', '=', id)
        .orderBy('conversation_mentions.published_at')
        .execute();
      return rows.map((r) => r.mention_id);
    },

    async countActiveByBand(workspaceId) {
      // One range count per band on the list index (workspace, lane, priority): no row is read.
      const count = async (from: number, to: number): Promise<number> => {
        const row = await db
          .selectFrom('conversations')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .where('lane', '=', 'active')
          .where('priority', '>=', from)
          .where('priority', '<', to)
          .executeTakeFirstOrThrow();
        return Number(row.n);
      };
      const [urgent, high, normal, low] = await Promise.all([count(70, 101), count(40, 70), count(15, 40), count(0, 15)]);
      return { urgent, high, normal, low };
    },

    async firstResponses(workspaceId, since) {
      const rows = await db
        .selectFrom('conversations')
        .select(['connector', 'topic_id', 'assignee', 'first_mention_at', 'first_response_at'])
        .where('workspace_id', '=', workspaceId)
        .where('first_response_at', '>=', parseIsoTime(since, 'since'))
        .execute();
      return rows.map((r) => ({
        connector: r.connector as ConnectorId,
        ...(r.topic_id !== null && { topicId: r.topic_id }),
        ...(r.assignee !== null && { assignee: r.assignee }),
        firstMentionAt: toIso(r.first_mention_at),
        firstResponseAt: toIso(r.first_response_at!),
      }));
    },

    async deleteEmpty(workspaceId) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom('conversations')
          .where('workspace_id', '=', workspaceId)
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('conversation_mentions').select('mention_id').whereRef('conversation_mentions.conversation_id', '=', 'conversations.id'))),
          )
          .executeTakeFirst();
        // A thread whose latest message was deleted (an erased author) must not keep showing it:
        // its preview, author and link become those of the latest message left.
        const latest = sql<string>`(select cm.mention_id from conversation_mentions cm where cm.conversation_id = conversations.id
          order by cm.published_at desc, cm.mention_id desc limit 1)`;
        await trx
          .updateTable('conversations')
          .set({
            last_mention_id: latest,
            preview: sql<string>`(select substr(m.text, 1, 280) from mentions m where m.id = ${latest})`,
            last_author: sql<string>`(select m.author_handle from mentions m where m.id = ${latest})`,
            url: sql<string | null>`(select m.url from mentions m where m.id = ${latest})`,
            mention_count: sql<number>`(select count(*) from conversation_mentions cm where cm.conversation_id = conversations.id)`,
          })
          .where('workspace_id', '=', workspaceId)
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('mentions').select('mentions.id').whereRef('mentions.id', '=', 'conversations.last_mention_id'))))
          .execute();
        return Number(result.numDeletedRows);
      });
    },

    ...createConversationJournal(db, dialect),
  };
}
