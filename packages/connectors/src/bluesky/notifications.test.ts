/**
 * The account's notifications as a source, and the reused session, against the local fixture
 * server. Fixtures follow the lexicons and the documentation:
 * - listNotifications: https://docs.bsky.app/docs/api/app-bsky-notification-list-notifications
 * - createSession: https://docs.bsky.app/docs/api/com-atproto-server-create-session
 * - refreshSession: https://docs.bsky.app/docs/api/com-atproto-server-refresh-session
 * - XRPC errors (`ExpiredToken`): https://atproto.com/specs/xrpc#error-responses
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer, type RecordedResponse } from '../conformance/fixture-server';
import type { ConnectorContext } from '../connector';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { blueskySourceConfig } from './config';
import { bluesky } from './index';
import { forgetBlueskySessions } from './session';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = (name: string, status = 200): RecordedResponse => ({ status, headers: { 'content-type': 'application/json' }, body: fixture(name) });
const OUR_POST = 'at://did:plc:vigieaccount0000000000000/app.bsky.feed.post/3lbq1vigiek2a';
const BOB_REPLY = 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3lbr2bobrek2b';
const FIRST_ACCESS = 'Bearer eyJhbGciOiJFUzI1NksifQ.eyJzY29wZSI6ImNvbS5hdHByb3RvLmFwcFBhc3MifQ.sig-access';
const FIRST_REFRESH = 'Bearer eyJhbGciOiJFUzI1NksifQ.eyJzY29wZSI6ImNvbS5hdHByb3RvLnJlZnJlc2gifQ.sig-refresh';
const SECOND_ACCESS = 'Bearer eyJhbGciOiJFUzI1NksifQ.eyJzY29wZSI6ImNvbS5hdHByb3RvLmFwcFBhc3MiLCJuIjoyfQ.sig-access-2';
const LIST = '/xrpc/app.bsky.notification.listNotifications';
/** The post get-posts-reply.json serves (what a reply answers). */
const ANSWERED = 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3lbq2xq7ahk2b';

let server: FixtureServer;
let http: HttpClient;
let ctx: ConnectorContext;
let from = 0;
const logs: string[] = [];
const sent = (path: string) => server.requests.slice(from).filter((r) => r.path.split('?')[0] === path);
const account = () => bluesky.accountConfig!.parse({ identifier: 'vigie.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop', service: server.origin });
const source = () => blueskySourceConfig.parse({ notifications: true, identifier: 'vigie.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop', service: server.origin });

beforeAll(async () => {
  server = await startFixtureServer();
  http = createHttpClient({ allowPrivate: true, timeoutMs: 2_000 });
  ctx = { http, signal: new AbortController().signal, now: () => new Date('2026-11-26T12:00:00.000Z'), log: (_level, message, data) => logs.push(`${message} ${JSON.stringify(data ?? {})}`) };
});

afterAll(async () => {
  await http.close();
  await server.close();
});

beforeEach(() => {
  forgetBlueskySessions();
  from = server.requests.length;
  server.route('/xrpc/com.atproto.server.createSession', json('create-session.json'));
  server.route('/xrpc/com.atproto.server.refreshSession', json('refresh-session.json'));
  server.route('/xrpc/app.bsky.feed.getPosts', json('get-posts-reply.json'));
  server.route('/xrpc/com.atproto.repo.createRecord', json('create-record.json'));
});

