import { AppError, type ErrorDetail } from '../errors';
import type { QueryIndex } from '../ingest/query-index';
import type { Query, Topic } from '../domain/topic';
import type { NewTopic, Store } from '../ports/store';
import { parseQuery } from '../query';

/** Throws `query_syntax` with the field and column when a query does not parse. */
function checkQueryText(text: string, field: string): void {
  try {
    parseQuery(text);
  } catch (error) {
    if (error instanceof AppError) {
      const details: ErrorDetail[] = error.details.map((d) => ({ ...d, field }));
      throw new AppError('query_syntax', `${field}: ${error.message}`, details.length > 0 ? details : [{ field, message: error.message }]);
    }
    throw error;
  }
}

/**
 * Topics and their queries, kept in step with the live matcher: a query saved, edited, disabled
 * or deleted takes effect on the next incoming post.
 *
 * @example
 * const topics = createTopicService({ store, queryIndex });
 * await topics.create(ws, { name: 'Vigie', kind: 'brand', queries: [{ text: 'vigie OR #vigie' }] });
 */
export function createTopicService(deps: { store: Pick<Store, 'topics'>; queryIndex: QueryIndex }) {
  const { store, queryIndex } = deps;

  function index(query: Query, topic: Pick<Topic, 'exclusions'>): void {
    queryIndex.set({ ...query, topicExclusions: topic.exclusions });
  }

  async function mustGet(workspaceId: string, topicId: string): Promise<Topic> {
    const topic = await store.topics.get(workspaceId, topicId);
    if (!topic) throw new AppError('not_found', `topic ${topicId} does not exist`);
    return topic;
  }

  return {
    list: (workspaceId: string) => store.topics.list(workspaceId),
    get: mustGet,

    async create(workspaceId: string, input: NewTopic): Promise<Topic> {
      input.queries.forEach((q, i) => checkQueryText(q.text, `queries.${i}`));
      if (input.exclusions) checkQueryText(input.exclusions, 'exclusions');
      const topic = await store.topics.create(workspaceId, input);
      for (const query of topic.queries) index(query, topic);
      return topic;
    },

    async update(workspaceId: string, topicId: string, patch: Partial<Omit<NewTopic, 'queries'>>): Promise<Topic> {
      if (patch.exclusions) checkQueryText(patch.exclusions, 'exclusions');
      const topic = await store.topics.update(workspaceId, topicId, patch);
      if (!topic) throw new AppError('not_found', `topic ${topicId} does not exist`);
      if ('exclusions' in patch) for (const query of topic.queries) index(query, topic);
      return topic;
    },

    async delete(workspaceId: string, topicId: string): Promise<void> {
      const topic = await mustGet(workspaceId, topicId);
      await store.topics.delete(workspaceId, topicId);
      for (const query of topic.queries) queryIndex.delete(query.id);
    },

    async addQuery(workspaceId: string, topicId: string, input: { text: string; name?: string; enabled?: boolean }): Promise<Query> {
      checkQueryText(input.text, 'text');
      const topic = await mustGet(workspaceId, topicId);
      const query = await store.topics.addQuery(workspaceId, topicId, input);
      index(query, topic);
      return query;
    },

    async updateQuery(workspaceId: string, queryId: string, patch: { text?: string; name?: string; enabled?: boolean }): Promise<Query> {
      if (patch.text !== undefined) checkQueryText(patch.text, 'text');
      const query = await store.topics.updateQuery(workspaceId, queryId, patch);
      if (!query) throw new AppError('not_found', `query ${queryId} does not exist`);
      index(query, await mustGet(workspaceId, query.topicId));
      return query;
    },

    async deleteQuery(workspaceId: string, queryId: string): Promise<void> {
      if (!(await store.topics.deleteQuery(workspaceId, queryId))) throw new AppError('not_found', `query ${queryId} does not exist`);
      queryIndex.delete(queryId);
    },
  };
}

export type TopicService = ReturnType<typeof createTopicService>;
