/**
 * Alert webhook secrets at rest: sealed in the alert_rules row and in the outbox, never returned
 * by the API or the export, opened only to sign a delivery — which a receiver verifies with the
 * secret it was given, before and after `vigie secrets rotate`. A rule saved before sealing
 * existed keeps signing, and is sealed on its next save.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAlertRule, type Notification, type StoredAlertRule } from '@vigie/core';
import { rotateSecretKey } from '../security/key-rotation';
import { createSecretBox } from '../security/secret-box';
import { SECRET_KEY_FILE } from '../security/source-secrets';
import { burstOfNegativeMentions, startWebhookReceiver } from '../test/alert-scenario';
import { createTestVigie, type TestVigie } from '../test/test-vigie';
import { createAlertChannels } from '../workers/alert-channels';
import { verifyWebhookSignature } from './sign-webhook';
import { createWebhookChannel } from './webhook-channel';
import { openWebhookSecret } from './webhook-secret';

const NOW = new Date('2026-11-17T09:00:00.000Z');
const SECRET = 'whsec-0123456789-abcdefghijkl';
const actor = { kind: 'cli' as const, label: 'vigie secrets rotate' };
let opened: TestVigie[] = [];
const servers: Server[] = [];

afterEach(async () => {
  for (const t of opened) await t.close();
  opened = [];
  for (const s of servers.splice(0)) await new Promise<void>((resolve) => s.close(() => resolve()));
});

async function open(): Promise<TestVigie> {
  const t = await createTestVigie({}, () => NOW);
  opened.push(t);
  return t;
}

/** What a receiver holding `secret` checks: the signature of each request it got. */
const signedWith = (secret: string, request: { body: string; headers: IncomingHttpHeaders }): boolean => verifyWebhookSignature(secret, request.body, request.headers, Date.now() / 1000);

/** Every file of the database (main file, WAL), as text: the clear secret must be in none. */
function dataFolderText(t: TestVigie): string {
  const dir = t.vigie.config.dataDir;
  const text = readdirSync(dir)
    .filter((name) => name.startsWith('vigie.db'))
    .map((name) => readFileSync(join(dir, name)).toString('latin1'))
    .join('\n');
  // The rows are there (sealed), so not finding the clear secret means something.
  expect(text.includes('vigie-sealed:v1:')).toBe(true);
  return text;
}

async function topicId(t: TestVigie): Promise<string> {
  return (await t.call('POST', '/api/topics', { name: 'Velotys Ondine', kind: 'product', queries: ['ondine'] })).json.id as string;
}

const webhookSecretOf = (rule: StoredAlertRule | undefined): string | undefined => rule?.channels.flatMap((c) => (c.kind === 'webhook' && c.secret !== undefined ? [c.secret] : []))[0];

const notification: Notification = { key: 'k-rotation', kind: 'episode', locale: 'en', title: { fr: 'Alerte', en: 'Alert' } };

