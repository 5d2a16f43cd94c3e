import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { FtsPlan, MentionFilter } from '@vigie/core';
import { planFromSearch } from './fts-plan';
import { parseIsoTime } from './iso-time';
import type { CursorPosition } from './page-cursor';
import type { Database } from './schema';
import type { StoreDialect } from './store-dialect';

/**
 * The WHERE clause shared by list, count and searchPlan: the workspace first (nothing crosses
 * workspaces), then every filter present, the optional full-text plan, and the keyset cursor.
 *
 * @example
 * db.selectFrom('mentions').where((eb) => eb.and(mentionConditions(eb, { workspaceId, filter, dialect })));
 */
export function mentionConditions(
  eb: ExpressionBuilder<Database, 'mentions'>,
  options: {
    workspaceId: string;
    filter: MentionFilter;
    dialect: StoreDialect;
    plan?: FtsPlan;
    after?: CursorPosition;
  },
): Expression<SqlBool>[] {
  const { workspaceId, filter, dialect, plan, after } = options;
  const conditions: Expression<SqlBool>[] = [eb('mentions.workspace_id', '=', workspaceId)];
  if (filter.connector !== undefined) conditions.push(eb('mentions.connector', '=', filter.connector));
  if (filter.lang !== undefined) conditions.push(eb('mentions.lang_resolved', '=', filter.lang));
  if (filter.sentiment !== undefined) conditions.push(eb('mentions.sentiment', '=', filter.sentiment));
  if (filter.sourceId !== undefined) conditions.push(eb('mentions.source_id', '=', filter.sourceId));
  if (filter.since !== undefined) conditions.push(eb('mentions.published_at', '>=', parseIsoTime(filter.since, 'since')));
  if (filter.until !== undefined) conditions.push(eb('mentions.published_at', '<', parseIsoTime(filter.until, 'until')));
  if (filter.topicId !== undefined) {
    const topicId = filter.topicId;
    conditions.push(
      eb.exists(
        eb
          .selectFrom('mention_matches')
          .select('mention_matches.mention_id')
          .whereRef('mention_matches.mention_id', '=', 'mentions.id')
          .where('mention_matches.topic_id', '=', topicId),
      ),
    );
  }
  if (filter.queryId !== undefined) {
    const queryId = filter.queryId;
    conditions.push(
      eb.exists(
        eb
          .selectFrom('mention_matches')
          .select('mention_matches.mention_id')
          .whereRef('mention_matches.mention_id', '=', 'mentions.id')
          .where('mention_matches.query_id', '=', queryId),
      ),
    );
  }
  const searchPlan = filter.search === undefined ? undefined : planFromSearch(filter.search);
  if (searchPlan !== undefined) conditions.push(dialect.matchesPlan(searchPlan));
  if (plan !== undefined) conditions.push(dialect.matchesPlan(plan));
  if (after !== undefined) {
    conditions.push(
      eb.or([
        eb('mentions.published_at', '<', after.publishedAt),
        eb.and([eb('mentions.published_at', '=', after.publishedAt), eb('mentions.id', '<', after.id)]),
      ]),
    );
  }
  return conditions;
}
