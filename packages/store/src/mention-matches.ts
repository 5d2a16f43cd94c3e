import type { Kysely } from 'kysely';
import type { Database, MentionMatchTable } from './schema';

/** What a mention matched, checked against the workspace: ids from elsewhere are dropped. */
export interface ResolvedMatches {
  queryIds: string[];
  topicIds: string[];
  rows: Omit<MentionMatchTable, 'mention_id'>[];
}

export type MatchResolver = (queryIds: string[], topicIds: string[]) => ResolvedMatches;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Loads the workspace's queries and topics once, then resolves match lists without I/O. Unknown
 * ids are dropped rather than refused: a query deleted between matching and storing is normal,
 * and a query of another workspace must never be linked.
 *
 * @example
 * const resolve = await loadMatchResolver(db, workspaceId);
 * resolve(['q1'], ['t1']); // rows [{ query_id: 'q1', topic_id: 't1' }]
 */
export async function loadMatchResolver(db: Kysely<Database>, workspaceId: string): Promise<MatchResolver> {
  const [queries, topics] = await Promise.all([
    db.selectFrom('queries').select(['id', 'topic_id']).where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('topics').select('id').where('workspace_id', '=', workspaceId).execute(),
  ]);
  const topicOfQuery = new Map(queries.map((query) => [query.id, query.topic_id]));
  const knownTopics = new Set(topics.map((topic) => topic.id));
  return (queryIds, topicIds) => {
    const rows: ResolvedMatches['rows'] = [];
    const resolvedQueries = [...new Set(queryIds)].filter((id) => topicOfQuery.has(id)).sort(byId);
    const topicsViaQuery = new Set<string>();
    for (const queryId of resolvedQueries) {
      const topicId = topicOfQuery.get(queryId) as string;
      topicsViaQuery.add(topicId);
      rows.push({ query_id: queryId, topic_id: topicId });
    }
    // A topic given without any of its queries is kept with query_id null rather than lost.
    for (const topicId of new Set(topicIds)) {
      if (knownTopics.has(topicId) && !topicsViaQuery.has(topicId)) rows.push({ query_id: null, topic_id: topicId });
    }
    const resolvedTopics = [...new Set(rows.map((row) => row.topic_id))].sort(byId);
    return { queryIds: resolvedQueries, topicIds: resolvedTopics, rows };
  };
}

/** Query and topic ids of each mention, sorted (ids sort by creation time). */
export async function readMatches(
  db: Kysely<Database>,
  mentionIds: string[],
): Promise<Map<string, { queryIds: string[]; topicIds: string[] }>> {
  const result = new Map(mentionIds.map((id) => [id, { queryIds: [] as string[], topicIds: [] as string[] }]));
  if (mentionIds.length === 0) return result;
  const rows = await db
    .selectFrom('mention_matches')
    .select(['mention_id', 'query_id', 'topic_id'])
    .where('mention_id', 'in', mentionIds)
    .execute();
  for (const row of rows) {
    const entry = result.get(row.mention_id);
    if (!entry) continue;
    if (row.query_id !== null && !entry.queryIds.includes(row.query_id)) entry.queryIds.push(row.query_id);
    if (!entry.topicIds.includes(row.topic_id)) entry.topicIds.push(row.topic_id);
  }
  for (const entry of result.values()) {
    entry.queryIds.sort(byId);
    entry.topicIds.sort(byId);
  }
  return result;
}

/** Inserts match rows in statements of at most `rowsPerStatement` rows. */
export async function insertMatches(db: Kysely<Database>, rows: MentionMatchTable[], rowsPerStatement: number): Promise<void> {
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    await db.insertInto('mention_matches').values(rows.slice(start, start + rowsPerStatement)).execute();
  }
}
