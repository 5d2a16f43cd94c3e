import { describe, expect, it } from 'vitest';
import type { Conversation, ConversationSighting, Mention } from '@vigie/core';
import type { VigieStore } from '../create-store';
import { uniqueSlug } from '../cases/catalog-cases';
import { at, makeMention } from '../cases/mention-factory';

const recommendation = { action: 'reply' as const, reasons: [], priority: 40, priorityReasons: [] };

function sighting(mention: Mention, key: string, priority: number, overrides: Partial<ConversationSighting> = {}): ConversationSighting {
  return {
    key, connector: mention.connector, entry: 'question', mentionId: mention.id, publishedAt: mention.publishedAt, priority,
    reasons: [{ code: 'unanswered_question', message: 'Unanswered question', messageFr: 'Question sans réponse' }],
    recommendation: { ...recommendation, priority }, dueAt: at(60), lastAuthor: mention.author.handle, preview: mention.text, ...overrides,
  };
}

/** Inbox: conversations, views, notes, audit, saved replies, reply drafts (both databases). */
export function conversationCases(getStore: () => VigieStore): void {
  async function seed(store: VigieStore, count: number) {
    const ws = await store.workspaces.create({ name: 'Inbox', slug: uniqueSlug('inbox') });
    const { inserted } = await store.mentions.upsertMany(ws.id, Array.from({ length: count }, (_, i) => makeMention({ publishedAt: at(i) })));
    return { ws, mentions: inserted };
  }

  describe('conversations', () => {
    it('groups mentions of one thread, keeps the latest message and is idempotent per mention', async () => {
      const store = getStore();
      const { ws, mentions } = await seed(store, 2);
      const first = await store.conversations.record(ws.id, sighting(mentions[0]!, 'rss:root', 30));
      const again = await store.conversations.record(ws.id, sighting(mentions[0]!, 'rss:root', 30));
      const second = await store.conversations.record(ws.id, sighting(mentions[1]!, 'rss:root', 55));
      expect(again.id).toBe(first.id);
      expect(second).toMatchObject({ id: first.id, mentionCount: 2, priority: 55, lastMentionId: mentions[1]!.id, status: 'open', firstMentionAt: mentions[0]!.publishedAt });
      expect(await store.conversations.mentionIds(ws.id, first.id)).toEqual([mentions[0]!.id, mentions[1]!.id]);
    });

    it('lists each view by priority with a keyset cursor, and never across workspaces', async () => {
      const store = getStore();
      const { ws, mentions } = await seed(store, 5);
      const other = await seed(store, 1);
      await store.conversations.record(other.ws.id, sighting(other.mentions[0]!, 'rss:x', 99));
      const made = [];
      for (const [i, m] of mentions.entries()) made.push(await store.conversations.record(ws.id, sighting(m, `rss:${i}`, 10 * (i + 1), { dueAt: at(i * 100) })));
      const now = at(250);
      const page1 = await store.conversations.list(ws.id, { view: 'open', now }, { limit: 2 });
      const page2 = await store.conversations.list(ws.id, { view: 'open', now }, { limit: 2, cursor: page1.nextCursor! });
      const page3 = await store.conversations.list(ws.id, { view: 'open', now }, { limit: 2, cursor: page2.nextCursor! });
      expect([...page1.items, ...page2.items, ...page3.items].map((c) => c.priority)).toEqual([50, 40, 30, 20, 10]);
      expect(page3.nextCursor).toBeNull();

      // Overdue: the latest first response first (due 0, 100, 200 min), paged by due date.
      const overdue1 = await store.conversations.list(ws.id, { view: 'overdue', now }, { limit: 2 });
      const overdue2 = await store.conversations.list(ws.id, { view: 'overdue', now }, { limit: 2, cursor: overdue1.nextCursor! });
      expect([...overdue1.items, ...overdue2.items].map((c) => c.priority)).toEqual([10, 20, 30]);
      expect(overdue2.nextCursor).toBeNull();

      await store.conversations.update(ws.id, made[4]!.id, { assignee: 'alice', status: 'assigned', tags: ['vip', 'vip', 'livraison'] });
      const mine = await store.conversations.list(ws.id, { view: 'mine', member: 'alice', now }, { limit: 10 });
      expect(mine.items.map((c) => [c.id, c.tags])).toEqual([[made[4]!.id, ['vip', 'livraison']]]);
      expect((await store.conversations.list(ws.id, { view: 'open', tag: 'vip', now }, { limit: 10 })).items).toHaveLength(1);

      expect(await store.conversations.updateMany(ws.id, [made[0]!.id, made[1]!.id, other.ws.id], { status: 'closed' })).toBe(2);
      expect((await store.conversations.list(ws.id, { view: 'closed', now }, { limit: 10 })).items).toHaveLength(2);
      expect(await store.conversations.get(other.ws.id, made[0]!.id)).toBeUndefined();
      expect(await store.conversations.countActiveByBand(ws.id)).toEqual({ urgent: 0, high: 2, normal: 1, low: 0 });
    });

    it('wakes snoozed conversations when their time comes and reopens a replied thread on a new message', async () => {
      const store = getStore();
      const { ws, mentions } = await seed(store, 2);
      const c = await store.conversations.record(ws.id, sighting(mentions[0]!, 'rss:s', 40));
      await store.conversations.update(ws.id, c.id, { status: 'snoozed', snoozedUntil: at(100) });
      expect((await store.conversations.list(ws.id, { view: 'snoozed', now: at(50) }, { limit: 5 })).items).toHaveLength(1);
      expect((await store.conversations.list(ws.id, { view: 'open', now: at(150) }, { limit: 5 })).items.map((x) => x.id)).toEqual([c.id]);

      await store.conversations.update(ws.id, c.id, { status: 'replied', firstResponseAt: at(160) });
      const reopened = await store.conversations.record(ws.id, sighting(mentions[1]!, 'rss:s', 40));
      expect(reopened).toMatchObject({ status: 'open', firstResponseAt: at(160) });
      expect(await store.conversations.firstResponses(ws.id, at(0))).toEqual([{ connector: 'rss', firstMentionAt: mentions[0]!.publishedAt, firstResponseAt: at(160) }]);
    });

    it('keeps notes and an audit trail in order', async () => {
      const store = getStore();
      const { ws, mentions } = await seed(store, 1);
      const c = await store.conversations.record(ws.id, sighting(mentions[0]!, 'rss:n', 40));
      await store.conversations.addNote(ws.id, c.id, { author: 'alice', text: 'Client fidèle' });
      await store.conversations.addAudit(ws.id, { conversationId: c.id, actor: 'alice', action: 'status', details: { to: 'closed' } });
      expect((await store.conversations.listNotes(ws.id, c.id)).map((n) => n.text)).toEqual(['Client fidèle']);
      expect((await store.conversations.listAudit(ws.id, c.id))[0]).toMatchObject({ action: 'status', details: { to: 'closed' } });
      const stranger = await store.workspaces.create({ name: 'Other', slug: uniqueSlug('other') });
      await expect(store.conversations.addNote(stranger.id, c.id, { author: 'eve', text: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  describe('saved replies and reply drafts', () => {
    it('creates, lists by name, updates and deletes saved replies', async () => {
      const store = getStore();
      const { ws } = await seed(store, 0);
      const r = await store.savedReplies.create(ws.id, { name: 'Merci', lang: 'fr', text: 'Merci {author} !' });
      await store.savedReplies.create(ws.id, { name: 'Apology', lang: 'en', text: 'Sorry {author}' });
      expect((await store.savedReplies.list(ws.id)).map((s) => s.name)).toEqual(['Apology', 'Merci']);
      expect(await store.savedReplies.update(ws.id, r.id, { text: 'Merci beaucoup {author} !' })).toMatchObject({ text: 'Merci beaucoup {author} !' });
      expect(await store.savedReplies.delete(ws.id, r.id)).toBe(true);
      expect(await store.savedReplies.delete(ws.id, r.id)).toBe(false);
    });

    it('returns the first draft for a reused idempotency key and records the send outcome', async () => {
      const store = getStore();
      const { ws, mentions } = await seed(store, 1);
      const c = await store.conversations.record(ws.id, sighting(mentions[0]!, 'rss:r', 40));
      const input = { conversationId: c.id, text: 'Oui, dès demain.', author: 'alice', verdict: { verdict: 'ok' }, status: 'draft' as const, idempotencyKey: 'k-1' };
      const first = await store.replies.create(ws.id, input);
      const retry = await store.replies.create(ws.id, { ...input, text: 'autre' });
      expect(first.created).toBe(true);
      expect(retry).toMatchObject({ created: false, draft: { id: first.draft.id, text: 'Oui, dès demain.' } });
      const sent = await store.replies.update(ws.id, first.draft.id, { status: 'sent', sentExternalId: 'ext-9' });
      expect(sent).toMatchObject({ status: 'sent', sentExternalId: 'ext-9', verdict: { verdict: 'ok' } });
      expect((await store.replies.listByConversation(ws.id, c.id)).map((d) => d.id)).toEqual([first.draft.id]);
    });

    it('finds drafts left sending (per workspace), and lists the low-priority queue under a ceiling', async () => {
      const store = getStore();
      const { ws, mentions } = await seed(store, 3);
      const other = await seed(store, 1);
      const made: Conversation[] = [];
      for (const [i, m] of mentions.entries()) made.push(await store.conversations.record(ws.id, sighting(m, `rss:low${i}`, [5, 14, 15][i]!)));
      const low = await store.conversations.list(ws.id, { view: 'open', now: at(10), maxPriority: 15 }, { limit: 10 });
      expect(low.items.map((c) => c.priority)).toEqual([14, 5]);
      const draft = (status: 'sending' | 'sent', key: string, workspaceId = ws.id, conversationId = made[0]!.id) =>
        store.replies.create(workspaceId, { conversationId, text: 'Merci !', author: 'alice', verdict: null, status: 'approved', idempotencyKey: key }).then(({ draft: d }) => store.replies.update(workspaceId, d.id, { status }));
      const sending = await draft('sending', 's-1');
      await draft('sent', 's-2');
      const elsewhere = await store.conversations.record(other.ws.id, sighting(other.mentions[0]!, 'rss:o', 40));
      await draft('sending', 's-3', other.ws.id, elsewhere.id);
      expect((await store.replies.listByStatus(ws.id, 'sending', 10)).map((d) => d.id)).toEqual([sending!.id]);
    });
  });
}
