import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../conformance/fixture-server';
import type { ConnectorContext } from '../connector';
import { ConnectorError } from '../connector-error';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { redditSourceConfig, type RedditSourceConfig } from './config';
import { createSearchReddit, reddit, redditBenchPages } from './index';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = { 'content-type': 'application/json; charset=UTF-8' };
const NOW = new Date('2026-11-25T12:00:00.000Z');
const NEW = '/r/france/new.json';

let server: FixtureServer;
let http: HttpClient;
let ctx: ConnectorContext;
const poll = reddit.capabilities.poll!;

function config(extra: Record<string, unknown> = { subreddit: 'france' }): RedditSourceConfig {
  return redditSourceConfig.parse({ baseUrl: server.origin, ...extra });
}

function param(url: string | undefined, name: string): string | null {
  return new URL(url ?? '/', 'http://x').searchParams.get(name);
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

beforeAll(async () => {
  server = await startFixtureServer();
  http = createHttpClient({ allowPrivate: true, timeoutMs: 2_000 });
  ctx = { http, signal: new AbortController().signal, now: () => NOW, log: () => undefined };
});

afterAll(async () => {
  await http.close();
  await server.close();
});

describe('reddit source config', () => {
  it('accepts r/name, refuses an invalid name with a bilingual message', () => {
    expect(redditSourceConfig.parse({ subreddit: 'r/france' }).subreddit).toBe('france');
    const wrong = redditSourceConfig.safeParse({ subreddit: 'a b' });
    expect(wrong.error?.issues[0]?.message).toMatch(/2 to 21 letters.*2 à 21 lettres/);
    expect(redditSourceConfig.safeParse({ subreddit: 'france', search: 'vigie' }).success).toBe(false);
  });
});

describe('reddit poll', () => {
  it('normalises a subreddit page, skips deleted and removed posts with the reason, and sends the User-Agent', async () => {
    server.route(NEW, { status: 200, headers: json, body: fixture('subreddit-new-page1.json') });
    const result = await poll.fetch(ctx, { config: config({ subreddit: 'france', userAgent: 'web:vigie:0.1.0 (by /u/jeanne)' }), state: {} });
    expect(result.mentions).toHaveLength(2);
    const [self, link] = result.mentions;
    expect(self).toMatchObject({
      externalId: 't3_1p6v0e5',
      url: 'https://www.reddit.com/r/france/comments/1p6v0e5/vigie,_un_outil_de_veille_libr/',
      title: 'Vigie, un outil de veille libre ?',
      text: 'Quelqu\'un a testé **Vigie** pour la veille des réseaux ?\nMerci & bonne journée <3',
      author: { handle: 'u/jeanne_dupont', url: 'https://www.reddit.com/user/jeanne_dupont' },
      engagement: { likes: 42, replies: 7 },
      publishedAt: '2026-11-25T10:05:00.000Z',
      kind: 'post',
    });
    expect(self?.html).toContain('<p>');
    expect(link?.text).toBe('Article sur la veille des marques');
    expect(result.skipped.map((s) => [s.externalId, s.reason])).toEqual([
      ['t3_1p6uz9x', 'deleted by its author'],
      ['t3_1p6uyk2', 'removed (moderator)'],
      ['t3_1p6uy0a', 'removed (reddit)'],
    ]);
    const request = server.requests.at(-1);
    expect(request?.headers['user-agent']).toBe('web:vigie:0.1.0 (by /u/jeanne)');
    expect(param(request?.path, 'raw_json')).toBe('1');
    expect(result.state).toMatchObject({ newestName: 't3_1p6v0e5', newestCreated: 1795601100 });
  });

  it('after a restart emits only new posts, reports deleted ones once, and follows after when a whole page is new', async () => {
    server.route(NEW, { status: 200, headers: json, body: fixture('subreddit-new-page1.json') });
    const first = await poll.fetch(ctx, { config: config(), state: {} });
    server.route(NEW, (req) =>
      param(req.url, 'after') === null
        ? { status: 200, headers: json, body: fixture('subreddit-new-newer.json') }
        : { status: 200, headers: json, body: fixture('subreddit-new-page1.json') },
    );
    const stored = JSON.parse(JSON.stringify(first.state)) as Record<string, unknown>;
    const second = await poll.fetch(ctx, { config: config(), state: stored });
    expect(second.mentions.map((m) => m.externalId)).toEqual(['t3_1p6w1aa', 't3_1p6w0bb']);
    expect(second.skipped).toEqual([]);
    expect(second.state.newestName).toBe('t3_1p6w1aa');
  });

  it('pages with after while every item is newer than the last poll', async () => {
    server.route(NEW, (req) =>
      param(req.url, 'after') === 't3_1p6uzq1'
        ? { status: 200, headers: json, body: fixture('subreddit-new-page1.json') }
        : { status: 200, headers: json, body: fixture('subreddit-new-newer.json') },
    );
    const result = await poll.fetch(ctx, { config: config(), state: { newestCreated: 1795600000 } });
    expect(result.mentions.map((m) => m.externalId)).toEqual(['t3_1p6w1aa', 't3_1p6w0bb', 't3_1p6v0e5', 't3_1p6uzq1']);
  });

  it('re-emits an edited post under the same id', async () => {
    server.route(NEW, { status: 200, headers: json, body: fixture('subreddit-new-page1.json') });
    const first = await poll.fetch(ctx, { config: config(), state: {} });
    server.route(NEW, { status: 200, headers: json, body: fixture('subreddit-new-edited.json') });
    const second = await poll.fetch(ctx, { config: config(), state: first.state });
    expect(second.mentions.map((m) => [m.externalId, m.text])).toEqual([['t3_1p6v0e5', 'Quelqu\'un a testé Vigie ? Édit : trouvé la doc.']]);
  });

  it('skips one malformed item and keeps the state on an empty page', async () => {
    server.route(NEW, { status: 200, headers: json, body: fixture('subreddit-new-one-malformed.json') });
    const result = await poll.fetch(ctx, { config: config(), state: {} });
    expect(result.mentions).toHaveLength(2);
    expect(result.skipped).toEqual([{ reason: expect.stringMatching(/^malformed item: data\.(permalink|created_utc) /) as string, externalId: 't3_1p6wbad' }]);
    server.route(NEW, { status: 200, headers: json, body: fixture('subreddit-new-empty.json') });
    const empty = await poll.fetch(ctx, { config: config(), state: result.state });
    expect(empty).toMatchObject({ mentions: [], skipped: [], state: result.state });
  });

  it('calls an unknown subreddit not_found when Reddit redirects it to a search', async () => {
    server.route('/r/nexistepas/new.json', { status: 302, headers: { location: '/subreddits/search.json?q=nexistepas' } });
    server.route('/subreddits/search.json', { status: 200, headers: json, body: fixture('subreddits-search-redirect.json') });
    const error = await failure(poll.fetch(ctx, { config: config({ subreddit: 'nexistepas' }), state: {} }));
    expect(error.code).toBe('not_found');
  });

  it.each([
    [403, 'error-private.json', {}, 'forbidden', undefined, /\(private\)/],
    [404, 'error-banned.json', {}, 'not_found', undefined, /\(banned\)/],
    [401, 'error-too-many-requests.json', {}, 'auth_expired', undefined, /401/],
    [429, 'error-too-many-requests.json', { 'retry-after': '12' }, 'rate_limited', 12_000, /429/],
    [429, 'error-too-many-requests.json', { 'x-ratelimit-reset': '340', 'x-ratelimit-remaining': '0.0', 'x-ratelimit-used': '100' }, 'rate_limited', 340_000, /429/],
    [500, 'error-too-many-requests.json', {}, 'upstream_unavailable', undefined, /500/],
  ])('classifies HTTP %i (%s) as %s', async (status, body, headers, code, retryAfterMs, message) => {
    server.route(NEW, { status, headers: { ...json, ...headers }, body: fixture(body) });
    const error = await failure(poll.fetch(ctx, { config: config(), state: {} }));
    expect(error.code).toBe(code);
    expect(error.retryAfterMs).toBe(retryAfterMs);
    expect(error.message).toMatch(message);
  });

  it('refuses a truncated body or an HTML page as invalid_payload', async () => {
    server.route(NEW, { status: 200, headers: json, body: fixture('truncated.json') });
    expect((await failure(poll.fetch(ctx, { config: config(), state: {} }))).code).toBe('invalid_payload');
    server.route(NEW, { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>blocked</title>' });
    expect((await failure(poll.fetch(ctx, { config: config(), state: {} }))).code).toBe('invalid_payload');
  });
});

describe('reddit through RSS', () => {
  const ATOM = '/r/france/new/.rss';
  const atom = { 'content-type': 'application/atom+xml; charset=UTF-8' };

  it('reads the Atom twin of the listing: body without the "submitted by" footer, removed posts skipped once', async () => {
    server.route(ATOM, { status: 200, headers: atom, body: fixture('subreddit-new.atom.xml') });
    const first = await poll.fetch(ctx, { config: config({ subreddit: 'france', via: 'rss' }), state: {} });
    expect(first.mentions.map((m) => [m.externalId, m.text])).toEqual([
      ['t3_1p6v0e5', "Quelqu'un a testé Vigie pour la veille des réseaux ?\nMerci & bonne journée <3"],
      ['t3_1p6uzq1', 'Article sur la veille des marques'],
    ]);
    expect(first.mentions[0]).toMatchObject({ author: { handle: 'u/jeanne_dupont' }, publishedAt: '2026-11-25T10:05:00.000Z', title: 'Vigie, un outil de veille libre ?' });
    expect(first.skipped).toEqual([{ reason: 'removed by the moderators', externalId: 't3_1p6uyk2' }]);
    expect(param(server.requests.at(-1)?.path, 'limit')).toBe('100');
    const second = await poll.fetch(ctx, { config: config({ subreddit: 'france', via: 'rss' }), state: JSON.parse(JSON.stringify(first.state)) as Record<string, unknown> });
    expect(second).toMatchObject({ mentions: [], skipped: [] });
  });

  it('re-emits an entry whose updated date moved (an edit), and refuses a page that is not a feed', async () => {
    server.route(ATOM, { status: 200, headers: atom, body: fixture('subreddit-new.atom.xml') });
    const first = await poll.fetch(ctx, { config: config({ subreddit: 'france', via: 'rss' }), state: {} });
    server.route(ATOM, { status: 200, headers: atom, body: fixture('subreddit-new.atom.xml').replace('2026-11-25T10:20:00+00:00', '2026-11-25T11:00:00+00:00') });
    const second = await poll.fetch(ctx, { config: config({ subreddit: 'france', via: 'rss' }), state: first.state });
    expect(second.mentions.map((m) => m.externalId)).toEqual(['t3_1p6v0e5']);
    server.route(ATOM, { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>blocked</title>' });
    await expect(poll.fetch(ctx, { config: config({ subreddit: 'france', via: 'rss' }), state: {} })).rejects.toMatchObject({ code: 'invalid_payload' });
    server.route(ATOM, { status: 429, headers: { 'retry-after': '30' }, body: '' });
    await expect(poll.fetch(ctx, { config: config({ subreddit: 'france', via: 'rss' }), state: {} })).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 30_000 });
  });

  it('backfills the one page the Atom twin has', async () => {
    server.route(ATOM, { status: 200, headers: atom, body: fixture('subreddit-new.atom.xml') });
    const page = await reddit.capabilities.backfill!.backfill(ctx, { config: config({ subreddit: 'france', via: 'rss' }), state: {} }, { until: new Date('2026-11-25T10:04:30.000Z') });
    expect(page).toMatchObject({ mentions: [{ externalId: 't3_1p6v0e5' }], nextCursor: null });
  });
});

describe('reddit search and backfill', () => {
  it('searches newest first within the time window of since, and hands back after', async () => {
    server.route('/search.json', { status: 200, headers: json, body: fixture('search-new.json') });
    const page = await createSearchReddit(server.origin)(ctx, { query: 'vigie', since: new Date('2026-11-24T12:00:00.000Z') });
    expect(page.mentions.map((m) => m.externalId)).toEqual(['t3_1p6v0e5', 't3_1p5zzzz']);
    expect(page.nextCursor).toBe('t3_1p5zzzz');
    const path = server.requests.at(-1)?.path;
    expect([param(path, 'q'), param(path, 'sort'), param(path, 't')]).toEqual(['vigie', 'new', 'day']);
  });

  it('backfills a subreddit until posts are older than the limit', async () => {
    server.route(NEW, (req) =>
      param(req.url, 'after') === null
        ? { status: 200, headers: json, body: fixture('subreddit-new-page1.json') }
        : { status: 200, headers: json, body: fixture('subreddit-new-older.json') },
    );
    const until = new Date('2026-11-18T00:00:00.000Z');
    const source = { config: config(), state: {} };
    const first = await reddit.capabilities.backfill!.backfill(ctx, source, { until });
    expect(first.nextCursor).toBe('t3_1p6uy0a');
    const second = await reddit.capabilities.backfill!.backfill(ctx, source, { until, cursor: first.nextCursor ?? '' });
    expect(second.mentions.map((m) => m.externalId)).toEqual(['t3_1p2aaaa']);
    expect(second.nextCursor).toBeNull();
    await expect(reddit.capabilities.backfill!.backfill(ctx, source, { until, cursor: '../x' })).rejects.toMatchObject({ code: 'invalid_request' });
  });
});

describe('reddit bench pages', () => {
  it('normalises every recorded page', () => {
    for (const page of redditBenchPages()) expect(page.normalise(page.payload).length).toBeGreaterThan(0);
  });
});
