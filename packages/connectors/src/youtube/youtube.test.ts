import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorContext } from '../connector';
import { runConnectorConformance } from '../conformance/run-connector-conformance';
import { startFixtureServer, type FixtureServer, type RecordedResponse } from '../conformance/fixture-server';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { createYoutubeConnector } from './index';
import { nextPacificMidnight } from './quota-reset';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const json = (name: string, status = 200): RecordedResponse => ({ status, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: fixture(name) });
const THREADS = '/youtube/v3/commentThreads';
const SEARCH = '/youtube/v3/search';
const KEY = 'AIzaSyVigieTestKey000000000000000000000';
const CHANNEL = 'UCvigieExempleChaine0001';
const T1 = 'UgxA1vigieTopLevel01AaABAg';

/** Serves page 1 or page 2 according to `pageToken`, as the API does. */
const paged = (request: IncomingMessage): RecordedResponse =>
  new URL(request.url ?? '/', 'http://x').searchParams.get('pageToken') === 'QURTSl9pMl9wRUtfbmV4dA' ? json('comment-threads-page2.json') : json('comment-threads-page1.json');

runConnectorConformance({
  connector: (origin) => createYoutubeConnector(`${origin}/youtube/v3`),
  path: THREADS,
  source: () => ({ config: { apiKey: KEY, channelId: CHANNEL }, state: {} }),
  fixtures: {
    happy: { route: paged, mentions: 4 },
    empty: json('comment-threads-empty.json'),
    malformed: json('comment-threads-malformed.json'),
    edits: { before: paged, after: json('comment-threads-later.json'), editedIds: [T1], newIds: ['UgvE5vigieTopLevel05AaABAg'], deletedIds: ['UgzB2vigieTopLevel02AaABAg'] },
    pagination: { route: paged, mentions: 4, polls: 2 },
    errorBodies: {
      401: { body: fixture('error-401.json'), headers: { 'content-type': 'application/json; charset=UTF-8' } },
      403: { body: fixture('error-403-forbidden.json'), headers: { 'content-type': 'application/json; charset=UTF-8' } },
      503: { body: fixture('error-503.json'), headers: { 'content-type': 'application/json; charset=UTF-8' } },
    },
    reply: {
      routes: { '/youtube/v3/comments': json('comment-insert.json') },
      path: '/youtube/v3/comments',
      account: () => ({ accessToken: 'ya29.a0VigieTestOAuthAccessToken000000' }),
      inReplyToExternalId: T1,
      expected: { externalId: 'UgxA1vigieTopLevel01AaABAg.A1reply0099VigieR', url: 'https://www.youtube.com/watch?v=vIgIe000001&lc=UgxA1vigieTopLevel01AaABAg.A1reply0099VigieR' },
    },
  },
});

let server: FixtureServer;
let http: HttpClient;
const now = new Date('2026-11-26T12:00:00Z');
const ctx = (): ConnectorContext => ({ http, signal: new AbortController().signal, now: () => now, log: () => undefined });

beforeAll(async () => {
  server = await startFixtureServer({ [THREADS]: paged, [SEARCH]: json('search-page1.json') });
  http = createHttpClient({ allowPrivate: true, timeoutMs: 5_000 });
});

afterAll(async () => {
  await http.close();
  await server.close();
});

const connector = () => createYoutubeConnector(`${server.origin}/youtube/v3`);

async function poll(config: Record<string, unknown>, state: Record<string, unknown> = {}) {
  const c = connector();
  const fetch = c.capabilities.poll?.fetch;
  if (fetch === undefined) throw new Error('youtube must poll');
  return fetch(ctx(), { config: c.sourceConfig.parse({ apiKey: KEY, ...config }), state });
}

const requestUrl = (back = 1): URL => new URL(server.requests.at(-back)?.path ?? '', server.origin);

async function failure(route: RecordedResponse): Promise<unknown> {
  server.route(THREADS, route);
  const error = await poll({ channelId: CHANNEL }).catch((e: unknown) => e);
  server.route(THREADS, paged);
  return error;
}

