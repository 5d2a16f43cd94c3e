/**
 * Data rights (docs/security.md § Data rights): a workspace's data as one JSONL export, erasing
 * an author's mentions on request, and a retention period after which mentions are purged.
 *
 * The export is a stream, read from the store page by page: a workspace with millions of
 * mentions never sits in memory. Secrets never leave: source settings are redacted, alert
 * webhook secrets dropped, members are shown without their password hash.
 */
import { AppError, type ConnectorId, type Store } from '@vigie/core';
import { redactSecrets } from '../security/source-secrets';

/** The workspace setting that holds the retention period. */
export const RETENTION_KEY = 'retention';
/** Shortest retention allowed: a purge must never surprise someone looking at last week. */
export const MIN_RETENTION_DAYS = 7;
/** Mentions read from the store per page while exporting. */
const EXPORT_PAGE = 500;
const DAY_MS = 86_400_000;

/** `mentionDays: null` keeps mentions forever (the default). */
export interface RetentionSetting {
  mentionDays: number | null;
}

export interface ErasureReport {
  deletedMentions: number;
  deletedConversations: number;
}

/** Kinds of record in an export, one per line as `{"type": …, …}`. */
export const EXPORT_RECORD_TYPES = ['workspace', 'topic', 'query', 'source', 'member', 'alert_rule', 'saved_reply', 'mention', 'conversation', 'note'] as const;
export type ExportRecordType = (typeof EXPORT_RECORD_TYPES)[number];

const line = (type: ExportRecordType, record: object): string => `${JSON.stringify({ type, ...record })}\n`;

/**
 * @example
 * const rights = createDataRightsService({ store, now });
 * for await (const chunk of rights.exportWorkspace(workspaceId)) out.write(chunk);
 * await rights.eraseAuthor(workspaceId, { handle: '@jeanne@mastodon.social' }); // { deletedMentions: 3, deletedConversations: 1 }
 */
