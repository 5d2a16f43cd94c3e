import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { MentionInput } from '@vigie/core';
import { createTestVigie, type TestVigie } from '../test/test-vigie';
import { createLogger } from '../logger';
import { createInboxDigestJob, localDayAndHour } from './inbox-digest.job';

/** A real SMTP server on 127.0.0.1 (as in the notify tests): what it receives is what people get. */
function startSmtp(): Promise<{ server: SMTPServer; port: number; received: { to: string[]; raw: string }[] }> {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.server.address() as AddressInfo).port, received })));
}

const AT_1605_PARIS = new Date('2026-11-25T15:05:00.000Z');
const AT_1705_PARIS = new Date('2026-11-25T16:05:00.000Z');

function question(id: string, text: string): MentionInput {
  return { connector: 'mastodon', externalId: id, url: `https://piaille.fr/@jeanne/${id}`, author: { handle: `@user${id}@piaille.fr`, followers: 20 }, text, lang: 'fr', kind: 'post', publishedAt: '2026-11-25T09:00:00.000Z', engagement: {}, raw: {} };
}

describe('the low-priority inbox digest', () => {
  let t: TestVigie | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
  afterEach(async () => {
    await t?.close();
    if (smtp) await new Promise<void>((resolve) => smtp!.server.close(() => resolve()));
    t = undefined;
    smtp = undefined;
  });

  it('local day and hour follow the time zone', () => {
    expect(localDayAndHour(new Date('2026-11-25T23:30:00.000Z'), 'Europe/Paris')).toEqual({ day: '2026-11-26', hour: 0 });
  });

  it('at the chosen hour sends one e-mail and one in-app notification listing them, once, even after a restart', async () => {
    smtp = await startSmtp();
    let now = AT_1605_PARIS;
    t = await createTestVigie({ smtp: { host: '127.0.0.1', port: smtp.port, secure: false }, mailFrom: 'Vigie <vigie@velotys.example>' }, () => now);
    const { store, defaultWorkspace } = t.vigie;
    const ws = defaultWorkspace.id;
    t.vigie.inboxWorker.start();
    await t.vigie.ingest(ws, [
      question('1', 'Est-ce que la Baroude existe en bleu ?'),
      question('2', 'Vous ouvrez un magasin à Lille un jour ?'),
      question('3', 'Bonjour, ma batterie est-elle garantie deux ans ?'),
    ]);
    await t.vigie.inboxWorker.idle();
    const items = (await t.call('GET', '/api/conversations')).json.items as { id: string; key: string }[];
    expect(items).toHaveLength(3);
    // Two of them are low priority (under the digest threshold); the third must interrupt.
    for (const c of items.filter((i) => i.key !== 'mastodon:3')) await store.conversations.update(ws, c.id, { priority: 5 });
    await store.conversations.update(ws, items.find((i) => i.key === 'mastodon:3')!.id, { priority: 60 });

    const settings = await t.call('PUT', '/api/inbox/digest', { recipients: ['cm@velotys.example'], locale: 'fr' });
    expect(settings.json).toMatchObject({ enabled: true, hour: 17, timeZone: 'Europe/Paris', recipients: ['cm@velotys.example'] });

    const preview = await t.call('POST', '/api/inbox/digest/preview?locale=en');
    expect(preview.json).toMatchObject({ count: 2, byReason: [{ reason: 'question', label: 'Questions', count: 2 }], subject: 'Vigie — 2 low-priority conversations to look through' });
    expect((preview.json.items as { url: string }[]).map((i) => i.url).sort()).toEqual(['https://piaille.fr/@jeanne/1', 'https://piaille.fr/@jeanne/2']);

    const job = createInboxDigestJob({ store, log: createLogger('silent'), now: () => now });
    expect(await job.runOnce()).toBe(0); // 16:05 in Paris: not yet
    now = AT_1705_PARIS;
    expect(await job.runOnce()).toBe(2); // in-app + one e-mail
    expect(await job.runOnce()).toBe(0);
    // A restart: a new job, the same database — nothing enqueued twice.
    expect(await createInboxDigestJob({ store, log: createLogger('silent'), now: () => now }).runOnce()).toBe(0);
    await t.vigie.alerts.deliver();

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['cm@velotys.example']);
    const raw = mail.raw.replace(/=\r\n/g, '');
    expect(raw).toContain('Questions : 2');
    expect(raw).toContain('https://piaille.fr/@jeanne/1');
    expect(raw).not.toContain('https://piaille.fr/@jeanne/3');
    const notifications = (await t.call('GET', '/api/notifications')).json.items as { title: { fr: string } }[];
    expect(notifications.map((n) => n.title.fr)).toContain('Vigie — 2 conversations peu prioritaires à parcourir');
  });

  it('sends nothing when nothing low-priority waits, or when switched off', async () => {
    t = await createTestVigie({}, () => AT_1705_PARIS);
    const job = createInboxDigestJob({ store: t.vigie.store, log: createLogger('silent'), now: () => AT_1705_PARIS });
    expect(await job.runOnce()).toBe(0);
    expect((await t.call('PUT', '/api/inbox/digest', { enabled: false, hour: 25 })).status).toBe(400);
    expect((await t.call('PUT', '/api/inbox/digest', { enabled: false, hour: 9 })).json).toMatchObject({ enabled: false, hour: 9 });
  });
});
