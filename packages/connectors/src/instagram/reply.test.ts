import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer, type RecordedResponse } from '../conformance/fixture-server';
import { secretFieldsOfAccount } from '../conformance/secret-fields';
import type { ConnectorContext } from '../connector';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { createInstagramConnector } from './index';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = (name: string, status = 200): RecordedResponse => ({ status, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: fixture(name) });
const TOKEN = 'EAAVigieTestInstagramToken00000000000';
const COMMENT = '17850000000000001';
const REPLIES = `/v23.0/${COMMENT}/replies`;

let server: FixtureServer;
let http: HttpClient;
let ctx: ConnectorContext;
let instagram: ReturnType<typeof createInstagramConnector>;
const account = () => instagram.accountConfig!.parse({ accessToken: TOKEN, igUserId: '17841400000000001' });
const reply = (inReplyToExternalId = COMMENT, text = 'Merci !') => instagram.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId, text });

beforeAll(async () => {
  server = await startFixtureServer();
  http = createHttpClient({ allowPrivate: true, timeoutMs: 2_000 });
  ctx = { http, signal: new AbortController().signal, now: () => new Date('2026-11-26T12:00:00.000Z'), log: () => undefined };
  instagram = createInstagramConnector(server.origin);
});

afterAll(async () => {
  await http.close();
  await server.close();
});

describe('instagram reply', () => {
  it('declares reply but not publish (a post needs a media upload), and marks the token secret', () => {
    expect(instagram.capabilities.publish).toBeUndefined();
    expect(secretFieldsOfAccount(instagram)).toEqual(['accessToken']);
  });

  it('replies under the comment and gives the post’s address', async () => {
    server.route(REPLIES, json('create-reply.json'));
    server.route('/v23.0/17850000000000099', json('reply-media-permalink.json'));
    expect(await reply(COMMENT, 'Merci, le lien est dans la bio.')).toEqual({ externalId: '17850000000000099', url: 'https://www.instagram.com/p/000001Ab/' });
    const write = server.requests.at(-2);
    expect(write).toMatchObject({ method: 'POST', path: REPLIES, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(JSON.parse(write?.body ?? '')).toEqual({ message: 'Merci, le lien est dans la bio.' });
    expect(new URL(server.requests.at(-1)?.path ?? '/', 'http://x').searchParams.get('fields')).toBe('media{permalink}');
  });

  it('explains that a tagged post cannot be answered (Graph error 100)', async () => {
    server.route('/v23.0/17900000000000009/replies', json('error-100-unsupported.json', 400));
    await expect(reply('17900000000000009')).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('only comments can be answered') });
  });

  it('maps an expired token to auth_expired and the app limit to rate_limited', async () => {
    server.route(REPLIES, json('error-190-expired.json', 400));
    await expect(reply()).rejects.toMatchObject({ code: 'auth_expired' });
    server.route(REPLIES, { ...json('error-4-app-limit.json', 400), headers: { 'content-type': 'application/json', 'retry-after': '60' } });
    await expect(reply()).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 60_000 });
  });

  it('refuses a text over 2,200 characters before calling Instagram', async () => {
    const before = server.requests.length;
    await expect(reply(COMMENT, 'a'.repeat(2201))).rejects.toMatchObject({ code: 'invalid_request' });
    expect(server.requests.length).toBe(before);
  });
});
