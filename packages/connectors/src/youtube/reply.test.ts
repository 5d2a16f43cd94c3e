import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer, type RecordedResponse } from '../conformance/fixture-server';
import { secretFieldsOfAccount } from '../conformance/secret-fields';
import type { ConnectorContext } from '../connector';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { createYoutubeConnector } from './index';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = (name: string, status = 200): RecordedResponse => ({ status, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: fixture(name) });
const TOKEN = 'ya29.a0VigieTestOAuthAccessToken000000';
const TOP = 'UgxA1vigieTopLevel01AaABAg';
const COMMENTS = '/youtube/v3/comments';

let server: FixtureServer;
let http: HttpClient;
let ctx: ConnectorContext;
let youtube: ReturnType<typeof createYoutubeConnector>;
const reply = (inReplyToExternalId: string, account: Record<string, unknown> = { accessToken: TOKEN }) =>
  youtube.capabilities.reply!.reply(ctx, { account: youtube.accountConfig!.parse(account), inReplyToExternalId, text: 'Merci pour votre retour !' });
const lastBody = (): unknown => JSON.parse(server.requests.at(-1)?.body ?? 'null');

beforeAll(async () => {
  server = await startFixtureServer();
  http = createHttpClient({ allowPrivate: true, timeoutMs: 2_000 });
  ctx = { http, signal: new AbortController().signal, now: () => new Date('2026-11-26T12:00:00.000Z'), log: () => undefined };
  youtube = createYoutubeConnector(`${server.origin}/youtube/v3`);
});

afterAll(async () => {
  await http.close();
  await server.close();
});

describe('youtube reply', () => {
  it('marks the key and the token secret; no publish (YouTube posts are videos)', () => {
    expect(secretFieldsOfAccount(youtube).sort()).toEqual(['accessToken', 'apiKey']);
    expect(youtube.capabilities.publish).toBeUndefined();
    expect(youtube.accountConfig!.safeParse({}).success).toBe(false);
  });

  it('replies under a top-level comment with comments.insert and the OAuth token', async () => {
    server.route(COMMENTS, json('comment-insert.json'));
    const ref = await reply(TOP);
    expect(ref).toEqual({ externalId: 'UgxA1vigieTopLevel01AaABAg.A1reply0099VigieR', url: 'https://www.youtube.com/watch?v=vIgIe000001&lc=UgxA1vigieTopLevel01AaABAg.A1reply0099VigieR' });
    expect(server.requests.at(-1)).toMatchObject({ method: 'POST', path: `${COMMENTS}?part=snippet`, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(lastBody()).toEqual({ snippet: { parentId: TOP, textOriginal: 'Merci pour votre retour !' } });
  });

  it('answers a reply under its top-level comment (YouTube threads have one level)', async () => {
    server.route(COMMENTS, json('comment-insert.json'));
    await reply(`${TOP}.A1reply0001AbCdEf`);
    expect(lastBody()).toMatchObject({ snippet: { parentId: TOP } });
  });

  it('comments on a video (a search mention) with commentThreads.insert', async () => {
    server.route('/youtube/v3/commentThreads', json('comment-thread-insert.json'));
    const ref = await reply('vIgIe000002');
    expect(ref).toEqual({ externalId: 'UgzVigieNewThread0001AaABAg', url: 'https://www.youtube.com/watch?v=vIgIe000002&lc=UgzVigieNewThread0001AaABAg' });
    expect(lastBody()).toEqual({ snippet: { videoId: 'vIgIe000002', topLevelComment: { snippet: { textOriginal: 'Merci pour votre retour !' } } } });
  });

  it('needs an OAuth token (an API key cannot post), says so for a token without the scope, and for disabled comments', async () => {
    await expect(reply(TOP, { apiKey: 'AIzaSyVigieTestKey000000000000000000000' })).rejects.toMatchObject({ code: 'auth_expired', message: expect.stringContaining('youtube.force-ssl') });
    server.route(COMMENTS, json('error-403-insufficient-permissions.json', 403));
    await expect(reply(TOP)).rejects.toMatchObject({ code: 'forbidden' });
    server.route(COMMENTS, json('error-403-comments-disabled.json', 403));
    await expect(reply(TOP)).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('comments are disabled') });
  });

  it('waits for midnight Pacific when the daily quota is spent', async () => {
    server.route(COMMENTS, json('error-403-quota.json', 403));
    const error = await reply(TOP).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate_limited' });
    expect((error as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
  });

  it('refuses an id that is neither a comment nor a video', async () => {
    await expect(reply('https://youtu.be/x')).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
