import type { MatchableDocument, QueryMatcher } from '../ports/matcher';
import type { Query } from '../domain/topic';

/** A query as the index needs it: its text, its topic and the topic's shared exclusions. */
export interface IndexedQuery extends Pick<Query, 'id' | 'workspaceId' | 'topicId' | 'text' | 'enabled'> {
  topicExclusions?: string;
}

export interface QueryMatches {
  queryIds: string[];
  topicIds: string[];
}

/**
 * Keeps one percolator per workspace so no query ever matches another workspace's mentions, and
 * remembers each query's topic. Changes take effect on the next `match`.
 *
 * @example
 * const index = createQueryIndex(createQueryMatcher);
 * index.set({ id: 'q1', workspaceId: 'w1', topicId: 't1', text: 'vigie', enabled: true });
 * index.match('w1', { text: 'Vigie est top' }); // { queryIds: ['q1'], topicIds: ['t1'] }
 */
export function createQueryIndex(createMatcher: () => QueryMatcher) {
  const matchers = new Map<string, QueryMatcher>();
  const topicOf = new Map<string, string>();
  const workspaceOf = new Map<string, string>();

  function matcherFor(workspaceId: string): QueryMatcher {
    let matcher = matchers.get(workspaceId);
    if (!matcher) {
      matcher = createMatcher();
      matchers.set(workspaceId, matcher);
    }
    return matcher;
  }

  function remove(queryId: string): void {
    const workspaceId = workspaceOf.get(queryId);
    if (workspaceId === undefined) return;
    matchers.get(workspaceId)?.delete(queryId);
    workspaceOf.delete(queryId);
    topicOf.delete(queryId);
  }

  /** Adds or replaces a query; a disabled query is removed. Throws on a syntax error. */
  function set(query: IndexedQuery): void {
    if (!query.enabled) {
      remove(query.id);
      return;
    }
    const previous = workspaceOf.get(query.id);
    if (previous !== undefined && previous !== query.workspaceId) remove(query.id);
    matcherFor(query.workspaceId).set(query.id, query.text, { exclusions: query.topicExclusions });
    topicOf.set(query.id, query.topicId);
    workspaceOf.set(query.id, query.workspaceId);
  }

  function match(workspaceId: string, doc: MatchableDocument): QueryMatches {
    const matcher = matchers.get(workspaceId);
    if (!matcher) return { queryIds: [], topicIds: [] };
    const queryIds = matcher.match(doc).sort();
    const topicIds = [...new Set(queryIds.map((id) => topicOf.get(id)).filter((t): t is string => t !== undefined))].sort();
    return { queryIds, topicIds };
  }

  /**
   * Loads many queries at start. A query that no longer parses is reported, not fatal: the other
   * queries keep matching.
   */
  function load(queries: IndexedQuery[]): { failed: { queryId: string; error: unknown }[] } {
    const failed: { queryId: string; error: unknown }[] = [];
    for (const query of queries) {
      try {
        set(query);
      } catch (error) {
        failed.push({ queryId: query.id, error });
      }
    }
    return { failed };
  }

  return { set, delete: remove, match, load, topicOf: (queryId: string) => topicOf.get(queryId) };
}

export type QueryIndex = ReturnType<typeof createQueryIndex>;
