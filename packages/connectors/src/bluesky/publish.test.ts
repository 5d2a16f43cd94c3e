import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer, type RecordedResponse } from '../conformance/fixture-server';
import type { ConnectorContext } from '../connector';
import { ConnectorError } from '../connector-error';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { secretFieldsOfAccount } from '../conformance/secret-fields';
import { bluesky } from './index';
import { forgetBlueskySessions } from './session';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = (name: string, status = 200, headers: Record<string, string> = {}): RecordedResponse => ({ status, headers: { 'content-type': 'application/json', ...headers }, body: fixture(name) });
const BOB_REPLY = 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3lbq2xq7ahk2b';
const ROOT = 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3lbq2ydkhsk2a';

let server: FixtureServer;
let http: HttpClient;
let ctx: ConnectorContext;
const account = () => bluesky.accountConfig!.parse({ identifier: '@vigie.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop', service: server.origin });
/** The JSON bodies posted since the routes were set, in order. */
let from = 0;
const bodies = (): Record<string, unknown>[] => server.requests.slice(from).filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body) as Record<string, unknown>);

beforeAll(async () => {
  server = await startFixtureServer();
  http = createHttpClient({ allowPrivate: true, timeoutMs: 2_000 });
  ctx = { http, signal: new AbortController().signal, now: () => new Date('2026-11-26T12:00:00.000Z'), log: () => undefined };
});

afterAll(async () => {
  await http.close();
  await server.close();
});

/** Routes of a reply from a signed-out state (no kept session), so each test sees the sign-in. */
function routeHappy(): void {
  forgetBlueskySessions();
  from = server.requests.length;
  server.route('/xrpc/com.atproto.server.createSession', json('create-session.json'));
  server.route('/xrpc/app.bsky.feed.getPosts', json('get-posts-reply.json'));
  server.route('/xrpc/com.atproto.repo.createRecord', json('create-record.json'));
}

describe('bluesky publish and reply', () => {
  it('marks the app password secret in the account settings', () => {
    expect(secretFieldsOfAccount(bluesky)).toEqual(['appPassword']);
  });

  it('signs in with the app password and replies under the thread’s root, to the mention as parent', async () => {
    routeHappy();
    const ref = await bluesky.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: BOB_REPLY, text: 'Merci, on regarde !' });
    expect(ref).toEqual({ externalId: 'at://did:plc:vigieaccount0000000000000/app.bsky.feed.post/3lbq4vigiek2z', url: 'https://bsky.app/profile/vigie.bsky.social/post/3lbq4vigiek2z' });
    expect(bodies()[0]).toEqual({ identifier: 'vigie.bsky.social', password: 'abcd-efgh-ijkl-mnop' });
    const lookup = server.requests.find((r) => r.path.startsWith('/xrpc/app.bsky.feed.getPosts'));
    expect(new URL(lookup?.path ?? '/', 'http://x').searchParams.get('uris')).toBe(BOB_REPLY);
    expect(lookup?.headers.authorization).toMatch(/^Bearer eyJ/);
    expect(bodies()[1]).toMatchObject({
      repo: 'did:plc:vigieaccount0000000000000',
      collection: 'app.bsky.feed.post',
      record: {
        $type: 'app.bsky.feed.post',
        text: 'Merci, on regarde !',
        createdAt: '2026-11-26T12:00:00.000Z',
        reply: { root: { uri: ROOT, cid: 'bafyrei3lbq2ydkhsk2aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }, parent: { uri: BOB_REPLY, cid: 'bafyreibobreplycid00000000000000000000000000000000000000000' } },
      },
    });
  });

  it('publishes a top-level post with no reply refs', async () => {
    routeHappy();
    const ref = await bluesky.capabilities.publish!.publish(ctx, { account: account(), text: 'Vigie 2.0 est sortie.' });
    expect(ref.externalId).toMatch(/^at:\/\//);
    expect((bodies()[1]?.record as Record<string, unknown>).reply).toBeUndefined();
  });

  it('refuses a text over 300 characters before any call, and media', async () => {
    const before = server.requests.length;
    await expect(bluesky.capabilities.publish!.publish(ctx, { account: account(), text: 'é'.repeat(301) })).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('300') });
    await expect(bluesky.capabilities.publish!.publish(ctx, { account: account(), text: 'x', mediaUrls: ['https://img.example/a.png'] })).rejects.toMatchObject({ code: 'invalid_request' });
    expect(server.requests.length).toBe(before);
  });

  it('says auth_expired for a wrong app password, and not_found for a deleted post', async () => {
    routeHappy();
    server.route('/xrpc/com.atproto.server.createSession', json('error-invalid-password.json', 401));
    const wrong = await bluesky.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: BOB_REPLY, text: 'Merci' }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(ConnectorError);
    expect(wrong).toMatchObject({ code: 'auth_expired', message: expect.stringContaining('Invalid identifier or password') });
    expect((wrong as Error).message).not.toContain('abcd-efgh');
    routeHappy();
    server.route('/xrpc/app.bsky.feed.getPosts', json('get-posts-empty.json'));
    await expect(bluesky.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: BOB_REPLY, text: 'Merci' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('takes the wait from RateLimit-Reset when a 429 has no Retry-After', async () => {
    routeHappy();
    const reset = String(Date.parse('2026-11-26T12:05:00.000Z') / 1000);
    server.route('/xrpc/com.atproto.repo.createRecord', json('error-rate-limited.json', 429, { 'ratelimit-reset': reset }));
    await expect(bluesky.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: BOB_REPLY, text: 'Merci' })).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 300_000 });
  });

  it('refuses an id that is not a post URI', async () => {
    await expect(bluesky.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: 'https://bsky.app/profile/a/post/b', text: 'Merci' })).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