describe('youtube comment threads', () => {
  it('asks for a channel’s threads newest first in plain text, the key in a header and never in the URL', async () => {
    await poll({ channelId: CHANNEL });
    const first = requestUrl(2);
    expect(first.pathname).toBe(THREADS);
    expect(Object.fromEntries(first.searchParams)).toEqual({ part: 'snippet,replies', allThreadsRelatedToChannelId: CHANNEL, order: 'time', textFormat: 'plainText', maxResults: '100' });
    expect(server.requests.at(-2)?.headers['x-goog-api-key']).toBe(KEY);
    expect(requestUrl().searchParams.get('pageToken')).toBe('QURTSl9pMl9wRUtfbmV4dA');
  });

  it('normalises comments and embedded replies, and skips a comment from a deleted channel', async () => {
    const { mentions, skipped } = await poll({ videoId: 'vIgIe000001' });
    expect(requestUrl(2).searchParams.get('videoId')).toBe('vIgIe000001');
    expect(mentions.find((m) => m.externalId === T1)).toMatchObject({
      connector: 'youtube',
      kind: 'comment',
      url: `https://www.youtube.com/watch?v=vIgIe000001&lc=${T1}`,
      author: { handle: '@jeanne_ops', url: 'https://www.youtube.com/@jeanne_ops' },
      engagement: { likes: 3, replies: 1 },
      replyToExternalId: 'vIgIe000001',
      threadExternalId: 'vIgIe000001',
      publishedAt: '2026-11-26T11:30:05.000Z',
    });
    expect(mentions.find((m) => m.externalId === `${T1}.A1reply0001AbCdEf`)).toMatchObject({ kind: 'reply', replyToExternalId: T1, author: { handle: '@mairie_exemple' } });
    expect(mentions.find((m) => m.author.handle === '@kestrel_dev')?.text).toBe('How does it compare to paid tools? Rate limits & quotas are my main worry.');
    expect(skipped).toEqual([{ reason: 'comment without author (deleted channel)', externalId: 'UgwC3vigieTopLevel03AaABAg' }]);
  });

  it('re-emits an edited comment once, under the same id, and keeps the watermark', async () => {
    const first = await poll({ channelId: CHANNEL });
    expect(first.state).toMatchObject({ watermark: '2026-11-26T11:45:12Z' });
    server.route(THREADS, json('comment-threads-later.json'));
    const second = await poll({ channelId: CHANNEL }, JSON.parse(JSON.stringify(first.state)) as Record<string, unknown>);
    server.route(THREADS, paged);
    expect(second.mentions.find((m) => m.externalId === T1)?.text).toBe("Super tuto, on a installé Vigie en 20 minutes. Edit : l'import OPML garde bien les dossiers !");
    expect(second.mentions).toHaveLength(2);
  });

  it('stops paging once a page reaches comments older than the watermark', async () => {
    const before = server.requests.length;
    await poll({ channelId: CHANNEL }, { watermark: '2026-11-26T11:00:00Z', seen: [] });
    expect(server.requests.length - before).toBe(1);
  });

  it('waits for midnight Pacific time on quotaExceeded, from the documented reason', async () => {
    const error = await failure(json('error-403-quota.json', 403));
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: Date.parse('2026-11-27T08:00:00Z') - now.getTime() });
    expect((error as Error).message).toContain('quotaExceeded');
  });

  it('asks for a new key on keyInvalid and API_KEY_INVALID, and explains disabled comments', async () => {
    expect(await failure(json('error-400-key-invalid.json', 400))).toMatchObject({ code: 'auth_expired' });
    expect(await failure(json('error-400-key-invalid-legacy.json', 400))).toMatchObject({ code: 'auth_expired' });
    const disabled = await failure(json('error-403-comments-disabled.json', 403));
    expect(disabled).toMatchObject({ code: 'forbidden' });
    expect((disabled as Error).message).toContain('comments are disabled on this video');
  });

  it('backfills page by page down to a date', async () => {
    const backfill = connector().capabilities.backfill?.backfill;
    const source = { config: connector().sourceConfig.parse({ apiKey: KEY, channelId: CHANNEL }), state: {} };
    const first = await backfill?.(ctx(), source, { until: new Date('2026-11-26T09:00:00Z') });
    expect(first?.mentions).toHaveLength(3);
    expect(first?.nextCursor).toBe('QURTSl9pMl9wRUtfbmV4dA');
    const second = await backfill?.(ctx(), source, { until: new Date('2026-11-26T09:00:00Z'), cursor: first?.nextCursor ?? undefined });
    expect(second?.mentions).toEqual([]);
    expect(second?.nextCursor).toBeNull();
  });

  it('refuses a source that follows nothing or two things, in both languages', () => {
    const parsed = connector().sourceConfig.safeParse({ apiKey: KEY, channelId: CHANNEL, videoId: 'vIgIe000001' });
    expect(parsed.error?.issues[0]?.message).toBe('choose exactly one of a search, a channel or a video / choisissez exactement une recherche, une chaîne ou une vidéo');
    expect(connector().sourceConfig.safeParse({ apiKey: KEY, channelId: 'vigie' }).success).toBe(false);
  });
});

describe('youtube video search', () => {
  it('polls videos newest first from the watermark and unescapes titles', async () => {
    const { mentions, state } = await poll({ query: 'vigie' });
    expect(Object.fromEntries(requestUrl().searchParams)).toEqual({ part: 'snippet', q: 'vigie', type: 'video', order: 'date', maxResults: '50', publishedAfter: '2026-11-25T12:00:00Z' });
    expect(mentions[0]).toMatchObject({ kind: 'post', externalId: 'vIgIe000001', title: "Vigie : l'écoute sociale auto-hébergée en 20 minutes", text: 'Installation pas à pas de Vigie & premiers réglages.', author: { handle: 'Vigie Exemple' } });
    expect(mentions[1]?.text).toBe('Self-hosted social listening: Vigie vs "big SaaS"');
    const again = await poll({ query: 'vigie' }, JSON.parse(JSON.stringify(state)) as Record<string, unknown>);
    expect(requestUrl().searchParams.get('publishedAfter')).toBe('2026-11-26T09:00:00Z');
    expect(again.mentions).toEqual([]);
  });

  it('searches one page for the query tester with the account’s key', async () => {
    const page = await connector().capabilities.search?.search(ctx(), { query: 'vigie', account: { apiKey: KEY } });
    expect(requestUrl().searchParams.get('maxResults')).toBe('25');
    expect(page?.mentions).toHaveLength(2);
    expect(page?.nextCursor).toBeNull();
  });
});

describe('nextPacificMidnight', () => {
  it('follows daylight saving time', () => {
    expect(nextPacificMidnight(new Date('2026-07-01T12:00:00Z')).toISOString()).toBe('2026-07-02T07:00:00.000Z');
    expect(nextPacificMidnight(new Date('2026-11-27T07:59:00Z')).toISOString()).toBe('2026-11-27T08:00:00.000Z');
    // The night of the switch back to standard time (1 Nov 2026): midnight on 2 Nov is UTC−8.
    expect(nextPacificMidnight(new Date('2026-11-01T12:00:00Z')).toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });
});
