import { sql, type Kysely } from 'kysely';
import { AppError, type FtsPlan, type Mention, type MentionFilter, type MentionRepository, type Page, type PageRequest } from '@vigie/core';
import { parseIsoTime } from '../iso-time';
import { mentionConditions } from '../mention-filter';
import { computeOverview } from '../mention-overview';
import { loadMatchResolver, insertMatches, readMatches } from '../mention-matches';
import { MENTION_COLUMNS, resolveLang, toMention } from '../mention-row';
import { upsertMentions } from '../mention-upsert';
import { decodeCursor, encodeCursor } from '../page-cursor';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';


const MAX_PAGE = 500;
/** Mentions deleted per statement by a retention purge (about 0.1 s each, measured on SQLite). */
const RETENTION_BATCH = 5000;

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new AppError('validation_failed', `Page limit must be a positive integer, got ${limit}`, [
      { field: 'limit', message: 'positive integer expected / entier positif attendu' },
    ]);
  }
  return Math.min(limit, MAX_PAGE);
}

/**
 * Mentions: batched idempotent upsert, keyset pagination newest first, filters, full-text.
 *
 * @example
 * const page = await store.mentions.list(ws.id, { search: 'ecole', topicId }, { limit: 50 });
 * const next = await store.mentions.list(ws.id, { search: 'ecole', topicId }, { limit: 50, cursor: page.nextCursor! });
 */
export function createMentionRepository(db: Kysely<Database>, dialect: StoreDialect): MentionRepository {
  async function withMatches(rows: Parameters<typeof toMention>[0][]): Promise<Mention[]> {
    const matches = await readMatches(db, rows.map((row) => row.id));
    return rows.map((row) => toMention(row, matches.get(row.id) ?? { queryIds: [], topicIds: [] }, dialect));
  }

  async function page(workspaceId: string, filter: MentionFilter, request: PageRequest, plan?: FtsPlan): Promise<Page<Mention>> {
    const limit = checkLimit(request.limit);
    const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor);
    const rows = await db
      .selectFrom('mentions')
      .select(MENTION_COLUMNS)
      .where((eb) => eb.and(mentionConditions(eb, { workspaceId, filter, dialect, plan, after })))
      .orderBy('mentions.published_at', 'desc')
      .orderBy('mentions.id', 'desc')
      // One row more than asked says whether there is a next page without a count.
      .limit(limit + 1)
      .execute();
    const items = await withMatches(rows.slice(0, limit));
    const last = items[items.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor({ publishedAt: last.publishedAt, id: last.id }) : null;
    return { items, nextCursor };
  }

  return {
    upsertMany: (workspaceId, mentions) => upsertMentions(db, dialect, workspaceId, mentions),

    async get(workspaceId, id) {
      const row = await db
        .selectFrom('mentions')
        .select(MENTION_COLUMNS)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const [mention] = await withMatches([row]);
      return mention;
    },

    list: (workspaceId, filter, request) => page(workspaceId, filter, request),

    async count(workspaceId, filter) {
      const row = await db
        .selectFrom('mentions')
        .select((eb) => eb.fn.countAll().as('count'))
        .where((eb) => eb.and(mentionConditions(eb, { workspaceId, filter, dialect })))
        .executeTakeFirstOrThrow();
      // PostgreSQL returns count(*) as a string (bigint).
      return Number(row.count);
    },

    searchPlan: (workspaceId, plan, filter, request) => page(workspaceId, filter, request, plan),

    async setMatches(workspaceId, id, queryIds, topicIds) {
      const mention = await db
        .selectFrom('mentions')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!mention) throw new AppError('not_found', `Mention ${id} does not exist`);
      const resolved = (await loadMatchResolver(db, workspaceId))(queryIds, topicIds);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('mention_matches').where('mention_id', '=', id).execute();
        await insertMatches(trx, resolved.rows.map((row) => ({ mention_id: id, ...row })), 1000);
      });
    },

    async setAnalysis(workspaceId, id, analysis) {
      const detected = resolveLang(analysis, undefined);
      const result = await db
        .updateTable('mentions')
        .set((eb) => ({
          analysis: dialect.toJson(analysis),
          sentiment: analysis.sentiment?.label ?? null,
          // Without a detected language the filter falls back to the declared one.
          lang_resolved: detected === null ? eb.ref('lang') : detected,
        }))
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AppError('not_found', `Mention ${id} does not exist`);
    },

    overview: (workspaceId, filter) => computeOverview(db, dialect, workspaceId, filter),

    async deleteBySource(workspaceId, sourceId) {
      const result = await db
        .deleteFrom('mentions')
        .where('workspace_id', '=', workspaceId)
        .where('source_id', '=', sourceId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteByConnector(workspaceId, connector) {
      const result = await db
        .deleteFrom('mentions')
        .where('workspace_id', '=', workspaceId)
        .where('connector', '=', connector)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    // The full-text entry goes with the row (SQLite: the delete trigger; PostgreSQL: a generated
    // column), and so do matches and conversation links (foreign keys, cascade). The handle is
    // compared lower-cased without a leading `@` (`@Alice`, `alice`), the expression the
    // `mentions_author` index is built on.
    async deleteByAuthor(workspaceId, author) {
      const handle = author.handle.trim();
      if (handle.replace(/^@+/, '') === '') {
        throw new AppError('validation_failed', 'An author handle is required', [{ field: 'handle', message: 'required / obligatoire' }]);
      }
      const folded = handle.toLowerCase().replace(/^@+/, '');
      if (dialect.kind === 'sqlite' && [...folded].some((char) => char.charCodeAt(0) > 127)) {
        // SQLite's lower() folds ASCII only (`Élodie` stays `Élodie`): find the stored spellings of
        // the handle first (a scan, for this rare case), then delete those exactly.
        let spellings = db.selectFrom('mentions').select('author_handle').distinct().where('workspace_id', '=', workspaceId);
        if (author.connector !== undefined) spellings = spellings.where('connector', '=', author.connector);
        const same = (await spellings.execute()).map((row) => row.author_handle).filter((stored) => stored.toLowerCase().replace(/^@+/, '') === folded);
        if (same.length === 0) return 0;
        let query = db.deleteFrom('mentions').where('workspace_id', '=', workspaceId).where('author_handle', 'in', same);
        if (author.connector !== undefined) query = query.where('connector', '=', author.connector);
        return Number((await query.executeTakeFirst()).numDeletedRows);
      }
      let query = db
        .deleteFrom('mentions')
        .where('workspace_id', '=', workspaceId)
        .where(sql<string>`ltrim(lower(author_handle), '@')`, '=', sql<string>`ltrim(lower(${handle}), '@')`);
      if (author.connector !== undefined) query = query.where('connector', '=', author.connector);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    // In batches: a first purge may delete millions of rows, and on SQLite one statement would hold
    // the write lock (ingest waits) for all of it. Each batch is its own short transaction.
    async deleteOlderThan(workspaceId, before) {
      const cutoff = parseIsoTime(before, 'before');
      let total = 0;
      for (;;) {
        const result = await db
          .deleteFrom('mentions')
          .where('id', 'in', (eb) =>
            eb.selectFrom('mentions').select('id').where('workspace_id', '=', workspaceId).where('published_at', '<', cutoff).limit(RETENTION_BATCH),
          )
          .executeTakeFirst();
        const deleted = Number(result.numDeletedRows);
        total += deleted;
        if (deleted < RETENTION_BATCH) return total;
      }
    },
  };
}
