/**
 * Alerts through the API, in-process on a real SQLite store: rule validation and editing, and the
 * live path — mentions on the bus → rollups → an episode → its post-mortem → an in-app
 * notification, while a webhook answering 500 is shown as failing without blocking the rest.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewMention, RollupRow } from '@vigie/core';
import { createTestVigie, type TestVigie } from '../test/test-vigie';

const NOW = new Date('2026-11-17T09:00:00.000Z');
let opened: TestVigie[] = [];
const servers: Server[] = [];

afterEach(async () => {
  for (const t of opened) await t.close();
  opened = [];
  for (const s of servers.splice(0)) await new Promise<void>((resolve) => s.close(() => resolve()));
});

async function open(overrides: Parameters<typeof createTestVigie>[0] = {}): Promise<TestVigie> {
  const t = await createTestVigie(overrides, () => NOW);
  opened.push(t);
  return t;
}

async function topicId(t: TestVigie): Promise<string> {
  const created = await t.call('POST', '/api/topics', { name: 'Velotys Ondine', kind: 'product', queries: ['ondine'] });
  return created.json.id as string;
}

/** A local webhook receiver answering `status`; records the bodies it got. */
async function startHook(status: number): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(status).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies };
}

/** Two weeks of quiet history (about one neutral mention an hour), then 30 negative mentions in 25 minutes, through the bus. */
async function burstOfNegativeMentions(t: TestVigie, topic: string): Promise<void> {
  const { store, alerts, bus, defaultWorkspace } = t.vigie;
  const history: RollupRow[] = [];
  for (let h = 14 * 24; h >= 1; h -= 1) {
    const bucketStart = new Date(Date.parse('2026-11-17T08:00:00Z') - h * 3_600_000).toISOString();
    history.push({ scope: 'topic', scopeId: topic, granularity: '1h', bucketStart, count: 1, authors: 1, negative: 0, positive: 0, neutral: 1, reach: 100 });
  }
  await store.rollups.increment(defaultWorkspace.id, history);
  await alerts.start();

  const burst: NewMention[] = Array.from({ length: 30 }, (_, i) => ({
    connector: 'rss', externalId: `burst-${i}`, author: { handle: `user${i}`, followers: 200 }, text: `Ma Ondine a pris feu, batterie en cause ${i}`,
    kind: 'post', publishedAt: new Date(NOW.getTime() - (25 - Math.floor(i / 2)) * 60_000).toISOString(), engagement: { reposts: i === 0 ? 40 : 0 }, raw: {},
    analysis: { sentiment: { analyzer: 'test@1', label: 'negative', score: -0.8 } }, queryIds: [], topicIds: [topic],
  }));
  const { inserted } = await store.mentions.upsertMany(defaultWorkspace.id, burst);
  for (const mention of inserted) bus.publish(mention);
  await alerts.idle();
  await alerts.deliver();
}

describe('alert rules API', () => {
  it('creates, hides the webhook secret, edits, deletes; refuses impossible settings with the field', async () => {
    const t = await open();
    const topic = await topicId(t);
    const created = await t.call('POST', '/api/alert-rules', {
      name: 'Ondine', scope: { kind: 'topic', id: topic }, detectors: ['volume_spike'],
      channels: [{ kind: 'in_app' }, { kind: 'webhook', url: 'https://93.184.215.14/hooks/x', format: 'slack', secret: 'sixteen-chars-secret' }],
    });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.json)).not.toContain('sixteen-chars-secret');
    expect(created.json.channels).toEqual([{ kind: 'in_app' }, { kind: 'webhook', url: 'https://93.184.215.14/hooks/x', format: 'slack', hasSecret: true }]);

    const id = created.json.id as string;
    const patched = await t.call('PATCH', `/api/alert-rules/${id}`, { sensitivity: 'high', channels: created.json.channels });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ sensitivity: 'high', channels: [{ kind: 'in_app' }, { kind: 'webhook', hasSecret: true }] });

    const bad = await t.call('POST', '/api/alert-rules', {
      name: 'Bad', scope: { kind: 'topic', id: topic }, detectors: ['volume_spike'], cooldownMinutes: -5,
      quietHours: { from: '22:00', to: '22:00', timeZone: 'Europe/Paris' }, channels: [{ kind: 'email' }],
    });
    expect(bad.status).toBe(400);
    const fields = (bad.json.error as { details: { field: string }[] }).details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['cooldownMinutes', 'quietHours.to', 'recipients']));

    const noScope = await t.call('POST', '/api/alert-rules', { name: 'X', scope: { kind: 'topic', id: 'nope' }, detectors: ['volume_spike'], channels: [{ kind: 'in_app' }] });
    expect((noScope.json.error as { details: { field: string }[] }).details[0]?.field).toBe('scope.id');

    expect((await t.call('GET', '/api/alert-rules')).json.items).toHaveLength(1);
    expect((await t.call('DELETE', `/api/alert-rules/${id}`)).status).toBe(204);
    expect((await t.call('DELETE', `/api/alert-rules/${id}`)).status).toBe(404);
  });

  it('refuses a webhook on a private address unless private URLs are allowed', async () => {
    const t = await open({ allowPrivateUrls: false });
    const topic = await topicId(t);
    const refused = await t.call('POST', '/api/alert-rules', { name: 'X', scope: { kind: 'topic', id: topic }, detectors: ['volume_spike'], channels: [{ kind: 'webhook', url: 'http://127.0.0.1:9/hook' }] });
    expect(refused.status).toBe(400);
    expect((refused.json.error as { details: { field: string }[] }).details[0]?.field).toBe('channels.0.url');
  });
});