describe('alert webhook secrets at rest', () => {
  it('are sealed in the rule row and the outbox, never shown, and deliveries are signed with the clear secret', async () => {
    const t = await open();
    const topic = await topicId(t);
    const hook = await startWebhookReceiver();
    servers.push(hook.server);
    const created = await t.call('POST', '/api/alert-rules', {
      name: 'Ondine', scope: { kind: 'topic', id: topic }, detectors: ['volume_spike', 'negative_surge'], cooldownMinutes: 60,
      channels: [{ kind: 'in_app' }, { kind: 'webhook', url: hook.url, format: 'generic', secret: SECRET }],
    });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.json)).not.toContain(SECRET);
    expect(JSON.stringify(created.json)).not.toContain('vigie-sealed:');
    const listed = await t.call('GET', '/api/alert-rules');
    expect(listed.json.items).toMatchObject([{ channels: [{ kind: 'in_app' }, { kind: 'webhook', url: hook.url, hasSecret: true }] }]);
    expect(JSON.stringify(listed.json)).not.toMatch(/vigie-sealed:|whsec/);

    const stored = await t.vigie.store.alertRules.get(t.vigie.defaultWorkspace.id, created.json.id as string);
    expect(webhookSecretOf(stored)).toMatch(/^vigie-sealed:v1:/);
    expect(openWebhookSecret(t.vigie.secrets, webhookSecretOf(stored) ?? '')).toBe(SECRET);

    await burstOfNegativeMentions(t, topic, NOW);
    expect(hook.received).toHaveLength(1);
    expect(signedWith(SECRET, hook.received[0]!)).toBe(true);
    expect(signedWith('another-secret-of-16+', hook.received[0]!)).toBe(false);

    const [delivery] = (await t.vigie.store.outbox.listByWorkspace(t.vigie.defaultWorkspace.id)).filter((e) => e.target.kind === 'webhook');
    expect(delivery).toMatchObject({ status: 'sent', target: { kind: 'webhook', url: hook.url, secret: expect.stringMatching(/^vigie-sealed:v1:/) } });
    expect(dataFolderText(t).includes(SECRET)).toBe(false);

    // Editing the rule without resending the secret (the API never returns it) keeps it, sealed.
    const patched = await t.call('PATCH', `/api/alert-rules/${created.json.id as string}`, { name: 'Ondine bis', channels: created.json.channels });
    expect(patched.status).toBe(200);
    expect(patched.json.channels).toMatchObject([{ kind: 'in_app' }, { kind: 'webhook', hasSecret: true }]);
    const kept = webhookSecretOf(await t.vigie.store.alertRules.get(t.vigie.defaultWorkspace.id, created.json.id as string));
    expect(openWebhookSecret(t.vigie.secrets, kept ?? '')).toBe(SECRET);

    const exported = await t.app.request('/api/workspace/export', { headers: { authorization: `Bearer ${t.owner.token}` } });
    expect(exported.status).toBe(200);
    const text = await exported.text();
    const rule = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; channels?: unknown[] }).find((r) => r.type === 'alert_rule');
    expect(rule?.channels).toEqual([{ kind: 'in_app' }, { kind: 'webhook', url: hook.url, format: 'generic', hasSecret: true }]);
    expect(text).not.toMatch(/vigie-sealed:|whsec/);
  });

  it('a secret stored in clear before sealing still signs, and is sealed on the next save', async () => {
    const t = await open();
    const topic = await topicId(t);
    const hook = await startWebhookReceiver();
    servers.push(hook.server);
    const ws = t.vigie.defaultWorkspace.id;
    const legacy = await t.vigie.store.alertRules.create(ws, parseAlertRule({ name: 'Old', scope: { kind: 'topic', id: topic }, detectors: ['volume_spike'], channels: [{ kind: 'webhook', url: hook.url, format: 'slack', secret: SECRET }] }));
    expect(webhookSecretOf(legacy)).toBe(SECRET);

    const { channels } = createAlertChannels(t.vigie.config, t.vigie.store, t.vigie.secrets);
    const webhook = channels.find((c) => c.kind === 'webhook')!;
    expect(await webhook.send(notification, { kind: 'webhook', url: hook.url, format: 'slack', secret: SECRET })).toBe('sent');
    expect(signedWith(SECRET, hook.received[0]!)).toBe(true);

    expect((await t.call('PATCH', `/api/alert-rules/${legacy.id}`, { name: 'Old, renamed' })).status).toBe(200);
    const resaved = webhookSecretOf(await t.vigie.store.alertRules.get(ws, legacy.id));
    expect(resaved).toMatch(/^vigie-sealed:v1:/);
    expect(openWebhookSecret(t.vigie.secrets, resaved ?? '')).toBe(SECRET);
  });

  it('after a key rotation the rule and the pending deliveries open with the new key alone, and still sign right', async () => {
    const t = await open();
    const topic = await topicId(t);
    const hook = await startWebhookReceiver();
    servers.push(hook.server);
    const ws = t.vigie.defaultWorkspace.id;
    const created = await t.call('POST', '/api/alert-rules', { name: 'R', scope: { kind: 'topic', id: topic }, detectors: ['volume_spike'], channels: [{ kind: 'webhook', url: hook.url, format: 'teams', secret: SECRET }] });
    const before = webhookSecretOf(await t.vigie.store.alertRules.get(ws, created.json.id as string))!;
    await t.vigie.store.outbox.enqueue([{ key: 'pending-1', workspaceId: ws, notification, target: { kind: 'webhook', url: hook.url, format: 'teams', secret: before }, nextAttemptAt: Date.now() + 60_000 }]);

    const report = await rotateSecretKey(t.vigie, { actor });
    expect(report.counts).toMatchObject({ 'alert rules': { resealed: 1, unreadable: 0 }, 'alert deliveries': { resealed: 1, unreadable: 0 } });

    const newKeyOnly = createSecretBox({ current: Buffer.from(readFileSync(join(t.vigie.config.dataDir, SECRET_KEY_FILE), 'utf8').trim(), 'hex') });
    const after = webhookSecretOf(await t.vigie.store.alertRules.get(ws, created.json.id as string))!;
    expect(after).not.toBe(before);
    expect(openWebhookSecret(newKeyOnly, after)).toBe(SECRET);
    const [pending] = await t.vigie.store.outbox.listByWorkspace(ws, { statuses: ['pending'] });
    expect(pending?.target).toMatchObject({ kind: 'webhook', secret: expect.stringMatching(/^vigie-sealed:v1:/) });
    expect(pending?.target.kind === 'webhook' && openWebhookSecret(newKeyOnly, pending.target.secret ?? '')).toBe(SECRET);

    const webhook = createWebhookChannel({ allowPrivate: true, secrets: newKeyOnly });
    expect(await webhook.send(notification, pending!.target)).toBe('sent');
    expect(signedWith(SECRET, hook.received[0]!)).toBe(true);
    // A channel without the key refuses to send unsigned: the delivery fails and says why.
    expect(await createWebhookChannel({ allowPrivate: true, secrets: createSecretBox({ current: Buffer.alloc(32, 7) }) }).send(notification, pending!.target)).toMatchObject({ failed: expect.stringMatching(/cannot be decrypted/) });
    expect(hook.received).toHaveLength(1);
    expect(dataFolderText(t).includes(SECRET)).toBe(false);
  });
});
