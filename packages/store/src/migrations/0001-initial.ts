import type { Kysely, Migration } from 'kysely';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';

/**
 * The first schema: workspaces and everything scoped by them. Every table carries
 * `workspace_id` with ON DELETE CASCADE, so deleting a workspace deletes all it holds.
 */
export function initialMigration(dialect: StoreDialect): Migration {
  const { json, timestamp, boolean } = dialect.columnTypes;
  return {
    async up(db: Kysely<Database>): Promise<void> {
      const workspaceFk = 'workspaces.id';
      await db.schema
        .createTable('workspaces')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('is_demo', boolean, (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('topics')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('exclusions', 'text')
        .addColumn('color', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('topics_workspace').on('topics').columns(['workspace_id', 'created_at']).execute();

      await db.schema
        .createTable('queries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id').onDelete('cascade'))
        .addColumn('name', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('enabled', boolean, (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('queries_topic').on('queries').columns(['topic_id', 'created_at']).execute();
      await db.schema.createIndex('queries_workspace').on('queries').column('workspace_id').execute();

      await db.schema
        .createTable('sources')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('connector', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('config', json, (c) => c.notNull())
        .addColumn('poll_interval_sec', 'integer', (c) => c.notNull())
        .addColumn('enabled', boolean, (c) => c.notNull())
        .addColumn('state', json, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('last_run_at', timestamp)
        .addColumn('last_success_at', timestamp)
        .addColumn('last_error_at', timestamp)
        .addColumn('last_error_code', 'text')
        .addColumn('last_error_message', 'text')
        .addColumn('consecutive_failures', 'integer', (c) => c.notNull())
        .addColumn('next_run_at', timestamp, (c) => c.notNull())
        .addColumn('last_run', json)
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sources_workspace').on('sources').columns(['workspace_id', 'created_at']).execute();
      // The scheduler's question: which enabled sources are due, soonest first.
      await db.schema.createIndex('sources_due').on('sources').columns(['enabled', 'next_run_at']).execute();

      await db.schema
        .createTable('mentions')
        .addColumn('seq', dialect.serialKey.type, dialect.serialKey.build)
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('source_id', 'text', (c) => c.references('sources.id').onDelete('set null'))
        .addColumn('connector', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('author_handle', 'text', (c) => c.notNull())
        .addColumn('author_name', 'text')
        .addColumn('author_followers', 'integer')
        .addColumn('author_url', 'text')
        .addColumn('author_avatar_url', 'text')
        .addColumn('title', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('html', 'text')
        .addColumn('lang', 'text')
        .addColumn('lang_resolved', 'text')
        .addColumn('sentiment', 'text')
        .addColumn('published_at', timestamp, (c) => c.notNull())
        .addColumn('fetched_at', timestamp, (c) => c.notNull())
        .addColumn('engagement', json, (c) => c.notNull())
        .addColumn('reply_to_external_id', 'text')
        .addColumn('thread_external_id', 'text')
        .addColumn('country', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('raw', json, (c) => c.notNull())
        .addColumn('analysis', json, (c) => c.notNull())
        .addUniqueConstraint('mentions_identity', ['workspace_id', 'connector', 'external_id'])
        .execute();
      // Every list is "newest first in one workspace" (and its cursor): this index serves it.
      await db.schema
        .createIndex('mentions_timeline')
        .on('mentions')
        .columns(['workspace_id', 'published_at desc', 'id desc'])
        .execute();
      await db.schema.createIndex('mentions_source').on('mentions').column('source_id').execute();

      await db.schema
        .createTable('mention_matches')
        .addColumn('mention_id', 'text', (c) => c.notNull().references('mentions.id').onDelete('cascade'))
        .addColumn('query_id', 'text', (c) => c.references('queries.id').onDelete('cascade'))
        .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id').onDelete('cascade'))
        .execute();
      await db.schema.createIndex('mention_matches_mention').on('mention_matches').column('mention_id').execute();
      await db.schema.createIndex('mention_matches_topic').on('mention_matches').columns(['topic_id', 'mention_id']).execute();
      await db.schema.createIndex('mention_matches_query').on('mention_matches').columns(['query_id', 'mention_id']).execute();

      await db.schema
        .createTable('settings')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', json, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('settings_pk', ['workspace_id', 'key'])
        .execute();

      await dialect.createFullTextSchema(db);
    },
  };
}
