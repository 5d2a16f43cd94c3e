import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryOutbox, createOutboxWorker } from './outbox';
import { createEmailChannel } from './email-channel';
import { sampleNotification } from './sample-notification';
import { verifyWebhookSignature } from './sign-webhook';
import { createWebhookChannel } from './webhook-channel';

const SECRET = 'a-long-enough-secret-0123';

interface Hit {
  path: string;
  body: string;
  headers: IncomingMessage['headers'];
}

describe('webhook channel (local HTTP receiver on 127.0.0.1)', () => {
  let server: Server;
  let base = '';
  const hits: Hit[] = [];
  let flaky = 0;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        hits.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
        if (req.url === '/ok') return res.writeHead(200).end('ok');
        if (req.url === '/flaky') return res.writeHead(flaky++ === 0 ? 500 : 200).end();
        if (req.url === '/busy') return res.writeHead(429, { 'retry-after': '7' }).end();
        if (req.url === '/gone') return res.writeHead(404).end();
        if (req.url === '/slow') return; // never answers
        return res.writeHead(400).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const channel = () => createWebhookChannel({ allowPrivate: true, timeoutMs: 500 });

  it('posts a signed JSON body a receiver can verify, with a timestamp against replay', async () => {
    const outcome = await channel().send(sampleNotification(), { kind: 'webhook', url: `${base}/ok`, format: 'generic', secret: SECRET });
    expect(outcome).toBe('sent');
    const hit = hits.at(-1);
    expect(hit?.headers['x-vigie-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(hit?.headers['x-vigie-idempotency-key']).toBe('ntf_0123456789abcdef0123456789abcdef');
    const now = Date.now() / 1000;
    expect(verifyWebhookSignature(SECRET, hit?.body ?? '', hit?.headers ?? {}, now)).toBe(true);
    expect(verifyWebhookSignature(SECRET, `${hit?.body} `, hit?.headers ?? {}, now)).toBe(false);
    expect(verifyWebhookSignature('another-secret-entirely', hit?.body ?? '', hit?.headers ?? {}, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, hit?.body ?? '', hit?.headers ?? {}, now + 3600)).toBe(false);
    expect(JSON.parse(hit?.body ?? '{}')).toMatchObject({ type: 'vigie.notification', episode: { kind: 'crisis' } });
  });

  it('retries a 500 then delivers; honours Retry-After on 429; retries a timeout; gives up on 404', async () => {
    const send = (path: string) => channel().send(sampleNotification(), { kind: 'webhook', url: `${base}${path}`, format: 'slack' });
    expect(await send('/flaky')).toEqual({ retryAfterMs: 0, reason: 'HTTP 500' });
    expect(await send('/flaky')).toBe('sent');
    expect(await send('/busy')).toEqual({ retryAfterMs: 7_000, reason: 'HTTP 429' });
    expect(await send('/slow')).toEqual({ retryAfterMs: 0, reason: expect.stringContaining('timeout') });
    expect(await send('/gone')).toEqual({ failed: 'HTTP 404' });
  });

  it('refuses private and loopback addresses unless allowed (SSRF)', async () => {
    const strict = createWebhookChannel({ allowPrivate: false, timeoutMs: 500 });
    expect(await strict.send(sampleNotification(), { kind: 'webhook', url: `${base}/ok`, format: 'generic' })).toEqual({ failed: expect.stringContaining('blocked_url') });
  });

  it('outbox: a failing SMTP server does not hold the webhook; the failure shows, and a restarted worker retries it', async () => {
    const store = createMemoryOutbox();
    const now = Date.parse('2026-11-17T08:00:00Z');
    await store.enqueue([
      { key: 'k-mail', notification: sampleNotification({ key: 'k-mail' }), target: { kind: 'email', to: 'cm@velotys.example' }, nextAttemptAt: now },
      { key: 'k-hook', notification: sampleNotification({ key: 'k-hook' }), target: { kind: 'webhook', url: `${base}/ok`, format: 'mattermost' }, nextAttemptAt: now },
    ]);
    // Enqueueing the same key again (a worker restarted mid-evaluation) adds nothing.
    expect(await store.enqueue([{ key: 'k-hook', notification: sampleNotification(), target: { kind: 'in_app', workspaceId: 'w' }, nextAttemptAt: now }])).toBe(0);
    const deadSmtp = createEmailChannel({ host: '127.0.0.1', port: 1, from: 'alertes@vigie.example', timeoutMs: 1_000 });
    const first = await createOutboxWorker({ store, channels: [deadSmtp, channel()] }).runOnce(now);
    deadSmtp.close();
    expect(first).toEqual({ sent: 1, retried: 1, dead: 0 });
    const entries = await store.list();
    const mail = entries.find((e) => e.key === 'k-mail');
    expect(mail).toMatchObject({ status: 'failing', attempts: 1, lastError: expect.stringMatching(/ECONNECTION|ECONNREFUSED/) });
    expect(mail?.nextAttemptAt).toBeGreaterThanOrEqual(now + 15_000);
    expect(entries.find((e) => e.key === 'k-hook')).toMatchObject({ status: 'sent', attempts: 1 });
    // Nothing is due before the backoff ends; after it, a new worker (a restart) picks the e-mail up again.
    // The SMTP server is back (a stand-in channel that accepts).
    const recovered = { kind: 'email' as const, send: async () => 'sent' as const };
    const restarted = createOutboxWorker({ store, channels: [recovered, channel()] });
    expect(await restarted.runOnce(now + 1_000)).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(await restarted.runOnce(now + 60_000)).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect((await store.list()).find((e) => e.key === 'k-mail')).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
