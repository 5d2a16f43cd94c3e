import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer, type RecordedResponse } from '../conformance/fixture-server';
import { secretFieldsOfAccount } from '../conformance/secret-fields';
import type { ConnectorContext } from '../connector';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { createXConnector } from './index';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const problem = (name: string, status: number, headers: Record<string, string> = {}): RecordedResponse => ({ status, headers: { 'content-type': 'application/problem+json', ...headers }, body: fixture(name) });
const USER_TOKEN = 'dXNlci1jb250ZXh0LXRva2VuLXRlc3Q6MTIzNDU2Nzg5MA';

let server: FixtureServer;
let http: HttpClient;
let ctx: ConnectorContext;
let x: ReturnType<typeof createXConnector>;
const created: RecordedResponse = { status: 201, headers: { 'content-type': 'application/json' }, body: fixture('create-post.json') };
const lastBody = (): unknown => JSON.parse(server.requests.at(-1)?.body ?? 'null');

beforeAll(async () => {
  server = await startFixtureServer();
  http = createHttpClient({ allowPrivate: true, timeoutMs: 2_000 });
  ctx = { http, signal: new AbortController().signal, now: () => new Date('2026-11-26T12:00:00.000Z'), log: () => undefined };
  x = createXConnector(server.origin);
});

afterAll(async () => {
  await http.close();
  await server.close();
});

describe('x publish and reply', () => {
  it('marks both tokens secret and accepts an account with only a user token', () => {
    expect(secretFieldsOfAccount(x).sort()).toEqual(['accessToken', 'bearerToken']);
    expect(x.accountConfig!.safeParse({ accessToken: USER_TOKEN }).success).toBe(true);
    expect(x.accountConfig!.safeParse({}).success).toBe(false);
  });

  it('replies with the user token and in_reply_to_tweet_id', async () => {
    server.route('/2/tweets', created);
    const ref = await x.capabilities.reply!.reply(ctx, { account: x.accountConfig!.parse({ accessToken: USER_TOKEN }), inReplyToExternalId: '2125900000000000014', text: 'Merci pour votre retour !' });
    expect(ref).toEqual({ externalId: '2125900000000000099', url: 'https://x.com/i/web/status/2125900000000000099' });
    expect(lastBody()).toEqual({ text: 'Merci pour votre retour !', reply: { in_reply_to_tweet_id: '2125900000000000014' } });
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${USER_TOKEN}`);
  });

  it('publishes a post without reply settings', async () => {
    server.route('/2/tweets', created);
    await x.capabilities.publish!.publish(ctx, { account: x.accountConfig!.parse({ accessToken: USER_TOKEN }), text: 'Vigie 2.0 est sortie.' });
    expect(lastBody()).toEqual({ text: 'Vigie 2.0 est sortie.' });
  });

  it('reports a duplicate text as invalid_request saying so, and an app-only token as forbidden', async () => {
    const account = x.accountConfig!.parse({ accessToken: USER_TOKEN });
    server.route('/2/tweets', problem('error-403-duplicate.json', 403));
    await expect(x.capabilities.reply!.reply(ctx, { account, inReplyToExternalId: '2125900000000000014', text: 'Merci' })).rejects.toMatchObject({ code: 'invalid_request', status: 403, message: expect.stringContaining('duplicate content') });
    server.route('/2/tweets', problem('error-403-unsupported-auth.json', 403));
    await expect(x.capabilities.reply!.reply(ctx, { account, inReplyToExternalId: '2125900000000000014', text: 'Merci' })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('Application-Only is forbidden') });
  });

  it('takes the wait from x-rate-limit-reset, and 401 means re-authorise', async () => {
    const account = x.accountConfig!.parse({ accessToken: USER_TOKEN });
    const reset = String(Date.parse('2026-11-26T12:15:00.000Z') / 1000);
    server.route('/2/tweets', problem('error-429.json', 429, { 'x-rate-limit-reset': reset }));
    await expect(x.capabilities.reply!.reply(ctx, { account, inReplyToExternalId: '2125900000000000014', text: 'Merci' })).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 900_000 });
    server.route('/2/tweets', problem('error-401.json', 401));
    await expect(x.capabilities.reply!.reply(ctx, { account, inReplyToExternalId: '2125900000000000014', text: 'Merci' })).rejects.toMatchObject({ code: 'auth_expired' });
  });

  it('refuses what is not a post id, and an empty text, before calling X', async () => {
    const before = server.requests.length;
    const account = x.accountConfig!.parse({ accessToken: USER_TOKEN });
    await expect(x.capabilities.reply!.reply(ctx, { account, inReplyToExternalId: 'https://x.com/a/status/1', text: 'Merci' })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(x.capabilities.publish!.publish(ctx, { account, text: '  ' })).rejects.toMatchObject({ code: 'invalid_request' });
    expect(server.requests.length).toBe(before);
  });
});
