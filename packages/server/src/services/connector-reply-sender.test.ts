import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { MentionInput } from '@vigie/core';
import { createTestVigie, type TestVigie } from '../test/test-vigie';
import { createConversationReplyService } from './conversation-reply-service';
import { createConnectorReplySender } from './connector-reply-sender';
import { createHttpClient } from '@vigie/connectors';
import { createLogger } from '../logger';
import { sealSecrets } from '../security/source-secrets';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const TOKEN = 'fixture-token-0123456789';

/**
 * A local server playing the two Mastodon calls a reply makes: the resolving search
 * (GET /api/v2/search, https://docs.joinmastodon.org/methods/search/#v2) and the status creation
 * (POST /api/v1/statuses, https://docs.joinmastodon.org/methods/statuses/#create), which honours
 * `Idempotency-Key` like Mastodon does. `mode` decides how the next POST is answered.
 */
async function startMastodon() {
  const state = { mode: 'ok' as 'ok' | '401' | '500-once', posts: [] as { status: string; inReplyTo: string; key: string | undefined }[], postRequests: 0 };
  const byKey = new Map<string, unknown>();
  let origin = '';
  const account = { id: '1', username: 'velotys', acct: 'velotys', display_name: 'Velotys', url: '', followers_count: 10, created_at: '2026-01-01T00:00:00.000Z' };
  const status = (id: string, uri: string, content: string, inReplyTo: string | null) => ({
    id, uri, url: `${origin}/@velotys/${id}`, created_at: NOW.toISOString(), account, content, visibility: 'public', in_reply_to_id: inReplyTo,
    replies_count: 0, reblogs_count: 0, favourites_count: 0, reblog: null,
  });
  const server: Server = createServer((req, res) => {
    const send = (code: number, body: unknown) => res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { error: 'The access token is invalid' });
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'GET' && url.pathname === '/api/v2/search') {
      const q = url.searchParams.get('q') ?? '';
      return send(200, { accounts: [], hashtags: [], statuses: [{ ...status('42', q, '<p>Vous livrez en Belgique ?</p>', null), account: { ...account, id: '2', username: 'jeanne', acct: 'jeanne@piaille.fr' } }] });
    }
    if (req.method === 'POST' && url.pathname === '/api/v1/statuses') {
      state.postRequests += 1;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (state.mode === '401') return send(401, { error: 'The access token was revoked' });
        if (state.mode === '500-once') {
          state.mode = 'ok';
          return send(500, { error: 'Internal server error' });
        }
        const key = req.headers['idempotency-key'] as string | undefined;
        if (key && byKey.has(key)) return send(200, byKey.get(key));
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { status: string; in_reply_to_id: string };
        state.posts.push({ status: body.status, inReplyTo: body.in_reply_to_id, key });
        const id = String(100 + state.posts.length);
        const created = status(id, `${origin}/users/velotys/statuses/${id}`, `<p>${body.status}</p>`, body.in_reply_to_id);
        if (key) byKey.set(key, created);
        return send(200, created);
      });
      return undefined;
    }
    return send(404, { error: 'Record not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('replies sent through the connector (Mastodon fixture server)', () => {
  let t: TestVigie | undefined;
  let mastodon: Awaited<ReturnType<typeof startMastodon>> | undefined;
  afterEach(async () => {
    await t?.close();
    await mastodon?.close();
    t = undefined;
    mastodon = undefined;
  });

  /** A Mastodon source with a token, a question from it in the inbox; returns the conversation id. */
  async function setup(token = TOKEN): Promise<string> {
    mastodon = await startMastodon();
    t = await createTestVigie({}, () => NOW);
    const ws = t.vigie.defaultWorkspace.id;
    const created = await t.call('POST', '/api/sources', { connector: 'mastodon', name: 'Velotys', config: { instance: mastodon.origin, hashtag: 'velotys', token }, enabled: false });
    expect(created.status).toBe(201);
    const question: MentionInput = {
      connector: 'mastodon', externalId: 'https://piaille.fr/users/jeanne/statuses/42', url: 'https://piaille.fr/@jeanne/42', author: { handle: '@jeanne@piaille.fr', followers: 300 },
      text: 'Bonjour, est-ce que vous livrez en Belgique ? Merci de me répondre.', lang: 'fr', kind: 'post', publishedAt: '2026-11-25T09:00:00.000Z', engagement: {}, raw: {},
    };
    t.vigie.inboxWorker.start();
    await t.vigie.ingest(ws, [question], { sourceId: created.json.id as string });
    await t.vigie.inboxWorker.idle();
    const items = (await t.call('GET', '/api/conversations')).json.items as { id: string }[];
    expect(items).toHaveLength(1);
    return items[0]!.id;
  }

  it('posts the reply on the network, stores its id and address, marks the conversation replied once, and remembers it as our post', async () => {
    const id = await setup();
    const reply = await t!.call('POST', `/api/conversations/${id}/replies`, { text: 'Oui, nous livrons en Belgique en 3 jours.', idempotencyKey: 'ok-000001' });
    expect(reply.json).toMatchObject({ status: 'sent', sentExternalId: `${mastodon!.origin}/users/velotys/statuses/101`, sentUrl: `${mastodon!.origin}/@velotys/101`, network: 'Mastodon' });
    expect(mastodon!.state.posts).toEqual([{ status: 'Oui, nous livrons en Belgique en 3 jours.', inReplyTo: '42', key: expect.any(String) }]);
    const conversation = await t!.call('GET', `/api/conversations/${id}`);
    expect(conversation.json).toMatchObject({ status: 'replied', firstResponseAt: NOW.toISOString() });
    const audit = conversation.json.audit as { action: string; details: Record<string, unknown> }[];
    expect(audit.find((a) => a.action === 'reply.sent')?.details).toMatchObject({ externalId: `${mastodon!.origin}/users/velotys/statuses/101`, url: `${mastodon!.origin}/@velotys/101` });
    expect(await t!.vigie.inbox.ownPostIds(t!.vigie.defaultWorkspace.id)).toContain(`${mastodon!.origin}/users/velotys/statuses/101`);
    // The same request again (a double click, a retried POST) posts nothing more.
    await t!.call('POST', `/api/conversations/${id}/replies`, { text: 'Oui, nous livrons en Belgique en 3 jours.', idempotencyKey: 'ok-000001' });
    expect(mastodon!.state.postRequests).toBe(1);
  });

  it('a revoked token keeps the draft, failed, with "account needs re-authorisation"', async () => {
    const id = await setup();
    mastodon!.state.mode = '401';
    const reply = await t!.call('POST', `/api/conversations/${id}/replies`, { text: 'Oui, nous livrons en Belgique.', idempotencyKey: 'auth-00001' });
    expect(reply.json).toMatchObject({ status: 'failed', text: 'Oui, nous livrons en Belgique.', error: { code: 'auth_expired', message: expect.stringContaining('account needs re-authorisation') } });
    expect((await t!.call('GET', `/api/conversations/${id}`)).json).toMatchObject({ status: 'open' });
  });

  it('a 500 leaves the draft failed; the retry posts exactly one status with the same idempotency key', async () => {
    const id = await setup();
    mastodon!.state.mode = '500-once';
    const first = await t!.call('POST', `/api/conversations/${id}/replies`, { text: 'Oui, en 3 jours ouvrés.', idempotencyKey: 'retry-0001' });
    expect(first.json).toMatchObject({ status: 'failed', error: { code: 'upstream_unavailable' } });
    const retried = await t!.call('POST', `/api/replies/${first.json.id as string}/retry`, {});
    expect(retried.json).toMatchObject({ status: 'sent', id: first.json.id });
    // A second retry of a sent reply is refused and posts nothing.
    expect((await t!.call('POST', `/api/replies/${first.json.id as string}/retry`, {})).status).toBe(409);
    expect(mastodon!.state.postRequests).toBe(2);
    expect(mastodon!.state.posts).toHaveLength(1);
  });

  it('a restart while sending never posts again: the draft becomes unknown, to check on the network and confirm', async () => {
    const id = await setup();
    const { store, defaultWorkspace } = t!.vigie;
    const ws = defaultWorkspace.id;
    // What a crash leaves: the draft persisted `sending`, the process gone before the answer.
    const { draft } = await store.replies.create(ws, { conversationId: id, text: 'Oui, en 3 jours.', author: 'alice', verdict: null, status: 'approved', idempotencyKey: 'crash-0001' });
    await store.replies.update(ws, draft.id, { status: 'sending' });
    // The next process: its sender and service are new.
    const log = createLogger('silent');
    const restarted = createConversationReplyService({ store, now: () => NOW, cooldownMinutes: 30, send: createConnectorReplySender({ store, http: createHttpClient({ allowPrivate: true }), secrets: t!.vigie.secrets, log, now: () => NOW }) });
    expect(await restarted.recoverInterrupted()).toBe(1);
    const again = await t!.call('POST', `/api/conversations/${id}/replies`, { text: 'Oui, en 3 jours.', idempotencyKey: 'crash-0001' });
    expect(again.json).toMatchObject({ status: 'unknown', openUrl: 'https://piaille.fr/@jeanne/42', error: { code: 'send_interrupted' } });
    expect(mastodon!.state.postRequests).toBe(0);
    const confirmed = await t!.call('POST', `/api/replies/${draft.id}/confirm`, { actor: 'alice' });
    expect(confirmed.json).toMatchObject({ status: 'sent' });
    expect((await t!.call('GET', `/api/conversations/${id}`)).json).toMatchObject({ status: 'replied' });
  });

  it('replies with the source’s connected account; a refused token marks the account for re-authorisation', async () => {
    mastodon = await startMastodon();
    t = await createTestVigie({}, () => NOW);
    const { store, secrets, defaultWorkspace } = t.vigie;
    const ws = defaultWorkspace.id;
    const account = await store.accounts.create(ws, { connector: 'mastodon', name: 'Velotys', config: sealSecrets(secrets, ['token'], { instance: mastodon.origin, token: TOKEN }) });
    const source = await store.sources.create(ws, { connector: 'mastodon', accountId: account.id, name: 'Velotys', config: { instance: mastodon.origin, hashtag: 'velotys' }, pollIntervalSec: 600, enabled: false });
    t.vigie.inboxWorker.start();
    await t.vigie.ingest(ws, [1, 2].map((n): MentionInput => ({ connector: 'mastodon', externalId: `https://piaille.fr/users/jeanne/statuses/5${n}`, url: `https://piaille.fr/@jeanne/5${n}`, author: { handle: '@jeanne@piaille.fr' }, text: `Question ${n} : vous livrez en Suisse ?`, lang: 'fr', kind: 'post', publishedAt: '2026-11-25T09:00:00.000Z', engagement: {}, raw: {} })), { sourceId: source.id });
    await t.vigie.inboxWorker.idle();
    const [first, second] = ((await t.call('GET', '/api/conversations')).json.items as { id: string }[]).map((c) => c.id);
    expect((await t.call('POST', `/api/conversations/${first!}/replies`, { text: 'Oui, en Suisse aussi.', idempotencyKey: 'acct-00001' })).json).toMatchObject({ status: 'sent' });
    mastodon.state.mode = '401';
    expect((await t.call('POST', `/api/conversations/${second!}/replies`, { text: 'Oui, en Suisse aussi.', idempotencyKey: 'acct-00002' })).json).toMatchObject({ status: 'failed', error: { code: 'auth_expired' } });
    expect(await store.accounts.get(ws, account.id)).toMatchObject({ status: 'needs_reauth' });
    // Until it is re-authorised, a reply is opened on the network with the reason.
    const waiting = await t.call('POST', `/api/conversations/${second!}/replies`, { text: 'Oui, en Suisse.', idempotencyKey: 'acct-00003' });
    expect(waiting.json).toMatchObject({ status: 'awaiting_confirmation', openReason: expect.stringContaining('needs re-authorisation') });
  });

  it('without an account for the network, opens the item on the network and says why', async () => {
    mastodon = await startMastodon();
    t = await createTestVigie({}, () => NOW);
    const ws = t.vigie.defaultWorkspace.id;
    const source = await t.call('POST', '/api/sources', { connector: 'mastodon', name: 'No token', config: { instance: mastodon.origin, hashtag: 'velotys' }, enabled: false });
    t.vigie.inboxWorker.start();
    await t.vigie.ingest(ws, [{ connector: 'mastodon', externalId: 'https://piaille.fr/users/jeanne/statuses/43', url: 'https://piaille.fr/@jeanne/43', author: { handle: '@jeanne@piaille.fr' }, text: 'Vous livrez en Suisse ?', lang: 'fr', kind: 'post', publishedAt: '2026-11-25T09:00:00.000Z', engagement: {}, raw: {} }], { sourceId: source.json.id as string });
    await t.vigie.inboxWorker.idle();
    const id = ((await t.call('GET', '/api/conversations')).json.items as { id: string }[])[0]!.id;
    const reply = await t.call('POST', `/api/conversations/${id}/replies`, { text: 'Oui, en Suisse aussi.', idempotencyKey: 'open-00001' });
    expect(reply.json).toMatchObject({ status: 'awaiting_confirmation', openUrl: 'https://piaille.fr/@jeanne/43', openReason: expect.stringContaining('no account connected for Mastodon') });
    expect(mastodon.state.postRequests).toBe(0);
  });
});
