import { afterEach, describe, expect, it } from 'vitest';
import type { MentionInput } from '@vigie/core';
import { createTestToken, createTestVigie, openTestSession, type TestVigie } from '../test/test-vigie';
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
    // A token created by a person sees that person's "mine"; one nobody created must name the member.
    expect((await t.call('GET', '/api/conversations?view=mine')).status).toBe(200);
    const orphan = await createTestToken(t.vigie, t.vigie.defaultWorkspace.id, 'agent');
    const bad = await t.callAs({ token: orphan }, 'GET', '/api/conversations?view=mine');
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ details: [{ field: 'member' }] });
  });

  it('assigns, tags, snoozes, closes in bulk, keeps notes and an audit trail under the caller', async () => {
    t = await createTestVigie({}, () => NOW);
    await seed();
    const agent = await t.sessionFor('agent');
    const manager = await t.sessionFor('manager');
    const listed = (await t.call('GET', '/api/conversations')).json.items as { id: string; key: string }[];
    const first = listed.find((i) => i.key === 'mastodon:q1');
    const second = listed.find((i) => i.key === 'mastodon:dm');
    // The manager assigns to the agent, claiming in the body to be someone else: the audit names the manager.
    const assigned = await t.callAs('manager', 'PATCH', `/api/conversations/${first!.id}`, { assignee: agent.userId, tags: ['livraison'], actor: 'bob' });
    expect(assigned.json).toMatchObject({ status: 'assigned', assignee: agent.userId, assigneeName: 'agent', tags: ['livraison'] });
    expect(((await t.callAs('agent', 'GET', '/api/conversations?view=mine')).json.items as { id: string }[]).map((i) => i.id)).toEqual([first!.id]);
    expect(((await t.call('GET', `/api/conversations?view=mine&member=${agent.userId}`)).json.items as { id: string }[]).map((i) => i.id)).toEqual([first!.id]);
    const snoozed = await t.call('PATCH', `/api/conversations/${second!.id}`, { snoozedUntil: '2026-11-26T08:00:00Z' });
    expect(snoozed.json).toMatchObject({ status: 'snoozed' });
    expect(((await t.call('GET', '/api/conversations?view=snoozed')).json.items as unknown[]).length).toBe(1);
    const note = await t.callAs('agent', 'POST', `/api/conversations/${first!.id}/notes`, { text: 'Client fidèle depuis 2019', author: 'alice' });
    expect(note.status).toBe(201);
    expect(note.json).toMatchObject({ author: agent.userId, authorName: 'agent' });
    expect((await t.callAs('agent', 'POST', '/api/conversations/bulk', { ids: [first!.id, second!.id], patch: { status: 'closed' }, actor: 'manager' })).json).toEqual({ updated: 2 });
    const detail = await t.call('GET', `/api/conversations/${first!.id}`);
    expect(detail.json).toMatchObject({ status: 'closed', notes: [{ author: agent.userId, authorName: 'agent', text: 'Client fidèle depuis 2019' }] });
    expect((detail.json.mentions as unknown[]).length).toBe(2);
    expect((detail.json.audit as { action: string; actor: string; actorName: string }[]).map((a) => [a.action, a.actor, a.actorName])).toEqual([['update', manager.userId, 'manager'], ['bulk', agent.userId, 'agent']]);
    // A member removed since keeps their name on what they did.
    await t.vigie.store.memberships.remove(t.vigie.defaultWorkspace.id, agent.userId);
    expect((await t.call('GET', `/api/conversations/${first!.id}`)).json).toMatchObject({ assigneeName: 'agent', notes: [{ authorName: 'agent' }] });
    expect((await t.call('GET', '/api/conversations/nope')).status).toBe(404);
  });

  it('refuses to assign a conversation to a non-member or an analyst', async () => {
    t = await createTestVigie({}, () => NOW);
    await seed();
    const analyst = await t.sessionFor('analyst');
    const other = await t.createWorkspace();
    const stranger = (await t.vigie.store.memberships.listByWorkspace(other.workspace.id))[0]!.userId;
    const id = ((await t.call('GET', '/api/conversations')).json.items as { id: string }[])[0]!.id;
    for (const assignee of ['alice', analyst.userId, stranger]) {
      const refused = await t.callAs('manager', 'PATCH', `/api/conversations/${id}`, { assignee });
      expect(refused.status, assignee).toBe(400);
      expect(refused.json.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'assignee' }] });
    }
    expect((await t.callAs('manager', 'POST', '/api/conversations/bulk', { ids: [id], patch: { assignee: analyst.userId } })).status).toBe(400);
    expect((await t.call('GET', `/api/conversations/${id}`)).json).toMatchObject({ status: 'open' });
    expect((await t.call('GET', `/api/conversations/${id}`)).json.assignee).toBeUndefined();
  });

  it('shows older free-text assignees, notes and audit lines as they were written', async () => {
    t = await createTestVigie({}, () => NOW);
    await seed();
    const ws = t.vigie.defaultWorkspace.id;
    const id = ((await t.call('GET', '/api/conversations')).json.items as { id: string }[])[0]!.id;
    await t.vigie.store.conversations.update(ws, id, { assignee: 'alice', status: 'assigned' });
    await t.vigie.store.conversations.addNote(ws, id, { author: 'alice', text: 'Ancienne note' });
    await t.vigie.store.conversations.addAudit(ws, { conversationId: id, actor: 'team', action: 'update', details: {} });
    const detail = await t.call('GET', `/api/conversations/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({ assignee: 'alice', assigneeName: 'alice', notes: [{ author: 'alice', authorName: 'alice' }], audit: [{ actor: 'team', actorName: 'team' }] });
    expect(((await t.call('GET', '/api/conversations?view=mine&member=alice')).json.items as { id: string }[]).map((i) => i.id)).toEqual([id]);
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
    // An API token acts under its own name, whatever the body says.
    expect(confirmed.json).toMatchObject({ status: 'sent', authorName: 'test owner' });
    expect(confirmed.json.author).toMatch(/^token:/);
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
    const audit = (await t.call('GET', `/api/conversations/${id}`)).json.audit as { action: string; actorName: string }[];
    expect(audit.map((a) => a.action)).toEqual(['reply.held', 'reply.created', 'reply.failed', 'reply.sent', 'reply.approved', 'reply.sent']);
    expect(new Set(audit.map((a) => a.actorName))).toEqual(new Set(['test owner']));
  });

  it('attributes a reply, its approval and its confirmation to the signed-in members, not to names in the body', async () => {
    t = await createTestVigie({}, () => NOW);
    await seed();
    const agent = await t.sessionFor('agent');
    const manager = await t.sessionFor('manager');
    const id = ((await t.call('GET', '/api/conversations')).json.items as { id: string; key: string }[]).find((i) => i.key === 'mastodon:q1')!.id;
    const held = await t.callAs('agent', 'POST', `/api/conversations/${id}/replies`, { text: 'Appelez-moi au 06 12 34 56 78 pour votre commande CMD-458712.', author: manager.userId });
    expect(held.json).toMatchObject({ status: 'held', author: agent.userId, authorName: 'agent' });
    expect((await t.callAs('agent', 'POST', `/api/replies/${held.json.id as string}/approve`, {})).status).toBe(403);
    const approved = await t.callAs('manager', 'POST', `/api/replies/${held.json.id as string}/approve`, { actor: 'the boss' });
    expect(approved.json).toMatchObject({ status: 'awaiting_confirmation', author: agent.userId, authorName: 'agent' });
    await t.callAs('agent', 'POST', `/api/replies/${held.json.id as string}/confirm`, { actor: manager.userId });
    const detail = await t.call('GET', `/api/conversations/${id}`);
    const audit = (detail.json.audit as { action: string; actor: string; actorName: string }[]).map((a) => [a.action, a.actorName]);
    expect(audit).toEqual([['reply.held', 'agent'], ['reply.approved', 'manager'], ['reply.opened', 'manager'], ['reply.sent', 'agent']]);
    expect(detail.json.replies).toMatchObject([{ author: agent.userId, authorName: 'agent', status: 'sent' }]);
  });

  it('serves each signed-in member their own focus, "mine" and time budget; a manager may look at another member', async () => {
    t = await createTestVigie({}, () => NOW);
    await seed();
    const agent = await t.sessionFor('agent');
    // A second agent, signed in by cookie.
    const bea = await t.vigie.store.users.create({ email: 'agent-b@test.vigie', name: 'Bea', locale: 'fr' });
    await t.vigie.store.memberships.set(t.vigie.defaultWorkspace.id, bea.id, 'agent');
    const other = { userId: bea.id, ...(await openTestSession(t.vigie, bea.id, t.vigie.defaultWorkspace.id)) };
    const asB = { cookie: other.cookie, csrf: other.csrf };
    const list = (await t.call('GET', '/api/conversations')).json.items as { id: string }[];
    // The top conversation goes to B: A's focus moves on to the next one, B's serves it; "mine" differs.
    await t.callAs('manager', 'PATCH', `/api/conversations/${list[0]!.id}`, { assignee: other.userId });
    const nextA = await t.callAs('agent', 'GET', '/api/focus/next');
    const nextB = await t.callAs(asB, 'GET', '/api/focus/next');
    expect((nextB.json.item as { id: string; assigneeName: string })).toMatchObject({ id: list[0]!.id, assigneeName: 'Bea' });
    expect((nextA.json.item as { id: string }).id).toBe(list[1]!.id);
    expect(nextA.json.budget).toEqual({ budgetMinutes: 90, spentMinutes: 0, remainingMinutes: 90, exhausted: false });
    expect(((await t.callAs(asB, 'GET', '/api/conversations?view=mine')).json.items as { id: string }[]).map((i) => i.id)).toEqual([list[0]!.id]);
    expect((await t.callAs('agent', 'GET', '/api/conversations?view=mine')).json.items).toEqual([]);

    // Two budgets, kept apart: A's minutes never count against B.
    expect((await t.callAs('agent', 'PUT', '/api/inbox/budget', { minutes: 30 })).json).toMatchObject({ budgetMinutes: 30, remainingMinutes: 30 });
    await t.callAs('agent', 'POST', '/api/inbox/budget/time', { minutes: 20 });
    const spent = await t.callAs('agent', 'POST', '/api/inbox/budget/time', { minutes: 15, member: agent.userId });
    expect(spent.json).toEqual({ budgetMinutes: 30, spentMinutes: 35, remainingMinutes: 0, exhausted: true });
    expect((await t.callAs(asB, 'POST', '/api/inbox/budget/time', { minutes: 5 })).json).toEqual({ budgetMinutes: 90, spentMinutes: 5, remainingMinutes: 85, exhausted: false });
    expect((await t.callAs('agent', 'GET', '/api/inbox/budget')).json).toMatchObject({ spentMinutes: 35, exhausted: true });
    expect((await t.callAs(asB, 'GET', '/api/focus/next')).json.budget).toMatchObject({ spentMinutes: 5, exhausted: false });
    // A manager sees (and sets) another member's budget; an agent may not; a non-member is refused.
    expect((await t.callAs('manager', 'GET', `/api/inbox/budget?member=${agent.userId}`)).json).toMatchObject({ spentMinutes: 35 });
    expect((await t.callAs('manager', 'PUT', '/api/inbox/budget', { member: other.userId, minutes: 60 })).json).toMatchObject({ budgetMinutes: 60, spentMinutes: 5 });
    expect((await t.callAs(asB, 'GET', `/api/inbox/budget?member=${agent.userId}`)).status).toBe(403);
    expect((await t.callAs(asB, 'POST', '/api/inbox/budget/time', { minutes: 5, member: agent.userId })).status).toBe(403);
    const stranger = await t.callAs('manager', 'GET', '/api/inbox/budget?member=alice');
    expect(stranger.status).toBe(400);
    expect(stranger.json.error).toMatchObject({ details: [{ field: 'member' }] });

    // The response-time report per member names them.
    await t.vigie.store.conversations.update(t.vigie.defaultWorkspace.id, list[0]!.id, { status: 'replied', firstResponseAt: NOW.toISOString() });
    const stats = await t.call('GET', '/api/inbox/stats');
    expect((stats.json.firstResponse as { byMember: unknown[] }).byMember).toEqual([expect.objectContaining({ key: other.userId, name: 'Bea', count: 1 })]);

    const created = await t.call('POST', '/api/saved-replies', { name: 'Merci', lang: 'fr', text: 'Merci {author} !' });
    expect(created.status).toBe(201);
    expect((await t.call('PATCH', `/api/saved-replies/${created.json.id as string}`, { text: 'Merci beaucoup {author} !' })).json).toMatchObject({ text: 'Merci beaucoup {author} !' });
    expect(((await t.call('GET', '/api/saved-replies')).json.items as unknown[]).length).toBe(1);
    expect((await t.call('DELETE', `/api/saved-replies/${created.json.id as string}`)).status).toBe(204);
    expect((await t.call('DELETE', `/api/saved-replies/${created.json.id as string}`)).status).toBe(404);
  });
});
