import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorContext } from '../connector';
import { runConnectorConformance } from '../conformance/run-connector-conformance';
import { startFixtureServer, type FixtureServer, type RecordedResponse } from '../conformance/fixture-server';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { createXConnector } from './index';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const json = (name: string, status = 200, headers: Record<string, string> = {}): RecordedResponse => ({ status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: fixture(name) });
const PATH = '/2/tweets/search/recent';
const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAVigieTestBearerToken';

/** Serves page 1 or page 2 according to `next_token`, as the API does. */
const paged = (request: IncomingMessage): RecordedResponse =>
  new URL(request.url ?? '/', 'http://x').searchParams.get('next_token') === 'b26v89c19zqg8o3fpzbkk0e2gyn3xxdl4yq4n2o8mpai5' ? json('search-recent-page2.json') : json('search-recent-page1.json');

runConnectorConformance({
  connector: (origin) => createXConnector(origin),
  path: PATH,
  source: () => ({ config: { query: 'vigie', bearerToken: TOKEN }, state: {} }),
  fixtures: {
    happy: { route: paged, mentions: 4 },
    empty: json('search-recent-empty.json'),
    malformed: json('search-recent-malformed.json'),
    edits: { before: paged, after: json('search-recent-later.json'), editedIds: ['2125900000000000014'], newIds: ['2125900000000000017'], deletedIds: ['2125900000000000015'] },
    pagination: { route: paged, mentions: 4, polls: 2 },
    errorBodies: {
      401: { body: fixture('error-401.json'), headers: { 'content-type': 'application/problem+json' } },
      403: { body: fixture('error-403.json'), headers: { 'content-type': 'application/problem+json' } },
      429: { body: fixture('error-429.json'), headers: { 'content-type': 'application/problem+json' } },
      503: { body: fixture('error-503.json'), headers: { 'content-type': 'application/problem+json' } },
    },
    reply: {
      routes: { '/2/tweets': json('create-post.json', 201) },
      path: '/2/tweets',
      account: () => ({ accessToken: 'dXNlci1jb250ZXh0LXRva2VuLXRlc3Q6MTIzNDU2Nzg5MA' }),
      inReplyToExternalId: '2125900000000000014',
      expected: { externalId: '2125900000000000099', url: 'https://x.com/i/web/status/2125900000000000099' },
    },
  },
});

let server: FixtureServer;
let http: HttpClient;
let now = new Date('2026-11-26T12:00:00Z');
const logs: string[] = [];
const ctx = (): ConnectorContext => ({
  http,
  signal: new AbortController().signal,
  now: () => now,
  log: (level, message) => {
    logs.push(`${level}: ${message}`);
  },
});

beforeAll(async () => {
  server = await startFixtureServer({ [PATH]: paged });
  http = createHttpClient({ allowPrivate: true, timeoutMs: 5_000 });
});

afterAll(async () => {
  await http.close();
  await server.close();
});

async function poll(config: Record<string, unknown>, state: Record<string, unknown> = {}) {
  const c = createXConnector(server.origin);
  const fetch = c.capabilities.poll?.fetch;
  if (fetch === undefined) throw new Error('x must poll');
  return fetch(ctx(), { config: c.sourceConfig.parse({ bearerToken: TOKEN, ...config }), state });
}

const lastUrl = (): URL => new URL(server.requests.at(-1)?.path ?? '', server.origin);
const roundTrip = (state: object): Record<string, unknown> => JSON.parse(JSON.stringify(state)) as Record<string, unknown>;

