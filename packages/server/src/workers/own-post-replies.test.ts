/**
 * Replies to our own posts reach the inbox as `own_post_reply` when they come from a Mastodon
 * "mentions of my account" source: the notification's status names its parent by a LOCAL id
 * (`in_reply_to_id`), which the connector resolves to the parent's global `uri`, the id our posts
 * are remembered by. A local server plays the instance:
 * - GET /api/v1/notifications (https://docs.joinmastodon.org/methods/notifications/#get)
 * - GET /api/v1/statuses/:id (https://docs.joinmastodon.org/methods/statuses/#get)
 * The same for a Bluesky "notifications of my account" source drawing on a connected account,
 * whose session is reused by the reply sent from the inbox. A local server plays the PDS:
 * - com.atproto.server.createSession (https://docs.bsky.app/docs/api/com-atproto-server-create-session)
 * - app.bsky.notification.listNotifications (https://docs.bsky.app/docs/api/app-bsky-notification-list-notifications)
 * - app.bsky.feed.getPosts, com.atproto.repo.createRecord (https://docs.bsky.app/docs/api/app-bsky-feed-get-posts,
 *   https://docs.bsky.app/docs/api/com-atproto-repo-create-record)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestVigie, type TestVigie } from '../test/test-vigie';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const TOKEN = 'fixture-token-0123456789';

async function startInstance() {
  let origin = '';
  const asked: string[] = [];
  const velotys = { id: '1', username: 'velotys', acct: 'velotys', display_name: 'Velotys', url: '', followers_count: 900 };
  const jeanne = { id: '2', username: 'jeanne', acct: 'jeanne@piaille.fr', display_name: 'Jeanne', url: 'https://piaille.fr/@jeanne', followers_count: 40 };
  const status = (id: string, uri: string, account: typeof velotys, content: string, inReplyTo: string | null) => ({
    id, uri, url: uri, created_at: '2026-11-25T10:00:00.000Z', account, content, visibility: 'public', language: 'fr', in_reply_to_id: inReplyTo,
    in_reply_to_account_id: inReplyTo === null ? null : '1', replies_count: 0, reblogs_count: 0, favourites_count: 0, reblog: null, spoiler_text: '',
  });
  const server: Server = createServer((req, res) => {
    const send = (code: number, body: unknown) => res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    asked.push(req.url ?? '');
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { error: 'The access token is invalid' });
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/api/v1/notifications') {
      // A plain statement, not a question: only its parent can bring it to the inbox.
      const reply = status('77', 'https://piaille.fr/users/jeanne/statuses/9001', jeanne, '<p>@velotys Le vert sapin, clairement.</p>', '10');
      return send(200, [{ id: '500', type: 'mention', created_at: '2026-11-25T10:00:01.000Z', account: jeanne, status: reply }]);
    }
    if (url.pathname === '/api/v1/statuses/10') return send(200, status('10', `${origin}/users/velotys/statuses/10`, velotys, '<p>Quelle couleur pour la prochaine Ondine ?</p>', null));
    return send(404, { error: 'Record not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, asked, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const VIGIE_DID = 'did:plc:velotys000000000000000000';
const OUR_BSKY_POST = `at://${VIGIE_DID}/app.bsky.feed.post/3lbq1ondinek2a`;
const BOB_BSKY_REPLY = 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3lbr2bobrek2b';

async function startPds(passwordAccepted = true) {
  let origin = '';
  const asked: string[] = [];
  const ref = { uri: OUR_BSKY_POST, cid: 'bafyreiondinepost0000000000000000000000000000000000000000' };
  const bob = { did: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz', handle: 'bob.bsky.social', displayName: 'Bob' };
  const record = { $type: 'app.bsky.feed.post', text: 'Le vert sapin, clairement.', langs: ['fr'], createdAt: '2026-11-25T10:20:00.000Z', reply: { root: ref, parent: ref } };
  const server: Server = createServer((req, res) => {
    const send = (code: number, body: unknown) => res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const url = new URL(req.url ?? '/', origin);
    asked.push(url.pathname);
    if (url.pathname === '/xrpc/com.atproto.server.createSession') {
      return passwordAccepted
        ? send(200, { did: VIGIE_DID, handle: 'velotys.bsky.social', accessJwt: 'access-1', refreshJwt: 'refresh-1', active: true })
        : send(401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
    }
    if (req.headers.authorization !== 'Bearer access-1') return send(400, { error: 'ExpiredToken', message: 'Token has expired' });
    if (url.pathname === '/xrpc/app.bsky.notification.listNotifications') {
      return send(200, { notifications: [{ uri: BOB_BSKY_REPLY, cid: 'bafyreibobreply', author: bob, reason: 'reply', reasonSubject: OUR_BSKY_POST, record, isRead: false, indexedAt: '2026-11-25T10:20:01.000Z' }] });
    }
    if (url.pathname === '/xrpc/app.bsky.feed.getPosts') return send(200, { posts: [{ uri: BOB_BSKY_REPLY, cid: 'bafyreibobreply', author: bob, record, indexedAt: '2026-11-25T10:20:01.000Z' }] });
    if (url.pathname === '/xrpc/com.atproto.repo.createRecord') return send(200, { uri: `at://${VIGIE_DID}/app.bsky.feed.post/3lbr5answerk2a`, cid: 'bafyreianswer' });
    return send(404, { error: 'MethodNotImplemented' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, asked, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('replies to our own posts, from a Mastodon notifications source', () => {
  let t: TestVigie | undefined;
  let instance: Awaited<ReturnType<typeof startInstance>> | undefined;
  afterEach(async () => {
    await t?.close();
    await instance?.close();
    t = undefined;
    instance = undefined;
  });

  it('a mention answering one of our posts enters the inbox as a reply to our post, in that post’s conversation', async () => {
    instance = await startInstance();
    t = await createTestVigie({}, () => NOW);
    const ws = t.vigie.defaultWorkspace.id;
    const ourPost = `${instance.origin}/users/velotys/statuses/10`;
    const host = new URL(instance.origin).host;
    expect((await t.call('PUT', '/api/inbox/own-accounts', { items: [{ connector: 'mastodon', handle: `@velotys@${host}` }] })).status).toBe(200);
    await t.vigie.inbox.recordOwnPost(ws, 'mastodon', ourPost);
    const source = await t.call('POST', '/api/sources', { connector: 'mastodon', name: 'Mentions de Velotys', config: { instance: instance.origin, notifications: true, token: TOKEN }, enabled: false });
    expect(source.status).toBe(201);
    t.vigie.inboxWorker.start();
    const fetched = await t.call('POST', `/api/sources/${source.json.id as string}/fetch`);
    expect(fetched.status).toBeLessThan(300);
    await t.vigie.inboxWorker.idle();
    // The parent was looked up on the instance by its local id.
    expect(instance.asked.some((path) => path.startsWith('/api/v1/notifications?types[]=mention'))).toBe(true);
    expect(instance.asked).toContain('/api/v1/statuses/10');
    const items = (await t.call('GET', '/api/conversations')).json.items as { key: string; entry: string; lastAuthor: string }[];
    expect(items.map((i) => [i.key, i.entry, i.lastAuthor])).toEqual([[`mastodon:${ourPost}`, 'own_post_reply', '@jeanne@piaille.fr']]);
  });
});

describe('replies to our own posts, from a Bluesky notifications source on a connected account', () => {
  let t: TestVigie | undefined;
  let pds: Awaited<ReturnType<typeof startPds>> | undefined;
  afterEach(async () => {
    await t?.close();
    await pds?.close();
    t = undefined;
    pds = undefined;
  });

  it('enters the inbox as a reply to our post, and answering it from the inbox signs in no second time', async () => {
    pds = await startPds();
    t = await createTestVigie({}, () => NOW);
    const ws = t.vigie.defaultWorkspace.id;
    await t.vigie.inbox.recordOwnPost(ws, 'bluesky', OUR_BSKY_POST);
    const account = await t.call('POST', '/api/accounts', { connector: 'bluesky', name: 'Velotys', config: { identifier: 'velotys.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop', service: pds.origin } });
    expect(account.status).toBe(201);
    const source = await t.call('POST', '/api/sources', { connector: 'bluesky', name: 'Notifications Velotys', accountId: account.json.id, config: { notifications: true }, enabled: false });
    expect(source.status).toBe(201);
    t.vigie.inboxWorker.start();
    expect((await t.call('POST', `/api/sources/${source.json.id as string}/fetch`)).status).toBeLessThan(300);
    await t.vigie.inboxWorker.idle();
    const items = (await t.call('GET', '/api/conversations')).json.items as { id: string; key: string; entry: string }[];
    expect(items.map((i) => [i.key, i.entry])).toEqual([[`bluesky:${OUR_BSKY_POST}`, 'own_post_reply']]);
    const reply = await t.call('POST', `/api/conversations/${items[0]!.id}/replies`, { text: 'Merci Bob, vert sapin noté !', idempotencyKey: 'bsky-00001' });
    expect(reply.json).toMatchObject({ status: 'sent', sentExternalId: `at://${VIGIE_DID}/app.bsky.feed.post/3lbr5answerk2a` });
    expect(pds.asked.filter((path) => path === '/xrpc/com.atproto.server.createSession')).toHaveLength(1);
  });

  it('a refused app password marks the account “needs re-authorisation” and the source says so', async () => {
    pds = await startPds(false);
    t = await createTestVigie({}, () => NOW);
    const account = await t.call('POST', '/api/accounts', { connector: 'bluesky', name: 'Velotys', config: { identifier: 'velotys.bsky.social', appPassword: 'revoked-app-password', service: pds.origin } });
    const source = await t.call('POST', '/api/sources', { connector: 'bluesky', name: 'Notifications Velotys', accountId: account.json.id, config: { notifications: true }, enabled: false });
    await t.call('POST', `/api/sources/${source.json.id as string}/fetch`);
    expect((await t.call('GET', `/api/accounts/${account.json.id as string}`)).json).toMatchObject({ status: 'needs_reauth' });
    const health = (await t.call('GET', `/api/sources/${source.json.id as string}`)).json.health as { status: string; lastError: { code: string } };
    expect(health).toMatchObject({ status: 'needs_reauth', lastError: { code: 'auth_expired' } });
  });
});
