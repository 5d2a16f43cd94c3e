import type { Store } from '@vigie/core';
import { migrateToLatest } from './migrations/migrate-to-latest';
import type { OpenedDatabase } from './opened-database';
import { openPostgresDatabase, type PostgresOptions } from './postgres/open-database';
import { createAccountRepository } from './repositories/account-repository';
import { createConversationReplyRepository } from './repositories/conversation-reply-repository';
import { createConversationRepository } from './repositories/conversation-repository';
import { createAlertRuleRepository } from './repositories/alert-rule-repository';
import { createApiTokenRepository } from './repositories/api-token-repository';
import { createAuditLogRepository } from './repositories/audit-log-repository';
import { createEpisodeRepository } from './repositories/episode-repository';
import { createLoginAttemptRepository } from './repositories/login-attempt-repository';
import { createMembershipRepository } from './repositories/membership-repository';
import { createMentionRepository } from './repositories/mention-repository';
import { createNotificationRepository } from './repositories/notification-repository';
import { createOneTimeTokenRepository } from './repositories/one-time-token-repository';
import { createOutboxRepository } from './repositories/outbox-repository';
import { createRollupRepository } from './repositories/rollup-repository';
import { createSettingsRepository } from './repositories/settings-repository';
import { createSavedReplyRepository } from './repositories/saved-reply-repository';
import { createSessionRepository } from './repositories/session-repository';
import { createSourceRepository, type ClaimingSourceRepository } from './repositories/source-repository';
import { createTopicRepository } from './repositories/topic-repository';
import { createUserRepository } from './repositories/user-repository';
import { createWorkspaceRepository } from './repositories/workspace-repository';
import { openSqliteDatabase, type SqliteOptions } from './sqlite/open-database';

export type StoreOptions =
  | ({ kind: 'sqlite'; file: string } & SqliteOptions)
  | ({ kind: 'postgres'; url: string } & PostgresOptions);

/** The Store port plus what it does not have yet (for the lead to add to core). */
export interface VigieStore extends Store {
  sources: ClaimingSourceRepository;
}

/**
 * Opens the database, applies pending migrations and returns the repositories. Every failure
 * to use the database (locked file, not a database, unreachable server, missing database…)
 * is `AppError('database_unavailable')` with a one-line message, not a driver stack trace.
 *
 * @example
 * const store = await createStore({ kind: 'sqlite', file: 'vigie-data/vigie.db' });
 * const store = await createStore({ kind: 'postgres', url: 'postgres://vigie@127.0.0.1:5432/vigie' });
 */
export async function createStore(options: StoreOptions): Promise<VigieStore> {
  const opened: OpenedDatabase =
    options.kind === 'sqlite' ? openSqliteDatabase(options.file, options) : await openPostgresDatabase(options.url, options);
  const { db, dialect } = opened;
  const store: VigieStore = {
    dialect: dialect.kind,
    workspaces: createWorkspaceRepository(db, dialect),
    topics: createTopicRepository(db, dialect),
    sources: createSourceRepository(db, dialect),
    accounts: createAccountRepository(db, dialect),
    mentions: createMentionRepository(db, dialect),
    settings: createSettingsRepository(db, dialect),
    rollups: createRollupRepository(db, dialect),
    alertRules: createAlertRuleRepository(db, dialect),
    episodes: createEpisodeRepository(db, dialect),
    outbox: createOutboxRepository(db, dialect),
    notifications: createNotificationRepository(db, dialect),
    conversations: createConversationRepository(db, dialect),
    savedReplies: createSavedReplyRepository(db),
    replies: createConversationReplyRepository(db, dialect),
    users: createUserRepository(db, dialect),
    memberships: createMembershipRepository(db, dialect),
    sessions: createSessionRepository(db, dialect),
    apiTokens: createApiTokenRepository(db, dialect),
    oneTimeTokens: createOneTimeTokenRepository(db),
    loginAttempts: createLoginAttemptRepository(db),
    audit: createAuditLogRepository(db, dialect),
    async migrate() {
      try {
        await migrateToLatest(db, dialect);
      } catch (error) {
        throw opened.describeError(error) ?? error;
      }
    },
    close: () => db.destroy(),
  };
  try {
    await store.migrate();
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return store;
}
