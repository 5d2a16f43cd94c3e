import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * SQLite full-text: an external-content FTS5 table over mentions (title, text), keyed by the
 * declared integer key `seq` (an implicit rowid could change on VACUUM). `remove_diacritics 2`
 * folds accents so `ecole` finds `École`. Triggers keep it in sync whatever writes the mentions;
 * the update trigger fires only when title or text really changed, so refreshing engagement
 * on a re-fetch does not re-index. `columnsize = 0` skips the per-row token counts only bm25()
 * ranking reads: lists are newest first, and it saves a tenth of ingest time (measured). A
 * migration can add ranking later: recreate the table and `insert … values ('rebuild')`.
 */
export async function createFullTextSchema(db: Kysely<Database>): Promise<void> {
  await sql`create virtual table mentions_fts using fts5(
    title, text, content = 'mentions', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2', columnsize = 0
  )`.execute(db);
  await sql`create trigger mentions_fts_insert after insert on mentions begin
    insert into mentions_fts (rowid, title, text) values (new.seq, new.title, new.text);
  end`.execute(db);
  await sql`create trigger mentions_fts_delete after delete on mentions begin
    insert into mentions_fts (mentions_fts, rowid, title, text) values ('delete', old.seq, old.title, old.text);
  end`.execute(db);
  await sql`create trigger mentions_fts_update after update of title, text on mentions
    when old.title is not new.title or old.text is not new.text begin
    insert into mentions_fts (mentions_fts, rowid, title, text) values ('delete', old.seq, old.title, old.text);
    insert into mentions_fts (rowid, title, text) values (new.seq, new.title, new.text);
  end`.execute(db);
}