describe('x recent search', () => {
  it('asks for the documented fields with the bearer token, from the lookback window on the first poll', async () => {
    now = new Date('2026-11-26T12:00:00Z');
    await poll({ query: 'vigie lang:fr' });
    const first = server.requests.at(-2);
    const url = new URL(first?.path ?? '', server.origin);
    expect(first?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(url.searchParams.get('query')).toBe('vigie lang:fr');
    expect(url.searchParams.get('max_results')).toBe('100');
    expect(url.searchParams.get('start_time')).toBe('2026-11-25T12:00:00Z');
    expect(url.searchParams.get('expansions')).toBe('author_id');
    expect(url.searchParams.get('tweet.fields')).toContain('public_metrics');
    expect(url.searchParams.get('user.fields')).toContain('username');
    expect(lastUrl().searchParams.get('next_token')).toBe('b26v89c19zqg8o3fpzbkk0e2gyn3xxdl4yq4n2o8mpai5');
  });

  it('joins authors, unescapes text, keeps the original id of an edited post and skips a suspended author with X’s reason', async () => {
    const { mentions, skipped } = await poll({ query: 'vigie' });
    expect(mentions.find((m) => m.externalId === '2125900000000000015')).toMatchObject({
      connector: 'x',
      kind: 'reply',
      lang: 'fr',
      url: 'https://x.com/jeanne_ops/status/2125900000000000015',
      author: { handle: '@jeanne_ops', name: 'Jeanne — Mairie', followers: 812, url: 'https://x.com/jeanne_ops' },
      replyToExternalId: '2125900000000000014',
      threadExternalId: '2125900000000000014',
      engagement: { likes: 4, replies: 1, reposts: 0, quotes: 0, views: 212 },
      publishedAt: '2026-11-26T11:20:04.000Z',
    });
    expect(mentions.find((m) => m.externalId === '2125900000000000014')?.text).toBe('Anyone self-hosting Vigie for social listening? Curious about SSRF & rate limits > 40 sources https://t.co/AbCdEf1234');
    const edited = mentions.find((m) => m.externalId === '2125900000000000011');
    expect(edited?.url).toBe('https://x.com/mairie_exemple/status/2125900000000000012');
    expect(mentions.find((m) => m.externalId === '2125900000000000010')?.lang).toBeUndefined();
    expect(skipped).toEqual([{ reason: 'author not available (Forbidden: User has been suspended: [1500003].)', externalId: '2125900000000000013' }]);
  });

  it('asks from since_id on the next poll and saves the month’s reads', async () => {
    const first = await poll({ query: 'vigie' });
    expect(first.state).toEqual({ sinceId: '2125900000000000015', reads: { month: '2026-11', count: 5 } });
    server.route(PATH, json('search-recent-later.json'));
    const second = await poll({ query: 'vigie' }, roundTrip(first.state));
    server.route(PATH, paged);
    expect(lastUrl().searchParams.get('since_id')).toBe('2125900000000000015');
    expect(lastUrl().searchParams.get('start_time')).toBeNull();
    expect(second.state).toMatchObject({ sinceId: '2125900000000000017', reads: { month: '2026-11', count: 7 } });
  });

  it('falls back to start_time when the last seen post is older than the 7 days recent search covers', async () => {
    await poll({ query: 'vigie' }, { sinceId: '2100000000000000000' });
    const url = new URL(server.requests.at(-2)?.path ?? '', server.origin);
    expect(url.searchParams.get('since_id')).toBeNull();
    expect(url.searchParams.get('start_time')).toBe('2026-11-19T12:01:00Z');
  });

  it('caps pages by the monthly read budget, refuses once spent, and finishes the round next month', async () => {
    now = new Date('2026-11-26T12:00:00Z');
    const first = await poll({ query: 'vigie', monthlyReadBudget: 12 });
    expect(lastUrl().searchParams.get('max_results')).toBe('12');
    expect(first.mentions).toHaveLength(2);
    expect(first.skipped.at(-1)?.reason).toMatch(/^monthly read budget of 12 posts used up \(9 left/);
    expect(first.state).toMatchObject({ reads: { month: '2026-11', count: 3 }, resume: { nextToken: 'b26v89c19zqg8o3fpzbkk0e2gyn3xxdl4yq4n2o8mpai5', newestId: '2125900000000000015', startTime: '2026-11-25T12:00:00Z' } });
    const requests = server.requests.length;
    await expect(poll({ query: 'vigie', monthlyReadBudget: 12 }, roundTrip(first.state))).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterMs: Date.parse('2026-12-01T00:00:00Z') - now.getTime(),
    });
    expect(server.requests.length).toBe(requests);
    now = new Date('2026-12-01T00:05:00Z');
    const next = await poll({ query: 'vigie', monthlyReadBudget: 12 }, roundTrip(first.state));
    expect(lastUrl().searchParams.get('next_token')).toBe('b26v89c19zqg8o3fpzbkk0e2gyn3xxdl4yq4n2o8mpai5');
    expect(lastUrl().searchParams.get('start_time')).toBe('2026-11-25T12:00:00Z');
    expect(next.mentions.map((m) => m.externalId)).toEqual(['2125900000000000011', '2125900000000000010']);
    expect(next.state).toEqual({ sinceId: '2125900000000000015', reads: { month: '2026-12', count: 2 } });
    now = new Date('2026-11-26T12:00:00Z');
  });

  it('abandons, with a reason, a round left unfinished for more than 7 days instead of failing forever', async () => {
    const state = { resume: { nextToken: 'b26v89c19zqg8o3fpzbkk0e2gyn3xxdl4yq4n2o8mpai5', newestId: '2125900000000000015', startTime: '2026-11-10T12:00:00Z' } };
    const result = await poll({ query: 'vigie' }, state);
    const first = new URL(server.requests.at(-2)?.path ?? '', server.origin);
    expect(first.searchParams.get('next_token')).toBeNull();
    expect(first.searchParams.get('start_time')).toBe('2026-11-25T12:00:00Z');
    expect(result.skipped[0]?.reason).toContain('older than the 7 days');
  });

  it('turns x-rate-limit-reset into the wait of a 429 without Retry-After', async () => {
    const reset = Date.parse('2026-11-26T12:07:30Z') / 1000;
    server.route(PATH, json('error-429.json', 429, { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) }));
    const error = await poll({ query: 'vigie' }).catch((e: unknown) => e);
    server.route(PATH, paged);
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: 450_000 });
    expect((error as Error).message).toContain('(Too Many Requests)');
  });

  it('marks a revoked token as auth_expired with X’s own words', async () => {
    server.route(PATH, json('error-401.json', 401));
    await expect(poll({ query: 'vigie' })).rejects.toMatchObject({ code: 'auth_expired', message: expect.stringContaining('(Unauthorized)') });
    server.route(PATH, paged);
  });

  it('searches one small page for the query tester with the account’s token', async () => {
    const search = createXConnector(server.origin).capabilities.search?.search;
    const page = await search?.(ctx(), { query: 'vigie', account: { bearerToken: TOKEN, monthlyReadBudget: 100 } });
    expect(lastUrl().searchParams.get('max_results')).toBe('10');
    expect(page?.mentions).toHaveLength(2);
    expect(page?.nextCursor).toBe('b26v89c19zqg8o3fpzbkk0e2gyn3xxdl4yq4n2o8mpai5');
    await expect(search?.(ctx(), { query: 'vigie' }) ?? Promise.resolve()).rejects.toMatchObject({ code: 'auth_expired' });
  });

  it('refuses an empty query and a budget below one page, in both languages', () => {
    const schema = createXConnector(server.origin).sourceConfig;
    expect(schema.safeParse({ query: ' ', bearerToken: TOKEN }).error?.issues[0]?.message).toBe('enter a query / saisissez une requête');
    expect(schema.safeParse({ query: 'vigie', bearerToken: TOKEN, monthlyReadBudget: 5 }).error?.issues[0]?.message).toContain('au moins 10 posts');
  });
});
