import type { Kysely, Selectable } from 'kysely';
import { AppError, type Query, type Topic, type TopicKind, type TopicRepository } from '@vigie/core';
import { createId } from '../create-id';
import { toIso } from '../iso-time';
import type { Database, QueryTable, TopicTable } from '../schema';
import type { StoreDialect } from '../store-dialect';

function toQuery(row: Selectable<QueryTable>): Query {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    topicId: row.topic_id,
    ...(row.name !== null && { name: row.name }),
    text: row.text,
    enabled: Boolean(row.enabled),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

function toTopic(row: Selectable<TopicTable>, queries: Query[]): Topic {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    kind: row.kind as TopicKind,
    ...(row.exclusions !== null && { exclusions: row.exclusions }),
    ...(row.color !== null && { color: row.color }),
    createdAt: toIso(row.created_at),
    queries,
  };
}

/** An empty string clears an optional text (exclusions, colour, name). */
function optionalText(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

/**
 * Topics and their queries. Queries keep their own `workspace_id` so that every lookup by id
 * is scoped without a join, and `listAllQueries` can feed the matcher in one statement.
 *
 * @example
 * const topic = await store.topics.create(ws.id, { name: 'Marque', kind: 'brand', queries: [{ text: 'vigie NOT emploi' }] });
 */
export function createTopicRepository(db: Kysely<Database>, dialect: StoreDialect): TopicRepository {
  async function queriesOf(workspaceId: string, topicIds: string[]): Promise<Map<string, Query[]>> {
    const byTopic = new Map<string, Query[]>(topicIds.map((id) => [id, []]));
    if (topicIds.length === 0) return byTopic;
    const rows = await db
      .selectFrom('queries')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('topic_id', 'in', topicIds)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const row of rows) byTopic.get(row.topic_id)?.push(toQuery(row));
    return byTopic;
  }

  async function insertQuery(
    executor: Kysely<Database>,
    workspaceId: string,
    topicId: string,
    input: { text: string; name?: string; enabled?: boolean },
    now: string,
  ): Promise<Query> {
    const row = {
      id: createId(),
      workspace_id: workspaceId,
      topic_id: topicId,
      name: optionalText(input.name),
      text: input.text,
      enabled: dialect.toBool(input.enabled ?? true),
      created_at: now,
      updated_at: now,
    };
    await executor.insertInto('queries').values(row).execute();
    return toQuery(row);
  }

  const repository: TopicRepository = {
    async create(workspaceId, input) {
      const workspace = await db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).executeTakeFirst();
      if (!workspace) throw new AppError('not_found', `Workspace ${workspaceId} does not exist`);
      const now = new Date().toISOString();
      const row = {
        id: createId(),
        workspace_id: workspaceId,
        name: input.name,
        kind: input.kind,
        exclusions: optionalText(input.exclusions),
        color: optionalText(input.color),
        created_at: now,
      };
      const queries = await db.transaction().execute(async (trx) => {
        await trx.insertInto('topics').values(row).execute();
        const created: Query[] = [];
        for (const query of input.queries) created.push(await insertQuery(trx, workspaceId, row.id, query, now));
        return created;
      });
      return toTopic(row, queries);
    },

    async get(workspaceId, id) {
      const row = await db
        .selectFrom('topics')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const queries = await queriesOf(workspaceId, [row.id]);
      return toTopic(row, queries.get(row.id) ?? []);
    },

    async list(workspaceId) {
      const rows = await db
        .selectFrom('topics')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const queries = await queriesOf(workspaceId, rows.map((row) => row.id));
      return rows.map((row) => toTopic(row, queries.get(row.id) ?? []));
    },

    async update(workspaceId, id, patch) {
      const values = {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.exclusions !== undefined && { exclusions: optionalText(patch.exclusions) }),
        ...(patch.color !== undefined && { color: optionalText(patch.color) }),
      };
      if (Object.keys(values).length > 0) {
        await db.updateTable('topics').set(values).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
      }
      return repository.get(workspaceId, id);
    },

    async delete(workspaceId, id) {
      const result = await db.deleteFrom('topics').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async addQuery(workspaceId, topicId, input) {
      const topic = await db
        .selectFrom('topics')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', topicId)
        .executeTakeFirst();
      if (!topic) throw new AppError('not_found', `Topic ${topicId} does not exist`);
      return insertQuery(db, workspaceId, topicId, input, new Date().toISOString());
    },

    async updateQuery(workspaceId, queryId, patch) {
      const values = {
        ...(patch.text !== undefined && { text: patch.text }),
        ...(patch.name !== undefined && { name: optionalText(patch.name) }),
        ...(patch.enabled !== undefined && { enabled: dialect.toBool(patch.enabled) }),
      };
      await db
        .updateTable('queries')
        .set({ ...values, updated_at: new Date().toISOString() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', queryId)
        .execute();
      return repository.getQuery(workspaceId, queryId);
    },

    async deleteQuery(workspaceId, queryId) {
      const result = await db
        .deleteFrom('queries')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', queryId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async getQuery(workspaceId, queryId) {
      const row = await db
        .selectFrom('queries')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', queryId)
        .executeTakeFirst();
      return row && toQuery(row);
    },

    async listAllQueries() {
      const rows = await db
        .selectFrom('queries')
        .innerJoin('topics', 'topics.id', 'queries.topic_id')
        .selectAll('queries')
        .select('topics.exclusions as topic_exclusions')
        .where('queries.enabled', '=', dialect.toBool(true))
        .orderBy('queries.created_at')
        .orderBy('queries.id')
        .execute();
      return rows.map(({ topic_exclusions, ...row }) => ({
        ...toQuery(row),
        ...(topic_exclusions !== null && { topicExclusions: topic_exclusions }),
      }));
    },
  };
  return repository;
}