describe('bluesky: notifications of my account', () => {
  it('needs the account, and says so in both languages', () => {
    const result = blueskySourceConfig.safeParse({ notifications: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toMatch(/need the account.*nécessitent le compte/);
    expect(bluesky.describeSource(source())).toBe('notifications @vigie.bsky.social');
  });

  it('reads replies, mentions and quotes through the PDS; a reply to our post carries it as parent and root; a like is left out', async () => {
    server.route(LIST, json('list-notifications-page1.json'));
    const result = await bluesky.capabilities.poll!.fetch(ctx, { config: source(), state: {} });
    const list = sent(LIST)[0];
    const params = new URL(list?.path ?? '/', 'http://x').searchParams;
    expect(params.getAll('reasons')).toEqual(['reply', 'mention', 'quote']);
    expect(list?.headers.authorization).toBe(FIRST_ACCESS);
    expect(result.mentions.map((m) => m.externalId)).toHaveLength(2);
    expect(result.mentions.find((m) => m.externalId === BOB_REPLY)).toMatchObject({ kind: 'reply', replyToExternalId: OUR_POST, threadExternalId: OUR_POST, author: { handle: '@bob.bsky.social' } });
    expect(result.mentions.find((m) => m.text.startsWith('@vigie.bsky.social'))).toMatchObject({ kind: 'post', author: { handle: '@carol.bsky.social' } });
    expect(result.skipped).toEqual([]);
    expect(result.state.newestAt).toBe('2026-11-25T10:20:01.000Z');
  });

  it('resumes without duplicates, on the same session (one sign-in for two polls)', async () => {
    server.route(LIST, json('list-notifications-page1.json'));
    const first = await bluesky.capabilities.poll!.fetch(ctx, { config: source(), state: {} });
    server.route(LIST, json('list-notifications-newer.json'));
    const second = await bluesky.capabilities.poll!.fetch(ctx, { config: source(), state: first.state });
    // The newer page ends with a notification already read: no older page is asked for.
    expect(sent(LIST)).toHaveLength(2);
    expect(second.mentions.map((m) => m.text)).toEqual(['Enfin un outil d’écoute qui tourne chez soi.']);
    expect(second.state.newestAt).toBe('2026-11-25T11:00:01.000Z');
    expect(sent('/xrpc/com.atproto.server.createSession')).toHaveLength(1);
  });
});

describe('bluesky: one session, reused and refreshed', () => {
  it('signs in once for two replies', async () => {
    await bluesky.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: ANSWERED, text: 'Oui, les émojis sont gardés.' });
    await bluesky.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: ANSWERED, text: 'Et les accents aussi.' });
    expect(sent('/xrpc/com.atproto.server.createSession')).toHaveLength(1);
    expect(sent('/xrpc/com.atproto.repo.createRecord').map((r) => r.headers.authorization)).toEqual([FIRST_ACCESS, FIRST_ACCESS]);
  });

  it('refreshes an expired access token with the refresh token, then posts, without signing in again', async () => {
    await bluesky.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: ANSWERED, text: 'Premier.' });
    server.route('/xrpc/com.atproto.repo.createRecord', [json('error-expired-token.json', 400), json('create-record.json')]);
    const ref = await bluesky.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: ANSWERED, text: 'Second.' });
    expect(ref.externalId).toMatch(/^at:\/\//);
    expect(sent('/xrpc/com.atproto.server.refreshSession').map((r) => r.headers.authorization)).toEqual([FIRST_REFRESH]);
    expect(sent('/xrpc/com.atproto.repo.createRecord').map((r) => r.headers.authorization)).toEqual([FIRST_ACCESS, FIRST_ACCESS, SECOND_ACCESS]);
    expect(sent('/xrpc/com.atproto.server.createSession')).toHaveLength(1);
    // The next reply uses the refreshed token.
    await bluesky.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: ANSWERED, text: 'Troisième.' });
    expect(sent('/xrpc/com.atproto.repo.createRecord').at(-1)?.headers.authorization).toBe(SECOND_ACCESS);
    // Tokens never reach the logs.
    expect(logs.join('\n')).not.toMatch(/eyJ|abcd-efgh/);
  });

  it('signs in again only when the refresh is refused too', async () => {
    await bluesky.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: ANSWERED, text: 'Premier.' });
    server.route('/xrpc/com.atproto.repo.createRecord', [json('error-expired-token.json', 400), json('create-record.json')]);
    server.route('/xrpc/com.atproto.server.refreshSession', json('error-expired-token.json', 400));
    await bluesky.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: ANSWERED, text: 'Second.' });
    expect(sent('/xrpc/com.atproto.server.refreshSession')).toHaveLength(1);
    expect(sent('/xrpc/com.atproto.server.createSession')).toHaveLength(2);
  });

  it('a wrong app password is auth_expired (the server marks the account needs_reauth) and is not kept', async () => {
    server.route('/xrpc/com.atproto.server.createSession', json('error-invalid-password.json', 401));
    server.route(LIST, json('list-notifications-page1.json'));
    await expect(bluesky.capabilities.poll!.fetch(ctx, { config: source(), state: {} })).rejects.toMatchObject({ code: 'auth_expired' });
    server.route('/xrpc/com.atproto.server.createSession', json('create-session.json'));
    await expect(bluesky.capabilities.poll!.fetch(ctx, { config: source(), state: {} })).resolves.toMatchObject({ mentions: expect.any(Array) });
    expect(sent('/xrpc/com.atproto.server.createSession')).toHaveLength(2);
  });
});
