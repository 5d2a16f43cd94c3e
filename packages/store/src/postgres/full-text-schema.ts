import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * PostgreSQL full-text: a generated `search_vector` (title weighted A, text B) with a GIN index.
 * The `vigie_search` configuration is `simple` (no stemming or stop words, so French and English
 * behave alike) plus `unaccent`, so `ecole` finds `École`. unaccent() itself is not immutable and
 * cannot appear in a generated column; a text search configuration that uses it can.
 */
export async function createFullTextSchema(db: Kysely<Database>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`do $$ begin
    if not exists (select 1 from pg_ts_config where cfgname = 'vigie_search') then
      create text search configuration vigie_search (copy = simple);
      alter text search configuration vigie_search
        alter mapping for hword, hword_part, word with unaccent, simple;
    end if;
  end $$`.execute(db);
  // Punctuation becomes a space before parsing: PostgreSQL's parser would otherwise keep `3.5`,
  // e-mail addresses and URLs as single tokens, where SQLite and the query plan see separate words.
  await sql`alter table mentions add column search_vector tsvector generated always as (
    setweight(to_tsvector('vigie_search'::regconfig, regexp_replace(coalesce(title, ''), '[[:punct:]]+', ' ', 'g')), 'A')
    || setweight(to_tsvector('vigie_search'::regconfig, regexp_replace(text, '[[:punct:]]+', ' ', 'g')), 'B')
  ) stored`.execute(db);
  await sql`create index mentions_search_vector on mentions using gin (search_vector)`.execute(db);
}
