import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailChannel } from './email-channel';
import { sampleNotification } from './sample-notification';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server process-local on 127.0.0.1: refuses `full@` with 452 and `nobody@` with 550. */
function startSmtp(): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) return callback(Object.assign(new Error('No such user / utilisateur inconnu'), { responseCode: 550 }));
      if (address.address.startsWith('full@')) return callback(Object.assign(new Error('Mailbox full, try later'), { responseCode: 452 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.server.address() as AddressInfo).port, received }));
  });
}

describe('e-mail channel (real SMTP server on 127.0.0.1)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => new Promise<void>((resolve) => smtp.server.close(() => resolve())));

  it('delivers a French episode e-mail with text and escaped HTML bodies', async () => {
    const channel = createEmailChannel({ host: '127.0.0.1', port: smtp.port, from: 'Vigie <alertes@vigie.example>' });
    const outcome = await channel.send(sampleNotification(), { kind: 'email', to: 'cm@velotys.example' });
    channel.close();
    expect(outcome).toBe('sent');
    const mail = smtp.received.at(-1);
    expect(mail?.to).toEqual(['cm@velotys.example']);
    const raw = (mail?.raw ?? '').replace(/=\r\n/g, '');
    expect(raw).toMatch(/Subject: =\?UTF-8\?/);
    expect(raw).toContain('X-Vigie-Idempotency-Key: ntf_0123456789abcdef0123456789abcdef');
    // Plain text may show the post as written; the HTML part must not contain its markup.
    const html = raw.slice(raw.indexOf('Content-Type: text/html'));
    expect(html.length).toBeGreaterThan(100);
    expect(html).not.toMatch(/<img src=3Dx/);
    expect(html).toContain('&lt;img src=3Dx onerror=3Dalert(1)&gt;');
    expect(html).toContain('&lt;script&gt;');
  });

  it('sends English when the rule says so', async () => {
    const channel = createEmailChannel({ host: '127.0.0.1', port: smtp.port, from: 'alertes@vigie.example' });
    await channel.send(sampleNotification({ locale: 'en' }), { kind: 'email', to: 'team@velotys.example' });
    channel.close();
    expect((smtp.received.at(-1)?.raw ?? '').replace(/=\r\n/g, '')).toContain('What changed');
  });

  it('fails for good on 5xx, retries on 4xx and when the server is down', async () => {
    const channel = createEmailChannel({ host: '127.0.0.1', port: smtp.port, from: 'alertes@vigie.example' });
    expect(await channel.send(sampleNotification(), { kind: 'email', to: 'nobody@velotys.example' })).toEqual({ failed: expect.stringContaining('550') });
    expect(await channel.send(sampleNotification(), { kind: 'email', to: 'full@velotys.example' })).toEqual({ retryAfterMs: 0, reason: expect.stringContaining('452') });
    channel.close();
    const down = createEmailChannel({ host: '127.0.0.1', port: 1, from: 'alertes@vigie.example', timeoutMs: 2_000 });
    expect(await down.send(sampleNotification(), { kind: 'email', to: 'cm@velotys.example' })).toEqual({ retryAfterMs: 0, reason: expect.stringMatching(/ECONNECTION|ECONNREFUSED/) });
    down.close();
  });
});
