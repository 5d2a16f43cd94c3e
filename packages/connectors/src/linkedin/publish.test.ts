import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer, type RecordedResponse } from '../conformance/fixture-server';
import { secretFieldsOfAccount } from '../conformance/secret-fields';
import type { ConnectorContext } from '../connector';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { createLinkedinConnector } from './index';
import { escapeLittleText } from './publish';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = (name: string, status = 200, headers: Record<string, string> = {}): RecordedResponse => ({ status, headers: { 'content-type': 'application/json', ...headers }, body: fixture(name) });
const ORG = 'urn:li:organization:2414183';
const POST = 'urn:li:activity:7400000000000000001';
const COMMENT = `urn:li:comment:(${POST},7400000000000000101)`;
const TOKEN = 'AQVVigieTestLinkedinToken000000000000';
const encoded = (urn: string): string => encodeURIComponent(urn).replace(/\(/g, '%28').replace(/\)/g, '%29');

let server: FixtureServer;
let http: HttpClient;
let ctx: ConnectorContext;
let linkedin: ReturnType<typeof createLinkedinConnector>;
const account = () => linkedin.accountConfig!.parse({ organizationUrn: ORG, accessToken: TOKEN, apiVersion: '202510' });
const lastBody = (): unknown => JSON.parse(server.requests.at(-1)?.body ?? 'null');

beforeAll(async () => {
  server = await startFixtureServer();
  http = createHttpClient({ allowPrivate: true, timeoutMs: 2_000 });
  ctx = { http, signal: new AbortController().signal, now: () => new Date('2026-11-26T12:00:00.000Z'), log: () => undefined };
  linkedin = createLinkedinConnector(server.origin);
});

afterAll(async () => {
  await http.close();
  await server.close();
});

describe('linkedin comment, reply and publish as the organisation', () => {
  it('marks the token secret; an organisation source’s settings are a valid account', () => {
    expect(secretFieldsOfAccount(linkedin)).toEqual(['accessToken']);
    expect(linkedin.accountConfig!.safeParse({ organizationUrn: ORG, accessToken: TOKEN, postUrns: [], postsToWatch: 10, apiVersion: '202510' }).success).toBe(true);
  });

  it('replies under a comment: the comment URN in the path, the post as object, the comment as parentComment, versioned headers', async () => {
    server.route(`/rest/socialActions/${encoded(COMMENT)}/comments`, json('create-comment.json', 201));
    const ref = await linkedin.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: COMMENT, text: 'Oui, le poste est ouvert en télétravail partiel.' });
    expect(ref.externalId).toBe(`urn:li:comment:(${POST},7400000000000000199)`);
    expect(server.requests.at(-1)?.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'linkedin-version': '202510', 'x-restli-protocol-version': '2.0.0' });
    expect(lastBody()).toEqual({ actor: ORG, object: POST, message: { text: 'Oui, le poste est ouvert en télétravail partiel.' }, parentComment: COMMENT });
  });

  it('comments on a post when the mention is the post itself, taking the id from the answer', async () => {
    const SHARE = 'urn:li:share:7400000000000000010';
    server.route(`/rest/socialActions/${encoded(SHARE)}/comments`, { status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":"7400000000000000300","object":"urn:li:share:7400000000000000010","actor":"urn:li:organization:2414183","message":{"text":"Merci"}}' });
    const ref = await linkedin.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: SHARE, text: 'Merci' });
    expect(ref.externalId).toBe(`urn:li:comment:(${SHARE},7400000000000000300)`);
    expect(lastBody()).toEqual({ actor: ORG, object: SHARE, message: { text: 'Merci' } });
  });

  it('publishes a post with the text escaped as little text, and reads its URN from x-restli-id', async () => {
    server.route('/rest/posts', { status: 201, headers: { 'x-restli-id': 'urn:li:share:7400000000000000500' }, body: '' });
    const ref = await linkedin.capabilities.publish!.publish(ctx, { account: account(), text: 'Vigie 2.0 (enfin) #veille @vous' });
    expect(ref).toEqual({ externalId: 'urn:li:share:7400000000000000500', url: 'https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7400000000000000500/' });
    expect(lastBody()).toMatchObject({ author: ORG, commentary: 'Vigie 2.0 \\(enfin\\) \\#veille \\@vous', visibility: 'PUBLIC', lifecycleState: 'PUBLISHED' });
    expect(escapeLittleText('a_b*c~[d]{e}|f<g>\\')).toBe('a\\_b\\*c\\~\\[d\\]\\{e\\}\\|f\\<g\\>\\\\');
  });

  it('maps errors: revoked token → auth_expired, missing permission → forbidden, duplicate → invalid_request, 429 with its wait', async () => {
    const path = `/rest/socialActions/${encoded(COMMENT)}/comments`;
    const reply = () => linkedin.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: COMMENT, text: 'Merci' });
    server.route(path, json('error-401-expired.json', 401));
    await expect(reply()).rejects.toMatchObject({ code: 'auth_expired' });
    server.route(path, json('error-403.json', 403));
    await expect(reply()).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('ACCESS_DENIED') });
    server.route(path, json('error-429.json', 429, { 'retry-after': '3600' }));
    await expect(reply()).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 3_600_000 });
    server.route('/rest/posts', json('error-422-duplicate.json', 422));
    await expect(linkedin.capabilities.publish!.publish(ctx, { account: account(), text: 'Merci' })).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('duplicate content') });
  });

  it('refuses what is not a LinkedIn URN, and a comment over 1,250 characters, before calling LinkedIn', async () => {
    const before = server.requests.length;
    await expect(linkedin.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: 'https://www.linkedin.com/feed/update/x', text: 'Merci' })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(linkedin.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: COMMENT, text: 'a'.repeat(1251) })).rejects.toMatchObject({ code: 'invalid_request' });
    expect(server.requests.length).toBe(before);
  });
});
