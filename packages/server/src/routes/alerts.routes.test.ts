/**
 * Alerts through the API, in-process on a real SQLite store: rule validation and editing, and the
 * live path — mentions on the bus → rollups → an episode → its post-mortem → an in-app
 * notification, while a webhook answering 500 is shown as failing without blocking the rest.
 */
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestVigie, type TestVigie } from '../test/test-vigie';
import { burstOfNegativeMentions, startWebhookReceiver } from '../test/alert-scenario';

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
    const hook = await startWebhookReceiver(500);
    servers.push(hook.server);
    await t.call('POST', '/api/alert-rules', {
      name: 'Ondine', scope: { kind: 'topic', id: topic }, detectors: ['volume_spike', 'negative_surge'], cooldownMinutes: 60,
      channels: [{ kind: 'in_app' }, { kind: 'webhook', url: hook.url, format: 'generic' }],
    });
    await burstOfNegativeMentions(t, topic, NOW);

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
    expect(hook.received).toHaveLength(1);
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
    await burstOfNegativeMentions(t, topic, NOW);
    const notifications = await t.call('GET', '/api/notifications');
    expect(notifications.json.unread).toBe(1);
    expect(notifications.json.failing).toMatchObject([{ channel: 'email', target: 'cm@velotys.example', status: 'failing', attempts: 1 }]);
    expect((notifications.json.failing as { lastError: string }[])[0]?.lastError).toMatch(/ECONNREFUSED|connect/i);
  });
});
