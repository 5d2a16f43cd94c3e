import { sql, type Kysely } from 'kysely';
import type { ConnectorId, MentionFilter, MentionOverview } from '@vigie/core';
import { mentionConditions } from './mention-filter';
import type { Database } from './schema';
import type { StoreDialect } from './store-dialect';

const sentimentCount = (label: 'negative' | 'neutral' | 'positive') =>
  sql<number | string>`sum(case when mentions.sentiment = ${label} then 1 else 0 end)`;

/**
 * Dashboard counts, grouped by the database: four small GROUP BY queries over the same filter,
 * never a load of mentions. Days are UTC and only days with mentions are listed, oldest first.
 * PostgreSQL returns sums and counts as strings (bigint), hence the Number() calls.
 *
 * @example
 * const o = await computeOverview(db, dialect, ws.id, { since: '2026-10-27T00:00:00.000Z' });
 */
export async function computeOverview(
  db: Kysely<Database>,
  dialect: StoreDialect,
  workspaceId: string,
  filter: MentionFilter,
): Promise<MentionOverview> {
  const filtered = db.selectFrom('mentions').where((eb) => eb.and(mentionConditions(eb, { workspaceId, filter, dialect })));
  const day = dialect.publishedDay();
  const [days, connectors, langs, topics] = await Promise.all([
    filtered
      .select((eb) => [
        day.as('day'),
        eb.fn.countAll().as('count'),
        sentimentCount('negative').as('negative'),
        sentimentCount('neutral').as('neutral'),
        sentimentCount('positive').as('positive'),
      ])
      .groupBy(day)
      .orderBy(day)
      .execute(),
    filtered
      .select((eb) => ['mentions.connector', eb.fn.countAll().as('count')])
      .groupBy('mentions.connector')
      .execute(),
    filtered
      .select((eb) => [eb.fn.coalesce('mentions.lang_resolved', sql<string>`'unknown'`).as('lang'), eb.fn.countAll().as('count')])
      .groupBy('mentions.lang_resolved')
      .execute(),
    db
      .selectFrom('mention_matches')
      .select((eb) => ['mention_matches.topic_id', eb.fn.count('mention_matches.mention_id').distinct().as('count')])
      .where('mention_matches.mention_id', 'in', filtered.select('mentions.id'))
      .groupBy('mention_matches.topic_id')
      .execute(),
  ]);

  const byDay = days.map((row) => ({
    day: row.day,
    count: Number(row.count),
    negative: Number(row.negative),
    neutral: Number(row.neutral),
    positive: Number(row.positive),
  }));
  const byCount = (a: { count: number }, b: { count: number }) => b.count - a.count;
  return {
    total: byDay.reduce((sum, row) => sum + row.count, 0),
    byDay,
    byConnector: connectors.map((row) => ({ connector: row.connector as ConnectorId, count: Number(row.count) })).sort(byCount),
    byTopic: topics.map((row) => ({ topicId: row.topic_id, count: Number(row.count) })).sort(byCount),
    bySentiment: {
      negative: byDay.reduce((sum, row) => sum + row.negative, 0),
      neutral: byDay.reduce((sum, row) => sum + row.neutral, 0),
      positive: byDay.reduce((sum, row) => sum + row.positive, 0),
    },
    byLang: langs.map((row) => ({ lang: row.lang, count: Number(row.count) })).sort(byCount),
  };
}
