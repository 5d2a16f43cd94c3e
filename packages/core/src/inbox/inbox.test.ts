import { describe, expect, it } from 'vitest';
import type { Mention } from '../domain/mention';
import { conversationKeyOf, inboxEntryReason } from './inbox-entry';
import { countByBand, estimateClearMinutes, nextInFocus, orderForFocus, splitForDigest, timeBudget } from './focus-queue';
import { fillSavedReply } from './inbox-status';
import { triageConversation, type InboxRecommendation } from './triage-conversation';

const base: Mention = {
  id: 'm1', workspaceId: 'w', connector: 'mastodon', externalId: '10', author: { handle: '@jeanne@piaille.fr' },
  text: 'Bonjour', kind: 'post', publishedAt: '2026-11-25T09:00:00.000Z', engagement: {}, raw: {},
  fetchedAt: '2026-11-25T09:00:00.000Z', analysis: {}, queryIds: [], topicIds: [],
};
const withAnalysis = (analysis: Record<string, unknown>): Mention => ({ ...base, analysis: analysis as Mention['analysis'] });

describe('inbox entry', () => {
  it('takes questions, private messages, replies to our posts, aggression and negative reach', () => {
    expect(inboxEntryReason(withAnalysis({ question: { analyzer: 'q@1', isQuestion: true } }))).toBe('question');
    expect(inboxEntryReason({ ...base, kind: 'message' })).toBe('direct_message');
    expect(inboxEntryReason({ ...base, replyToExternalId: 'p1' }, { ownPostIds: new Set(['p1']) })).toBe('own_post_reply');
    expect(inboxEntryReason(withAnalysis({ aggressive: { analyzer: 'a@1', label: 'toxic' } }))).toBe('aggressive');
    const negative = { ...withAnalysis({ sentiment: { analyzer: 's@1', label: 'negative', score: -0.8 } }), author: { handle: 'x', followers: 25_000 } };
    expect(inboxEntryReason(negative)).toBe('negative_reach');
  });

  it('leaves out neutral chatter, small negative voices and our own posts', () => {
    expect(inboxEntryReason(base)).toBeUndefined();
    expect(inboxEntryReason(withAnalysis({ sentiment: { analyzer: 's@1', label: 'negative', score: -0.8 } }))).toBeUndefined();
    expect(inboxEntryReason({ ...base, kind: 'message' }, { ownHandles: ['@Jeanne@piaille.fr'] })).toBeUndefined();
  });

  it('groups a thread under its root, per network', () => {
    expect(conversationKeyOf({ ...base, threadExternalId: '1', replyToExternalId: '5' })).toBe('mastodon:1');
    expect(conversationKeyOf({ ...base, replyToExternalId: '5' })).toBe('mastodon:5');
    expect(conversationKeyOf({ ...base, connector: 'bluesky' })).toBe('bluesky:10');
  });
});

describe('triage', () => {
  const rec: InboxRecommendation = { action: 'reply', priority: 45, reasons: [], priorityReasons: [{ code: 'unanswered_question', message: 'Unanswered question', messageFr: 'Question sans réponse' }] };

  it('raises an overdue conversation and says by how much, in both languages', () => {
    const t = triageConversation({ recommendation: rec, entry: 'question', dueAt: '2026-11-27T10:00:00Z', now: new Date('2026-11-27T12:30:00Z') });
    expect(t.priority).toBe(65);
    expect(t.reasons[0]).toEqual({ code: 'overdue', message: 'First response overdue by 2 h', messageFr: 'Première réponse en retard de 2 h' });
  });

  it('keeps "don\'t respond" conversations at the bottom with the reason why', () => {
    const troll: InboxRecommendation = { action: 'dont_respond', priority: 5, reasons: [{ code: 'troll', message: 'Bait', messageFr: 'Provocation' }], priorityReasons: [] };
    const t = triageConversation({ recommendation: troll, entry: 'aggressive', dueAt: '2026-11-27T10:00:00Z', now: new Date('2026-11-28T10:00:00Z') });
    expect(t.priority).toBeLessThanOrEqual(5);
    expect(t.reasons.map((r) => r.code)).toContain('troll');
  });
});

describe('focus', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const items = [
    { id: 'a', priority: 50, dueAt: '2026-11-25T15:00:00Z', lastActivityAt: '2026-11-25T09:00:00Z' },
    { id: 'b', priority: 30, dueAt: '2026-11-25T11:00:00Z', lastActivityAt: '2026-11-25T08:00:00Z' },
    { id: 'c', priority: 50, dueAt: '2026-11-25T14:00:00Z', lastActivityAt: '2026-11-25T09:00:00Z', assignee: 'bob' },
    { id: 'd', priority: 5, lastActivityAt: '2026-11-25T07:00:00Z' },
  ];

  it('serves overdue first, then priority, then the earliest due date', () => {
    expect(orderForFocus(items, now).map((i) => i.id)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('never serves someone else\'s conversation nor a digest item', () => {
    expect(nextInFocus(items, 'alice', now)?.id).toBe('b');
    expect(nextInFocus(items.filter((i) => i.id !== 'b'), 'alice', now)?.id).toBe('a');
    expect(nextInFocus([items[3]!], 'alice', now)).toBeUndefined();
    expect(splitForDigest(items).digest.map((i) => i.id)).toEqual(['d']);
  });

  it('estimates the time to clear the queue and tracks the daily budget', () => {
    expect(estimateClearMinutes(countByBand([80, 75, 20, 20, 5]))).toBe(12 * 2 + 5 * 2 + 2);
    expect(estimateClearMinutes({ normal: 4 }, { normal: 3 })).toBe(12);
    expect(timeBudget(90, 30)).toEqual({ budgetMinutes: 90, spentMinutes: 30, remainingMinutes: 60, exhausted: false });
    expect(timeBudget(90, 100).exhausted).toBe(true);
  });

  it('fills saved-reply variables and leaves unknown ones visible', () => {
    expect(fillSavedReply('Bonjour {author}, merci pour {topic} {x}', { author: 'Jeanne', topic: 'Vigie' })).toBe('Bonjour Jeanne, merci pour Vigie {x}');
  });
});
