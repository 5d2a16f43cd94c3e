import { sql, type Kysely, type Migration } from 'kysely';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';

/**
 * People and access (issue 6, docs/security.md): users, memberships (a user's role in a
 * workspace), sessions, API tokens, one-time tokens (setup link, password reset, invitation),
 * failed sign-ins and the audit log. Secrets are never stored: tokens are kept as the SHA-256 of
 * the value handed out (`token_hash`, unique), passwords as scrypt hashes.
 *
 * Deleting a workspace removes its memberships, sessions, API tokens, invitations and audit
 * entries; deleting a user removes their memberships, sessions and one-time tokens (the API
 * tokens they created stay, bound to their workspace, with `created_by` cleared).
 *
 * Also two indexes for deleting mentions in bulk (erasing an author, retention, removing the
 * demo): one on handles compared lower-cased without a leading `@`, exactly as
 * `mentions.deleteByAuthor` writes it, so an erase reads one range; and one on
 * `conversation_mentions.mention_id`, without which every deleted mention would scan the whole
 * link table to cascade (PostgreSQL does not index the referencing side of a foreign key).
 */
export function identityMigration(dialect: StoreDialect): Migration {
  const { json, timestamp } = dialect.columnTypes;
  const workspaceFk = 'workspaces.id';
  return {
    async up(db: Kysely<Database>): Promise<void> {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('disabled_at', timestamp)
        .execute();

      await db.schema
        .createTable('memberships')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('memberships_pk', ['workspace_id', 'user_id'])
        .execute();
      await db.schema.createIndex('memberships_user').on('memberships').columns(['user_id', 'created_at']).execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('last_seen_at', timestamp, (c) => c.notNull())
        .addColumn('expires_at', timestamp, (c) => c.notNull())
        .addColumn('absolute_expires_at', timestamp, (c) => c.notNull())
        .addColumn('user_agent', 'text')
        .addColumn('ip', 'text')
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema.createIndex('sessions_workspace').on('sessions').column('workspace_id').execute();
      await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references(workspaceFk).onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('last_used_at', timestamp)
        .addColumn('expires_at', timestamp)
        .addColumn('revoked_at', timestamp)
        .execute();
      await db.schema.createIndex('api_tokens_workspace').on('api_tokens').columns(['workspace_id', 'created_at']).execute();
      await db.schema.createIndex('api_tokens_creator').on('api_tokens').column('created_by').execute();

      await db.schema
        .createTable('one_time_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('email', 'text')
        .addColumn('workspace_id', 'text', (c) => c.references(workspaceFk).onDelete('cascade'))
        .addColumn('role', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('expires_at', timestamp, (c) => c.notNull())
        .addColumn('used_at', timestamp)
        .execute();
      await db.schema.createIndex('one_time_tokens_kind').on('one_time_tokens').columns(['kind', 'used_at']).execute();
      await db.schema.createIndex('one_time_tokens_user').on('one_time_tokens').column('user_id').execute();
      await db.schema.createIndex('one_time_tokens_workspace').on('one_time_tokens').column('workspace_id').execute();

      await db.schema
        .createTable('login_attempts')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_attempts_key').on('login_attempts').columns(['key', 'at']).execute();
      await db.schema.createIndex('login_attempts_at').on('login_attempts').column('at').execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.references(workspaceFk).onDelete('cascade'))
        .addColumn('at', timestamp, (c) => c.notNull())
        .addColumn('actor_kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_label', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('ip', 'text')
        .addColumn('details', json)
        .execute();
      await db.schema.createIndex('audit_log_list').on('audit_log').columns(['workspace_id', 'at desc', 'id desc']).execute();

      await db.schema
        .createIndex('mentions_author')
        .on('mentions')
        .expression(sql`workspace_id, ltrim(lower(author_handle), '@')`)
        .execute();
      await db.schema.createIndex('conversation_mentions_mention').on('conversation_mentions').column('mention_id').execute();
    },
  };
}