describe('live alerts', () => {
  it('a burst of negative mentions opens a crisis, notifies in-app, and shows the failing webhook', async () => {
    const t = await open();
    const topic = await topicId(t);
    const hook = await startHook(500);
    await t.call('POST', '/api/alert-rules', {
      name: 'Ondine', scope: { kind: 'topic', id: topic }, detectors: ['volume_spike', 'negative_surge'], cooldownMinutes: 60,
      channels: [{ kind: 'in_app' }, { kind: 'webhook', url: hook.url, format: 'generic' }],
    });
    await burstOfNegativeMentions(t, topic);

    const episodes = await t.call('GET', '/api/episodes?status=open');
    expect(episodes.json.items).toHaveLength(1);
    const episode = episodes.json.items![0]!;
    expect(episode).toMatchObject({ kind: 'crisis', status: 'open', scope: { kind: 'topic', id: topic, name: 'Velotys Ondine' } });
    expect((episode.sparkline as number[]).length).toBeGreaterThan(0);

    const detail = await t.call('GET', `/api/episodes/${encodeURIComponent(episode.id as string)}`);
    expect(detail.status).toBe(200);
    expect((detail.json.signals as { detector: string }[]).map((s) => s.detector)).toContain('volume_spike');
    expect((detail.json.topPosts as { externalId: string; raw?: unknown }[]).every((p) => p.externalId.startsWith('burst-') && p.raw === undefined)).toBe(true);

    const notifications = await t.call('GET', '/api/notifications');
    expect(notifications.json.unread).toBe(1);
    expect(notifications.json.failing).toMatchObject([{ channel: 'webhook', target: hook.url, status: 'failing', attempts: 1 }]);
    expect(hook.bodies).toHaveLength(1);
    const first = (notifications.json.items as { id: string }[])[0]!;
    expect((await t.call('POST', `/api/notifications/${first.id}/read`)).status).toBe(204);
    expect((await t.call('GET', '/api/notifications')).json.unread).toBe(0);

    const series = await t.call('GET', `/api/stats/series?topic=${topic}&granularity=hour&days=1`);
    const counts = (series.json.items as { count: number }[]).map((b) => b.count);
    expect(counts).toHaveLength(24);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30 + 23);
  });
});

describe('a failing SMTP server', () => {
  it('shows e-mail as failing with its reason, retried later, while in-app is delivered', async () => {
    // Port 1 on loopback: nothing listens, the connection is refused (an SMTP server that is down).
    const t = await open({ smtp: { host: '127.0.0.1', port: 1, secure: false } });
    const topic = await topicId(t);
    await t.call('POST', '/api/alert-rules', {
      name: 'Ondine', scope: { kind: 'topic', id: topic }, detectors: ['volume_spike'], channels: [{ kind: 'in_app' }, { kind: 'email' }], recipients: ['cm@velotys.example'],
    });
    await burstOfNegativeMentions(t, topic);
    const notifications = await t.call('GET', '/api/notifications');
    expect(notifications.json.unread).toBe(1);
    expect(notifications.json.failing).toMatchObject([{ channel: 'email', target: 'cm@velotys.example', status: 'failing', attempts: 1 }]);
    expect((notifications.json.failing as { lastError: string }[])[0]?.lastError).toMatch(/ECONNREFUSED|connect/i);
  });
});
