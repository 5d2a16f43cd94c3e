import { afterEach, describe, expect, it } from 'vitest';
import type { MentionInput } from '@vigie/core';
import { createTestVigie, type TestVigie } from '../test/test-vigie';
import type { ReplySender } from '../services/conversation-reply-service';

const NOW = new Date('2026-11-25T15:00:00.000Z'); // a Wednesday, 16:00 in Paris

function post(externalId: string, text: string, extra: Partial<MentionInput> = {}): MentionInput {
  return {
    connector: 'mastodon', externalId, url: `https://piaille.fr/@jeanne/${externalId}`, author: { handle: '@jeanne@piaille.fr', followers: 300 },
    text, lang: 'fr', kind: 'post', publishedAt: '2026-11-25T09:00:00.000Z', engagement: {}, raw: {}, ...extra,
  };
}

describe('inbox API', () => {
  let t: TestVigie;
  afterEach(() => t.close());

  async function seed(): Promise<void> {
    t.vigie.inboxWorker.start();
    const ws = t.vigie.defaultWorkspace.id;
    await t.vigie.ingest(ws, [
      post('q1', 'Bonjour, est-ce que vous livrez en Belgique ? Merci de me répondre.'),
      post('q2', 'Et pour la Suisse aussi ?', { threadExternalId: 'q1', replyToExternalId: 'q1', publishedAt: '2026-11-25T09:30:00.000Z' }),
      post('n1', 'Il fait beau à Lyon aujourd’hui.'),
      post('dm', 'Bonjour, ma commande n’est toujours pas arrivée, pouvez-vous regarder ?', { kind: 'message', externalId: 'dm' }),
    ]);
    await t.vigie.inboxWorker.idle();
  }

  it('groups a thread, leaves chatter out, and lists by priority with reasons in both languages', async () => {
    t = await createTestVigie({}, () => NOW);
    await seed();
    const open = await t.call('GET', '/api/conversations?view=open');
    expect(open.status).toBe(200);
    const items = open.json.items as { key: string; priority: number; mentionCount: number; reasons: { message: string; messageFr: string }[]; recommendation: { action: string }; sla: string }[];
    expect(items.map((i) => i.key).sort()).toEqual(['mastodon:dm', 'mastodon:q1']);
    expect(items.map((i) => i.priority)).toEqual([...items.map((i) => i.priority)].sort((a, b) => b - a));
    const thread = items.find((i) => i.key === 'mastodon:q1')!;
    expect(thread.mentionCount).toBe(2);
    expect(thread.recommendation.action).toMatch(/reply/);
    expect(thread.reasons.length).toBeGreaterThan(0);
    expect(thread.reasons.every((r) => r.message && r.messageFr)).toBe(true);
    const unanswered = await t.call('GET', '/api/conversations?view=unanswered');
    expect((unanswered.json.items as unknown[]).length).toBeGreaterThan(0);
    const bad = await t.call('GET', '/api/conversations?view=mine');
    expect(bad.status).toBe(400);
  });

  it('assigns, tags, snoozes, closes in bulk, keeps notes and an audit trail', async () => {
    t = await createTestVigie({}, () => NOW);
    await seed();
    const listed = (await t.call('GET', '/api/conversations')).json.items as { id: string; key: string }[];
    const first = listed.find((i) => i.key === 'mastodon:q1');
    const second = listed.find((i) => i.key === 'mastodon:dm');
    const assigned = await t.call('PATCH', `/api/conversations/${first!.id}`, { assignee: 'alice', tags: ['livraison'], actor: 'bob' });
    expect(assigned.json).toMatchObject({ status: 'assigned', assignee: 'alice', tags: ['livraison'] });
    expect(((await t.call('GET', '/api/conversations?view=mine&member=alice')).json.items as { id: string }[]).map((i) => i.id)).toEqual([first!.id]);
    const snoozed = await t.call('PATCH', `/api/conversations/${second!.id}`, { snoozedUntil: '2026-11-26T08:00:00Z' });
    expect(snoozed.json).toMatchObject({ status: 'snoozed' });
    expect(((await t.call('GET', '/api/conversations?view=snoozed')).json.items as unknown[]).length).toBe(1);
    expect((await t.call('POST', `/api/conversations/${first!.id}/notes`, { text: 'Client fidèle depuis 2019', author: 'alice' })).status).toBe(201);
    expect((await t.call('POST', '/api/conversations/bulk', { ids: [first!.id, second!.id], patch: { status: 'closed' } })).json).toEqual({ updated: 2 });
    const detail = await t.call('GET', `/api/conversations/${first!.id}`);
    expect(detail.json).toMatchObject({ status: 'closed', notes: [{ author: 'alice', text: 'Client fidèle depuis 2019' }] });
    expect((detail.json.mentions as unknown[]).length).toBe(2);
    expect((detail.json.audit as { action: string; actor: string }[]).map((a) => [a.action, a.actor])).toEqual([['update', 'bob'], ['bulk', 'team']]);
    expect((await t.call('GET', '/api/conversations/nope')).status).toBe(404);
  });

  it('checks a draft with the guard', async () => {
    t = await createTestVigie({}, () => NOW);
    const held = await t.call('POST', '/api/guard', { text: 'Votre commande CMD-458712 est bloquée, appelez le 06 12 34 56 78', lang: 'fr' });
    expect(held.status).toBe(200);
    expect(held.json.verdict).toBe('hold');
    expect(held.json.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'personal_data' })]));
    expect(Object.keys(held.json)).toEqual(['verdict', 'reasons', 'suggestions', 'scores']);
    const ok = await t.call('POST', '/api/guard', { text: 'Oui, nous livrons en Belgique en 3 jours.', replyTo: 'Vous livrez en Belgique ?', network: 'x' });
    expect(ok.json.verdict).toBe('ok');
    expect((await t.call('POST', '/api/guard', { text: '' })).status).toBe(400);
  });

  it('opens a reply on the network when it cannot be posted, and confirms it by hand', async () => {
    t = await createTestVigie({}, () => NOW);
    await seed();
    const id = ((await t.call('GET', '/api/conversations')).json.items as { id: string; key: string }[]).find((i) => i.key === 'mastodon:q1')!.id;
    const reply = await t.call('POST', `/api/conversations/${id}/replies`, { text: 'Oui, nous livrons en Belgique et en Suisse en 3 jours.', idempotencyKey: 'reply-0001' });
    expect(reply.json).toMatchObject({ status: 'awaiting_confirmation', openUrl: 'https://piaille.fr/@jeanne/q2' });
    // Asked at 10:00 Paris, answered at 16:00: later than any target under one working day.
    const confirmed = await t.call('POST', `/api/replies/${reply.json.id as string}/confirm`, { actor: 'alice' });
    expect(confirmed.json).toMatchObject({ status: 'sent' });
    const after = await t.call('GET', `/api/conversations/${id}`);
    expect(after.json).toMatchObject({ status: 'replied', firstResponseAt: NOW.toISOString(), sla: 'missed' });
    const stats = await t.call('GET', '/api/inbox/stats');
    expect(stats.json).toMatchObject({ firstResponse: { all: { count: 1 }, byNetwork: [{ key: 'mastodon', count: 1 }] } });
  });

  it('holds a risky reply until approved, keeps a failed send, and never posts twice on retry', async () => {
    const calls: string[] = [];
    let failNext = true;
    const sender: ReplySender = async ({ text, idempotencyKey }) => {
      calls.push(idempotencyKey);
      if (failNext) {
        failNext = false;
        throw Object.assign(new Error('Mastodon is unavailable'), { code: 'upstream_unavailable' });
      }
      return { kind: 'sent', externalId: `posted-${text.length}` };
    };
    t = await createTestVigie({ guardCooldownMinutes: 45 }, () => NOW, { replySender: sender });
    await seed();
    const id = ((await t.call('GET', '/api/conversations')).json.items as { id: string; key: string }[]).find((i) => i.key === 'mastodon:q1')!.id;

    const held = await t.call('POST', `/api/conversations/${id}/replies`, { text: 'Appelez-moi au 06 12 34 56 78 pour votre commande CMD-458712.', idempotencyKey: 'held-0001' });
    expect(held.json).toMatchObject({ status: 'held', holdUntil: new Date(NOW.getTime() + 45 * 60_000).toISOString() });
    expect(calls).toEqual([]);

    const first = await t.call('POST', `/api/conversations/${id}/replies`, { text: 'Oui, nous livrons en Belgique en 3 jours.', idempotencyKey: 'send-0001' });
    expect(first.json).toMatchObject({ status: 'failed', error: { code: 'upstream_unavailable', message: 'Mastodon is unavailable' }, text: 'Oui, nous livrons en Belgique en 3 jours.' });
    const retry = await t.call('POST', `/api/conversations/${id}/replies`, { text: 'Oui, nous livrons en Belgique en 3 jours.', idempotencyKey: 'send-0001' });
    expect(retry.json).toMatchObject({ id: first.json.id, status: 'sent' });
    const again = await t.call('POST', `/api/conversations/${id}/replies`, { text: 'Oui, nous livrons en Belgique en 3 jours.', idempotencyKey: 'send-0001' });
    expect(again.json).toMatchObject({ id: first.json.id, status: 'sent' });
    expect(calls).toEqual(['send-0001', 'send-0001']);

    const approved = await t.call('POST', `/api/replies/${held.json.id as string}/approve`, { actor: 'manager' });
    expect(approved.json).toMatchObject({ status: 'sent' });
    const audit = (await t.call('GET', `/api/conversations/${id}`)).json.audit as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['reply.held', 'reply.created', 'reply.failed', 'reply.sent', 'reply.approved', 'reply.sent']);
  });

  it('serves the next most important conversation, tracks the daily time budget, and manages saved replies', async () => {
    t = await createTestVigie({}, () => NOW);
    await seed();
    const list = (await t.call('GET', '/api/conversations')).json.items as { id: string }[];
    const next = await t.call('GET', '/api/focus/next?member=alice');
    expect((next.json.item as { id: string }).id).toBe(list[0]!.id);
    expect(next.json.budget).toEqual({ budgetMinutes: 90, spentMinutes: 0, remainingMinutes: 90, exhausted: false });
    expect((await t.call('PUT', '/api/inbox/budget', { member: 'alice', minutes: 30 })).json).toMatchObject({ budgetMinutes: 30, remainingMinutes: 30 });
    await t.call('POST', '/api/inbox/budget/time', { member: 'alice', minutes: 20 });
    const spent = await t.call('POST', '/api/inbox/budget/time', { member: 'alice', minutes: 15 });
    expect(spent.json).toEqual({ budgetMinutes: 30, spentMinutes: 35, remainingMinutes: 0, exhausted: true });
    expect((await t.call('GET', '/api/inbox/budget?member=bob')).json).toMatchObject({ spentMinutes: 0, exhausted: false });
    const created = await t.call('POST', '/api/saved-replies', { name: 'Merci', lang: 'fr', text: 'Merci {author} !' });
    expect(created.status).toBe(201);
    expect((await t.call('PATCH', `/api/saved-replies/${created.json.id as string}`, { text: 'Merci beaucoup {author} !' })).json).toMatchObject({ text: 'Merci beaucoup {author} !' });
    expect(((await t.call('GET', '/api/saved-replies')).json.items as unknown[]).length).toBe(1);
    expect((await t.call('DELETE', `/api/saved-replies/${created.json.id as string}`)).status).toBe(204);
    expect((await t.call('DELETE', `/api/saved-replies/${created.json.id as string}`)).status).toBe(404);
  });
});
