import type { Kysely, Migration } from 'kysely';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';

/**
 * The inbox: conversations (threads that may need a human) and the mentions in them, internal
 * notes, saved replies, reply drafts with the guard's verdict, and an audit trail. Everything
 * cascades from the workspace. The list index leads with workspace and lane (active / snoozed / done,
 * derived from the status) because every view filters on one lane, then sorts by priority:
 * one index range, no sort, even with 100k open conversations.
 */
export function inboxMigration(dialect: StoreDialect): Migration {
  const { json, timestamp } = dialect.columnTypes;
  const workspaceFk = 'workspaces.id';
  return {
    async up(db: Kysely<Database>): Promise<void> {
      await db.schema
        .createTable('conversations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('connector', 'text', (c) => c.notNull())
        .addColumn('entry', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('lane', 'text', (c) => c.notNull())
        .addColumn('priority', 'integer', (c) => c.notNull())
        .addColumn('reasons', json, (c) => c.notNull())
        .addColumn('recommendation', json)
        .addColumn('assignee', 'text')
        .addColumn('tags', json, (c) => c.notNull())
        .addColumn('snoozed_until', timestamp)
        .addColumn('topic_id', 'text')
        .addColumn('last_author', 'text', (c) => c.notNull())
        .addColumn('preview', 'text', (c) => c.notNull())
        .addColumn('last_mention_id', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('mention_count', 'integer', (c) => c.notNull())
        .addColumn('first_mention_at', timestamp, (c) => c.notNull())
        .addColumn('first_response_at', timestamp)
        .addColumn('due_at', timestamp)
        .addColumn('last_activity_at', timestamp, (c) => c.notNull())
        .addUniqueConstraint('conversations_identity', ['workspace_id', 'key'])
        .execute();
      await db.schema
        .createIndex('conversations_list')
        .on('conversations')
        .columns(['workspace_id', 'lane', 'priority desc', 'last_activity_at desc', 'id desc'])
        .execute();
      await db.schema.createIndex('conversations_due').on('conversations').columns(['workspace_id', 'lane', 'due_at']).execute();
      await db.schema.createIndex('conversations_assignee').on('conversations').columns(['workspace_id', 'assignee', 'status']).execute();
      await db.schema.createIndex('conversations_responses').on('conversations').columns(['workspace_id', 'first_response_at']).execute();

      await db.schema
        .createTable('conversation_mentions')
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
        .addColumn('mention_id', 'text', (c) => c.notNull().references('mentions.id').onDelete('cascade'))
        .addColumn('published_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('conversation_mentions_pk', ['conversation_id', 'mention_id'])
        .execute();

      await db.schema
        .createTable('conversation_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('conversation_notes_conversation').on('conversation_notes').columns(['conversation_id', 'created_at']).execute();

      await db.schema
        .createTable('conversation_audit')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('details', json, (c) => c.notNull())
        .addColumn('at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('conversation_audit_conversation').on('conversation_audit').columns(['conversation_id', 'at']).execute();

      await db.schema
        .createTable('saved_replies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('saved_replies_workspace').on('saved_replies').columns(['workspace_id', 'name']).execute();

      await db.schema
        .createTable('reply_drafts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('verdict', json, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('hold_until', timestamp)
        .addColumn('sent_external_id', 'text')
        .addColumn('error', json)
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addUniqueConstraint('reply_drafts_idempotency', ['workspace_id', 'idempotency_key'])
        .execute();
      await db.schema.createIndex('reply_drafts_conversation').on('reply_drafts').columns(['conversation_id', 'created_at']).execute();
    },
  };
}
