import type { Mention } from '../domain/mention';
import type { MentionFilter, Store } from '../ports/store';
import { toMatchable } from '../ingest/ingest-pipeline';
import { evaluateQuery, parseQuery, toFtsPlan, type QueryAst } from '../query';

/** Most candidates one history search looks at; past it the count is a lower bound. */
export const MAX_HISTORY_SCAN = 50_000;
const PAGE = 500;

export interface HistoryResult {
  /** Mentions that match, among those scanned. */
  count: number;
  /** First matches, newest first. */
  items: Mention[];
  scanned: number;
  /** True when the scan stopped at MAX_HISTORY_SCAN: `count` is then a lower bound. */
  truncated: boolean;
}

/**
 * Runs a listening query over stored mentions: the database narrows candidates with full-text
 * search (FTS5 / tsvector), the matcher confirms each one, so history and the live stream agree.
 *
 * @example
 * const r = await searchHistory(store, ws, parseQuery('vigie NEAR/3 panne'), { since: '2026-10-27T00:00:00Z' }, 20);
 */
export async function searchHistory(
  store: Pick<Store, 'mentions'>,
  workspaceId: string,
  ast: QueryAst,
  filter: MentionFilter,
  sampleSize: number,
  maxScan = MAX_HISTORY_SCAN,
): Promise<HistoryResult> {
  const plan = toFtsPlan(ast);
  const items: Mention[] = [];
  let count = 0;
  let scanned = 0;
  let cursor: string | undefined;
  for (;;) {
    const page = plan
      ? await store.mentions.searchPlan(workspaceId, plan, filter, { limit: PAGE, cursor })
      : await store.mentions.list(workspaceId, filter, { limit: PAGE, cursor });
    for (const mention of page.items) {
      scanned += 1;
      if (evaluateQuery(ast, toMatchable(mention))) {
        count += 1;
        if (items.length < sampleSize) items.push(mention);
      }
    }
    if (!page.nextCursor) return { count, items, scanned, truncated: false };
    if (scanned >= maxScan) return { count, items, scanned, truncated: true };
    cursor = page.nextCursor;
  }
}

/**
 * Backfill after a query is saved or edited: stored mentions of the window that match gain the
 * query; those that matched the old text and no longer do lose it.
 */
export async function backfillQuery(
  store: Pick<Store, 'mentions'>,
  workspaceId: string,
  query: { id: string; topicId: string; text: string; enabled: boolean },
  since: string,
  /** Topic of any saved query (the query index knows), to recompute a mention's topics. */
  topicOf: (queryId: string) => string | undefined,
): Promise<{ added: number; removed: number }> {
  const ast = parseQuery(query.text);
  let added = 0;
  let removed = 0;
  const stillMatching = new Set<string>();
  if (query.enabled) {
    const plan = toFtsPlan(ast);
    let cursor: string | undefined;
    do {
      const filter: MentionFilter = { since };
      const page = plan ? await store.mentions.searchPlan(workspaceId, plan, filter, { limit: PAGE, cursor }) : await store.mentions.list(workspaceId, filter, { limit: PAGE, cursor });
      for (const mention of page.items) {
        if (!evaluateQuery(ast, toMatchable(mention))) continue;
        stillMatching.add(mention.id);
        if (mention.queryIds.includes(query.id)) continue;
        await store.mentions.setMatches(workspaceId, mention.id, [...mention.queryIds, query.id], union(mention.topicIds, query.topicId));
        added += 1;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  let cursor: string | undefined;
  const stale: Mention[] = [];
  do {
    const page = await store.mentions.list(workspaceId, { queryId: query.id, since }, { limit: PAGE, cursor });
    stale.push(...page.items.filter((m) => !stillMatching.has(m.id)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  for (const mention of stale) {
    const queryIds = mention.queryIds.filter((id) => id !== query.id);
    const topicIds = [...new Set(queryIds.map(topicOf).filter((t): t is string => t !== undefined))];
    await store.mentions.setMatches(workspaceId, mention.id, queryIds, topicIds);
    removed += 1;
  }
  return { added, removed };
}

function union(list: string[], value: string): string[] {
  return list.includes(value) ? list : [...list, value];
}
