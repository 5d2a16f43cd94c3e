/**
 * Data rights through the API: the workspace export (every record type, secrets kept out, read
 * page by page), erasing an author (mentions then the conversations left empty), and the
 * retention period with its purge — each audited, each refused to roles without `admin`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAlertRule, type MentionInput } from '@vigie/core';
import { createRetentionJob } from '../jobs/retention.job';
import { createTestVigie, type TestVigie } from '../test/test-vigie';

const SECRET = 'x-bearer-0123456789-abcdefghijkl';
const DAY = 86_400_000;

function mention(i: number, handle: string, daysAgo = 1): MentionInput {
  return { connector: 'mastodon', externalId: `m-${handle}-${i}`, author: { handle }, text: `Vigie message ${i} de ${handle}`, publishedAt: new Date(Date.now() - daysAgo * DAY - i * 1000).toISOString(), engagement: {}, kind: 'post', raw: {} };
}

async function converse(t: TestVigie, m: { id: string; author: { handle: string }; connector: MentionInput['connector']; publishedAt: string }) {
  return t.vigie.store.conversations.record(t.vigie.defaultWorkspace.id, {
    key: `${m.connector}:${m.author.handle.toLowerCase()}`,
    connector: m.connector,
    entry: 'question',
    mentionId: m.id,
    publishedAt: m.publishedAt,
    priority: 50,
    reasons: [],
    recommendation: { action: 'reply', priority: 50, reasons: [], priorityReasons: [] },
    dueAt: new Date(Date.now() + DAY).toISOString(),
    lastAuthor: m.author.handle,
    preview: 'x',
  });
}

describe('data rights', () => {
  let t: TestVigie;
  beforeEach(async () => {
    t = await createTestVigie();
  });
  afterEach(() => t.close());

  it('exports every record type as JSONL, page by page, without secrets, and audits it', async () => {
    const ws = t.vigie.defaultWorkspace.id;
    expect((await t.call('POST', '/api/topics', { name: 'Ondine', kind: 'product', queries: ['ondine'] })).status).toBe(201);
    expect((await t.call('POST', '/api/sources', { connector: 'x', config: { query: 'vigie', bearerToken: SECRET } })).status).toBe(201);
    const topicId = (await t.vigie.store.topics.list(ws))[0]!.id;
    await t.vigie.store.alertRules.create(ws, parseAlertRule({ name: 'Hook', scope: { kind: 'topic', id: topicId }, detectors: ['volume_spike'], channels: [{ kind: 'webhook', url: 'https://hooks.example/x', format: 'generic', secret: 'webhook-secret-0123456789' }] }));
    await t.vigie.store.savedReplies.create(ws, { name: 'Merci', lang: 'fr', text: 'Merci {author} !' });
    // More mentions than one export page, so the stream reads several.
    const report = await t.vigie.ingest(ws, Array.from({ length: 1_100 }, (_, i) => mention(i, i % 2 ? 'alice' : 'bob')));
    expect(report.inserted).toBe(1_100);
    const conversation = await converse(t, report.mentions[0]!);
    await t.vigie.store.conversations.addNote(ws, conversation.id, { author: 'cm', text: 'à rappeler' });

    const response = await t.app.request('/api/workspace/export', { headers: { authorization: `Bearer ${t.owner.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="vigie-default-\d{4}-\d\d-\d\d\.jsonl"$/);
    const text = await response.text();
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('webhook-secret-0123456789');
    expect(text).not.toMatch(/passwordHash|scrypt\$/);
    const records = text.trim().split('\n').map((l) => JSON.parse(l) as { type: string } & Record<string, unknown>);
    const byType = (type: string) => records.filter((r) => r.type === type);
    expect(byType('mention')).toHaveLength(1_100);
    expect(new Set(byType('mention').map((m) => m.id)).size).toBe(1_100);
    for (const type of ['workspace', 'topic', 'query', 'source', 'member', 'alert_rule', 'saved_reply', 'conversation', 'note']) expect(byType(type).length, type).toBeGreaterThan(0);
    expect(byType('source')[0]).toMatchObject({ connector: 'x', config: { query: 'vigie' }, secretsSet: ['bearerToken'] });
    expect(byType('alert_rule')[0]).toMatchObject({ channels: [{ kind: 'webhook', url: 'https://hooks.example/x', hasSecret: true }] });
    expect(byType('note')[0]).toMatchObject({ conversationId: conversation.id, text: 'à rappeler' });
    expect(byType('member')[0]).toMatchObject({ role: 'owner' });

    const audit = await t.call('GET', '/api/audit?action=data.export');
    expect(audit.json.items).toMatchObject([{ action: 'data.export', actor: { kind: 'token' } }]);
  });

  it('erases an author: their mentions, then the conversations left empty; case-insensitive, per network when asked', async () => {
    const ws = t.vigie.defaultWorkspace.id;
    const report = await t.vigie.ingest(ws, [mention(1, 'Alice'), mention(2, 'Alice'), mention(3, 'bob'), { ...mention(4, 'alice'), connector: 'bluesky' }]);
    for (const m of report.mentions) await converse(t, m);

    const onMastodon = await t.call('POST', '/api/data/erase-author', { handle: 'alice', connector: 'mastodon' });
    expect(onMastodon.status).toBe(200);
    expect(onMastodon.json).toEqual({ deletedMentions: 2, deletedConversations: 1 });
    const left = (await t.call('GET', '/api/mentions?limit=50')).json.items as { author: { handle: string }; connector: string }[];
    expect(left.map((m) => `${m.connector}:${m.author.handle}`).sort()).toEqual(['bluesky:alice', 'mastodon:bob']);

    expect((await t.call('POST', '/api/data/erase-author', { handle: 'ALICE' })).json).toEqual({ deletedMentions: 1, deletedConversations: 1 });
    expect((await t.call('POST', '/api/data/erase-author', { handle: '  ' })).status).toBe(400);
    const audit = await t.call('GET', '/api/audit?action=data.erase_author');
    expect(audit.json.items).toHaveLength(2);
    expect(audit.json.items?.[1]).toMatchObject({ target: 'author:mastodon:alice', details: { deletedMentions: 2 } });
  });

  it('sets a retention period, purges at once and daily, refuses less than 7 days, and is audited', async () => {
    const ws = t.vigie.defaultWorkspace.id;
    expect((await t.call('GET', '/api/workspace/retention')).json).toEqual({ mentionDays: null });
    const report = await t.vigie.ingest(ws, [mention(1, 'old', 40), mention(2, 'old', 35), mention(3, 'recent', 2)]);
    await converse(t, report.mentions.find((m) => m.author.handle === 'old')!);

    expect((await t.call('PUT', '/api/workspace/retention', { mentionDays: 3 })).status).toBe(400);
    const set = await t.call('PUT', '/api/workspace/retention', { mentionDays: 30 });
    expect(set.status).toBe(200);
    expect(set.json).toEqual({ mentionDays: 30, deletedMentions: 2, deletedConversations: 1 });
    expect((await t.call('GET', '/api/workspace/retention')).json).toEqual({ mentionDays: 30 });
    expect((await t.call('GET', '/api/mentions')).json.items).toHaveLength(1);

    // The daily job: a mention that has aged past the period since goes at the next pass.
    await t.vigie.ingest(ws, [mention(4, 'aged', 31)]);
    const job = createRetentionJob({ rights: t.vigie.dataRights, store: t.vigie.store, log: t.vigie.log, now: () => new Date() });
    const done = await job.runOnce();
    expect(done).toMatchObject([{ workspaceId: ws, report: { deletedMentions: 1 } }]);
    const audit = await t.call('GET', '/api/audit?action=data.retention');
    expect(audit.json.items?.map((e) => (e.actor as { kind: string }).kind)).toEqual(['system', 'token']);

    expect((await t.call('PUT', '/api/workspace/retention', { mentionDays: null })).json).toMatchObject({ mentionDays: null, deletedMentions: 0 });
  });

  it('is for admins: other roles may read the retention period but not export, erase or change it', async () => {
    for (const role of ['manager', 'agent', 'analyst'] as const) {
      expect((await t.callAs(role, 'GET', '/api/workspace/export')).status, role).toBe(403);
      expect((await t.callAs(role, 'POST', '/api/data/erase-author', { handle: 'alice' })).status, role).toBe(403);
      expect((await t.callAs(role, 'PUT', '/api/workspace/retention', { mentionDays: 30 })).status, role).toBe(403);
      expect((await t.callAs(role, 'GET', '/api/workspace/retention')).status, role).toBe(200);
    }
    expect((await t.callAs('anonymous', 'GET', '/api/workspace/export')).status).toBe(401);
  });
});
