import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer, type RecordedResponse } from '../conformance/fixture-server';
import { secretFieldsOfAccount } from '../conformance/secret-fields';
import type { ConnectorContext } from '../connector';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { createFacebookConnector } from './index';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = (name: string, status = 200): RecordedResponse => ({ status, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: fixture(name) });
const TOKEN = 'EAAVigieTestPageAccessToken0000000000';
const PAGE = '104000000000001';
const COMMENT = '900000000000001_700000000000001';
const NEW_COMMENT = '900000000000001_700000000000099';

let server: FixtureServer;
let http: HttpClient;
let ctx: ConnectorContext;
let facebook: ReturnType<typeof createFacebookConnector>;
const account = (extra: Record<string, unknown> = {}) => facebook.accountConfig!.parse({ accessToken: TOKEN, ...extra });

beforeAll(async () => {
  server = await startFixtureServer();
  http = createHttpClient({ allowPrivate: true, timeoutMs: 2_000 });
  ctx = { http, signal: new AbortController().signal, now: () => new Date('2026-11-26T12:00:00.000Z'), log: () => undefined };
  facebook = createFacebookConnector(server.origin);
});

afterAll(async () => {
  await http.close();
  await server.close();
});

describe('facebook reply and publish', () => {
  it('marks the Page token secret; a Page source’s settings are a valid account', () => {
    expect(secretFieldsOfAccount(facebook)).toEqual(['accessToken']);
    expect(facebook.accountConfig!.safeParse({ pageId: PAGE, accessToken: TOKEN, edges: ['feed'], graphVersion: 'v23.0' }).success).toBe(true);
  });

  it('comments under the mention with the Page token, then reads the comment’s address', async () => {
    server.route(`/v23.0/${COMMENT}/comments`, json('create-comment.json'));
    server.route(`/v23.0/${NEW_COMMENT}`, json('comment-permalink.json'));
    const ref = await facebook.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: COMMENT, text: 'Merci, nous vous écrivons en privé.' });
    expect(ref).toEqual({ externalId: NEW_COMMENT, url: 'https://www.facebook.com/104000000000001/posts/900000000000001/?comment_id=700000000000099' });
    const write = server.requests.at(-2);
    expect(write).toMatchObject({ method: 'POST', path: `/v23.0/${COMMENT}/comments`, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(JSON.parse(write?.body ?? '')).toEqual({ message: 'Merci, nous vous écrivons en privé.' });
    expect(write?.path).not.toContain('access_token');
  });

  it('still returns the id when the address cannot be read (the comment exists: no error inviting a retry)', async () => {
    server.route(`/v23.0/${COMMENT}/comments`, json('create-comment.json'));
    server.route(`/v23.0/${NEW_COMMENT}`, json('error-2-transient.json', 500));
    const ref = await facebook.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: COMMENT, text: 'Merci' });
    expect(ref).toEqual({ externalId: NEW_COMMENT });
  });

  it('publishes on the account’s Page, and needs the Page id for it', async () => {
    server.route(`/v23.0/${PAGE}/feed`, json('create-post.json'));
    server.route(`/v23.0/${PAGE}_900000000000099`, { status: 200, headers: { 'content-type': 'application/json' }, body: '{"permalink_url":"https://www.facebook.com/104000000000001/posts/900000000000099","id":"104000000000001_900000000000099"}' });
    const ref = await facebook.capabilities.publish!.publish(ctx, { account: account({ pageId: PAGE, graphVersion: 'v23.0' }), text: 'Nouvelle version de Vigie !' });
    expect(ref).toEqual({ externalId: '104000000000001_900000000000099', url: 'https://www.facebook.com/104000000000001/posts/900000000000099' });
    await expect(facebook.capabilities.publish!.publish(ctx, { account: account(), text: 'x' })).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('maps Graph errors: 190 needs re-authorisation, 200 a missing permission, 506 a duplicate, 32 a rate limit with its wait', async () => {
    const reply = () => facebook.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: COMMENT, text: 'Merci' });
    server.route(`/v23.0/${COMMENT}/comments`, json('error-190-expired.json', 400));
    await expect(reply()).rejects.toMatchObject({ code: 'auth_expired', message: expect.stringContaining('Graph error 190') });
    server.route(`/v23.0/${COMMENT}/comments`, json('error-200-permission.json', 403));
    await expect(reply()).rejects.toMatchObject({ code: 'forbidden' });
    server.route(`/v23.0/${COMMENT}/comments`, json('error-506-duplicate.json', 400));
    await expect(reply()).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('duplicate content') });
    server.route(`/v23.0/${COMMENT}/comments`, { ...json('error-32-page-limit.json', 400), headers: { 'content-type': 'application/json', 'x-page-usage': '{"call_count":100,"total_cputime":10,"total_time":10,"estimated_time_to_regain_access":15}' } });
    await expect(reply()).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 15 * 60_000 });
  });

  it('refuses to answer a rating (no Graph object to comment on) without calling Facebook', async () => {
    const before = server.requests.length;
    await expect(facebook.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: 'rating:104000000000001:55:2026-11-20T10:00:00+0000', text: 'Merci' })).rejects.toMatchObject({ code: 'invalid_request' });
    expect(server.requests.length).toBe(before);
  });
});
