import type { Kysely } from 'kysely';
import { AppError, type Mention, type NewMention, type UpsertResult } from '@vigie/core';
import { createId } from './create-id';
import { parseIsoTime } from './iso-time';
import { insertMatches, loadMatchResolver, type ResolvedMatches } from './mention-matches';
import { MENTION_COLUMNS, toMentionRow, type MentionWriteRow } from './mention-row';
import { compileMentionUpsert } from './mention-upsert-statement';
import type { Database, MentionMatchTable } from './schema';
import type { StoreDialect } from './store-dialect';

// Rows per multi-row INSERT: 500 × 26 columns = 13 000 bind parameters, well under SQLite's
// 32 766; the dialect's own limit caps it as well.
const MAX_ROWS_PER_STATEMENT = 500;

interface Pending {
  key: string;
  /** Position in the caller's batch. */
  order: number;
  input: NewMention;
  row: MentionWriteRow;
  matches: ResolvedMatches;
}

const identity = (connector: string, externalId: string) => `${connector}\u0000${externalId}`;

/**
 * Stores a batch in one transaction, in multi-row upserts (see mention-upsert-statement.ts) that
 * tell new rows from refreshed ones without a prior read. Refreshed rows get the new text,
 * engagement and analysis, and their matches are replaced.
 *
 * @example
 * const { inserted, updated } = await upsertMentions(db, dialect, workspaceId, batch);
 */
export async function upsertMentions(
  db: Kysely<Database>,
  dialect: StoreDialect,
  workspaceId: string,
  mentions: NewMention[],
): Promise<UpsertResult> {
  if (mentions.length === 0) return { inserted: [], updated: 0 };
  const workspace = await db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).executeTakeFirst();
  if (!workspace) throw new AppError('not_found', `Workspace ${workspaceId} does not exist`);
  await checkSources(db, workspaceId, mentions);
  const resolve = await loadMatchResolver(db, workspaceId);

  // One statement may not touch the same row twice (PostgreSQL refuses it): the last copy wins.
  const latest = new Map<string, { input: NewMention; publishedAt: string; order: number }>();
  mentions.forEach((input, order) => {
    const publishedAt = parseIsoTime(input.publishedAt, `mentions[${order}].publishedAt`);
    latest.set(identity(input.connector, input.externalId), { input, publishedAt, order });
  });

  const fetchedAt = new Date().toISOString();
  const pending = new Map<string, Pending>();
  for (const [key, { input, publishedAt, order }] of latest) {
    const row = toMentionRow(input, { id: createId(), workspaceId, sourceId: input.sourceId ?? null, fetchedAt, publishedAt }, dialect);
    pending.set(key, { key, order, input, row, matches: resolve(input.queryIds, input.topicIds) });
  }

  const rowsPerStatement = Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(dialect.maxParameters / MENTION_COLUMNS.length));
  // Rows are written in identity order: two workers storing overlapping batches then lock rows in
  // the same order and cannot deadlock (PostgreSQL would abort one of them).
  const all = [...pending.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return db.transaction().execute(async (trx) => {
    const inserted: Pending[] = [];
    let updated = 0;
    for (let start = 0; start < all.length; start += rowsPerStatement) {
      const chunk = all.slice(start, start + rowsPerStatement);
      const { rows: returned } = await trx.executeQuery(compileMentionUpsert(trx, dialect, chunk.map((item) => item.row)));

      const matchRows: MentionMatchTable[] = [];
      const refreshedIds: string[] = [];
      for (const { id, connector, external_id } of returned) {
        const item = pending.get(identity(connector, external_id));
        if (!item) continue;
        if (id === item.row.id) inserted.push(item);
        else refreshedIds.push(id);
        for (const match of item.matches.rows) matchRows.push({ mention_id: id, ...match });
      }
      updated += refreshedIds.length;
      if (refreshedIds.length > 0) await trx.deleteFrom('mention_matches').where('mention_id', 'in', refreshedIds).execute();
      await insertMatches(trx, matchRows, Math.floor(rowsPerStatement * (MENTION_COLUMNS.length / 3)));
    }
    // Events go out in the caller's order, not the write order.
    inserted.sort((x, y) => x.order - y.order);
    return { inserted: inserted.map((item) => toInsertedMention(item, workspaceId)), updated };
  });
}

/** A mention may only point to a source of its own workspace. */
async function checkSources(db: Kysely<Database>, workspaceId: string, mentions: NewMention[]): Promise<void> {
  const sourceIds = [...new Set(mentions.flatMap((mention) => (mention.sourceId === undefined ? [] : [mention.sourceId])))];
  if (sourceIds.length === 0) return;
  const found = await db
    .selectFrom('sources')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', sourceIds)
    .execute();
  const known = new Set(found.map((row) => row.id));
  const missing = sourceIds.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new AppError(
      'validation_failed',
      `Unknown source for this workspace: ${missing.join(', ')}`,
      missing.map(() => ({ field: 'sourceId', message: 'unknown source / source inconnue' })),
    );
  }
}

/** Built from what was written rather than read back: the caller gets it without a SELECT. */
function toInsertedMention(item: Pending, workspaceId: string): Mention {
  const { input, row, matches } = item;
  return {
    id: row.id,
    workspaceId,
    ...(input.sourceId !== undefined && { sourceId: input.sourceId }),
    connector: input.connector,
    externalId: input.externalId,
    ...(input.url !== undefined && { url: input.url }),
    author: input.author,
    ...(input.title !== undefined && { title: input.title }),
    text: input.text,
    ...(input.html !== undefined && { html: input.html }),
    ...(input.lang !== undefined && { lang: input.lang }),
    publishedAt: row.published_at,
    fetchedAt: row.fetched_at,
    engagement: input.engagement,
    ...(input.replyToExternalId !== undefined && { replyToExternalId: input.replyToExternalId }),
    ...(input.threadExternalId !== undefined && { threadExternalId: input.threadExternalId }),
    ...(input.country !== undefined && { country: input.country }),
    kind: input.kind,
    raw: input.raw,
    analysis: input.analysis,
    queryIds: matches.queryIds,
    topicIds: matches.topicIds,
  };
}
