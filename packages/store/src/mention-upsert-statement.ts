import { CompiledQuery, type Kysely } from 'kysely';
import { MENTION_COLUMNS, type MentionWriteRow } from './mention-row';
import type { Database } from './schema';
import type { StoreDialect } from './store-dialect';

export interface UpsertedRow {
  id: string;
  connector: string;
  external_id: string;
}

// SQL text per (dialect, row count). Kysely builds it once; later batches of the same size only
// flatten their values. Building a 500-row insert took as long as SQLite took to run it.
const cache = new Map<string, string>();
const CACHE_SIZE = 16;

function buildSql(db: Kysely<Database>, dialect: StoreDialect, sample: MentionWriteRow, count: number): string {
  const compiled = db
    .insertInto('mentions')
    .values(Array.from({ length: count }, () => sample))
    .onConflict((conflict) =>
      // What a re-fetch refreshes; identity, author handle, dates and matches' keys stay.
      conflict.columns(['workspace_id', 'connector', 'external_id']).doUpdateSet((eb) => ({
        url: eb.ref('excluded.url'),
        title: eb.ref('excluded.title'),
        text: eb.ref('excluded.text'),
        html: eb.ref('excluded.html'),
        author_name: eb.ref('excluded.author_name'),
        author_followers: eb.ref('excluded.author_followers'),
        author_avatar_url: eb.ref('excluded.author_avatar_url'),
        engagement: eb.ref('excluded.engagement'),
        raw: eb.ref('excluded.raw'),
        analysis: eb.ref('excluded.analysis'),
        lang_resolved: eb.ref('excluded.lang_resolved'),
        sentiment: eb.ref('excluded.sentiment'),
      })),
    )
    .returning(['id', 'connector', 'external_id'])
    .compile();
  // The flattening below relies on one parameter per column per row, in MENTION_COLUMNS order.
  const expected = count * MENTION_COLUMNS.length;
  if (compiled.parameters.length !== expected || compiled.parameters[1] !== sample[MENTION_COLUMNS[1] as keyof MentionWriteRow]) {
    throw new Error(`mention upsert template for ${dialect.kind} has ${compiled.parameters.length} parameters, expected ${expected}`);
  }
  return compiled.sql;
}

/**
 * `INSERT … ON CONFLICT (workspace_id, connector, external_id) DO UPDATE … RETURNING id` for
 * these rows, as one compiled statement. The returned id is the generated one exactly when
 * the row is new, on both databases, without a prior read.
 *
 * @example
 * const { rows } = await trx.executeQuery(compileMentionUpsert(trx, dialect, chunk));
 */
export function compileMentionUpsert(db: Kysely<Database>, dialect: StoreDialect, rows: MentionWriteRow[]): CompiledQuery<UpsertedRow> {
  const first = rows[0];
  if (!first) throw new Error('compileMentionUpsert needs at least one row');
  const key = `${dialect.kind}:${rows.length}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = buildSql(db, dialect, first, rows.length);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, text);
  }
  const parameters: unknown[] = new Array(rows.length * MENTION_COLUMNS.length);
  let index = 0;
  for (const row of rows) {
    for (const column of MENTION_COLUMNS) parameters[index++] = row[column];
  }
  return CompiledQuery.raw(text, parameters) as CompiledQuery<UpsertedRow>;
}