export function createDataRightsService(deps: { store: Store; now: () => Date }) {
  const { store } = deps;

  async function retention(workspaceId: string): Promise<RetentionSetting> {
    const stored = await store.settings.get<RetentionSetting>(workspaceId, RETENTION_KEY);
    return { mentionDays: typeof stored?.mentionDays === 'number' ? stored.mentionDays : null };
  }

  /** Deletes mentions published before the workspace's retention period, then the conversations left empty. */
  async function purge(workspaceId: string): Promise<ErasureReport & { before?: string }> {
    const { mentionDays } = await retention(workspaceId);
    if (mentionDays === null) return { deletedMentions: 0, deletedConversations: 0 };
    const before = new Date(deps.now().getTime() - mentionDays * DAY_MS).toISOString();
    const deletedMentions = await store.mentions.deleteOlderThan(workspaceId, before);
    const deletedConversations = deletedMentions > 0 ? await store.conversations.deleteEmpty(workspaceId) : 0;
    return { deletedMentions, deletedConversations, before };
  }

  return {
    /**
     * The workspace as JSONL chunks (one page of records per chunk): the workspace, topics and
     * their queries, sources (secrets redacted), members, alert rules (webhook secrets dropped),
     * saved replies, mentions, conversations and their notes. Returns how many records per type.
     */
    async *exportWorkspace(workspaceId: string): AsyncGenerator<string, Record<ExportRecordType, number>> {
      const counts = Object.fromEntries(EXPORT_RECORD_TYPES.map((t) => [t, 0])) as Record<ExportRecordType, number>;
      const emit = (type: ExportRecordType, records: object[]): string => {
        counts[type] += records.length;
        return records.map((r) => line(type, r)).join('');
      };
      const workspace = await store.workspaces.get(workspaceId);
      if (!workspace) throw new AppError('not_found', 'no such workspace');
      yield emit('workspace', [workspace]);

      const topics = await store.topics.list(workspaceId);
      yield emit('topic', topics.map(({ queries: _queries, ...topic }) => topic));
      yield emit('query', topics.flatMap((t) => t.queries.map((q) => ({ ...q, topicId: t.id }))));

      const sources = await store.sources.list(workspaceId);
      yield emit('source', sources.map((s) => ({ ...s, ...redactSecrets(s.config) })));

      const members = await store.memberships.listByWorkspace(workspaceId);
      yield emit('member', members.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, createdAt: m.createdAt })));

      const rules = await store.alertRules.list(workspaceId);
      yield emit('alert_rule', rules.map((r) => ({ ...r, channels: r.channels.map((c) => (c.kind === 'webhook' ? { kind: c.kind, url: c.url, format: c.format, hasSecret: Boolean(c.secret) } : c)) })));

      yield emit('saved_reply', await store.savedReplies.list(workspaceId));

      let cursor: string | undefined;
      do {
        const page = await store.mentions.list(workspaceId, {}, { limit: EXPORT_PAGE, cursor });
        yield emit('mention', page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);

      // The three lanes of the inbox (active, snoozed, done) hold every conversation once.
      for (const view of ['open', 'snoozed', 'closed'] as const) {
        let next: string | undefined;
        do {
          const page = await store.conversations.list(workspaceId, { view, now: deps.now().toISOString() }, { limit: EXPORT_PAGE, cursor: next });
          yield emit('conversation', page.items);
          for (const conversation of page.items) {
            const notes = await store.conversations.listNotes(workspaceId, conversation.id);
            if (notes.length > 0) yield emit('note', notes.map((n) => ({ ...n, conversationId: conversation.id })));
          }
          next = page.nextCursor ?? undefined;
        } while (next);
      }
      return counts;
    },

    /**
     * Erases every mention by one author (handle, case-insensitive; optionally on one network),
     * then the conversations left with no message.
     */
    async eraseAuthor(workspaceId: string, author: { handle: string; connector?: ConnectorId }): Promise<ErasureReport> {
      const handle = author.handle.trim();
      if (handle === '') throw new AppError('validation_failed', 'give the author’s handle / indiquez l’identifiant de l’auteur', [{ field: 'handle', message: 'required' }]);
      const deletedMentions = await store.mentions.deleteByAuthor(workspaceId, { handle, ...(author.connector && { connector: author.connector }) });
      const deletedConversations = await store.conversations.deleteEmpty(workspaceId);
      return { deletedMentions, deletedConversations };
    },

    retention,

    /** Sets the retention period (null = keep forever, else at least 7 days) and purges right away. */
    async setRetention(workspaceId: string, setting: RetentionSetting): Promise<RetentionSetting & ErasureReport> {
      const days = setting.mentionDays;
      if (days !== null && (!Number.isInteger(days) || days < MIN_RETENTION_DAYS || days > 36_500)) {
        throw new AppError('validation_failed', `keep mentions at least ${MIN_RETENTION_DAYS} days, or forever / conservez les mentions au moins ${MIN_RETENTION_DAYS} jours, ou sans limite`, [
          { field: 'mentionDays', message: `a whole number of days from ${MIN_RETENTION_DAYS} to 36500, or null` },
        ]);
      }
      await store.settings.set(workspaceId, RETENTION_KEY, { mentionDays: days });
      const purged = await purge(workspaceId);
      return { mentionDays: days, deletedMentions: purged.deletedMentions, deletedConversations: purged.deletedConversations };
    },

    purge,

    /** The daily purge over every workspace that set a retention period; per workspace, what went. */
    async purgeAll(): Promise<{ workspaceId: string; report: ErasureReport & { before?: string } }[]> {
      const done: { workspaceId: string; report: ErasureReport & { before?: string } }[] = [];
      for (const workspace of await store.workspaces.list()) {
        const report = await purge(workspace.id);
        if (report.before !== undefined) done.push({ workspaceId: workspace.id, report });
      }
      return done;
    },
  };
}

export type DataRightsService = ReturnType<typeof createDataRightsService>;
