import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../conformance/fixture-server';
import type { ConnectorContext } from '../connector';
import { ConnectorError } from '../connector-error';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { blueskySourceConfig, type BlueskySourceConfig } from './config';
import { bluesky, blueskyBenchPages, createSearchPosts, createTermFilter, jetstreamUrl, parseJetstreamEvent } from './index';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = { 'content-type': 'application/json; charset=utf-8' };
const NOW = new Date('2026-11-25T12:00:00.000Z');
const SEARCH = '/xrpc/app.bsky.feed.searchPosts';
const AUTHOR = '/xrpc/app.bsky.feed.getAuthorFeed';

let server: FixtureServer;
let http: HttpClient;
let ctx: ConnectorContext;
const poll = bluesky.capabilities.poll!;

function config(extra: Record<string, unknown> = { search: 'vigie' }): BlueskySourceConfig {
  return blueskySourceConfig.parse({ baseUrl: server.origin, ...extra });
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

describe('bluesky source config', () => {
  it('accepts a handle with or without @, or a DID, and explains a wrong one in both languages', () => {
    expect(blueskySourceConfig.parse({ author: '@alice.bsky.social' }).author).toBe('alice.bsky.social');
    expect(blueskySourceConfig.parse({ author: 'did:plc:z72i7hdynmk6r22z27h6tvur' }).author).toBe('did:plc:z72i7hdynmk6r22z27h6tvur');
    const wrong = blueskySourceConfig.safeParse({ author: 'alice' });
    expect(wrong.error?.issues[0]?.message).toMatch(/handle such as .* identifiant comme/);
    expect(blueskySourceConfig.safeParse({ search: 'a', author: 'alice.bsky.social' }).success).toBe(false);
  });
});

describe('bluesky poll', () => {
  it('normalises search results: web address, replies with their thread, future dates clamped, media-only posts skipped', async () => {
    server.route(SEARCH, { status: 200, headers: json, body: fixture('search-posts-page1.json') });
    const result = await poll.fetch(ctx, { config: config(), state: {} });
    const [first, reply, future] = result.mentions;
    expect(first).toMatchObject({
      externalId: 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3lbq2ydkhsk2a',
      url: 'https://bsky.app/profile/alice.bsky.social/post/3lbq2ydkhsk2a',
      author: { handle: '@alice.bsky.social', name: 'Alice Martin' },
      engagement: { likes: 11, reposts: 5, replies: 2, quotes: 1 },
      lang: 'fr',
      kind: 'post',
    });
    expect(reply).toMatchObject({ kind: 'reply', replyToExternalId: first?.externalId, threadExternalId: first?.externalId });
    expect(future?.publishedAt).toBe('2026-11-25T10:02:00.500Z');
    expect(future?.url).toBe('https://bsky.app/profile/did%3Aplc%3A4llrhdclvdlmmynkwsmg5tdc/post/3lbq2wz3nfc2c');
    expect(result.skipped).toEqual([{ reason: 'no text (media or quote only)', externalId: 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3lbq2vlvbrk2d' }]);
    expect(param(server.requests.at(-1)?.path, 'sort')).toBe('latest');
    expect(result.state.newestAt).toBe('2026-11-25T10:05:00.000Z');
  });

  it('asks for posts since the newest seen (with an overlap) after a restart and repeats none', async () => {
    server.route(SEARCH, { status: 200, headers: json, body: fixture('search-posts-page1.json') });
    const first = await poll.fetch(ctx, { config: config(), state: {} });
    server.route(SEARCH, { status: 200, headers: json, body: fixture('search-posts-newer.json') });
    const second = await poll.fetch(ctx, { config: config(), state: JSON.parse(JSON.stringify(first.state)) as Record<string, unknown> });
    expect(param(server.requests.at(-1)?.path, 'since')).toBe('2026-11-25T10:00:00.000Z');
    expect(second.mentions.map((m) => m.text)).toEqual(['Deuxième post sur Vigie', 'Another Vigie test']);
    server.route(SEARCH, { status: 200, headers: json, body: fixture('search-posts-page1.json') });
    const third = await poll.fetch(ctx, { config: config(), state: second.state });
    expect(third.mentions).toEqual([]);
    // The image-only post was reported by the first poll; the overlap re-reads it without reporting it again.
    expect(third.skipped).toEqual([]);
  });

  it('pages through a busy search with the cursor', async () => {
    server.route(SEARCH, (req) =>
      param(req.url, 'cursor') === '25'
        ? { status: 200, headers: json, body: fixture('search-posts-newer.json') }
        : { status: 200, headers: json, body: fixture('search-posts-page1.json') },
    );
    const result = await poll.fetch(ctx, { config: config(), state: { newestAt: '2026-11-25T09:00:00.000Z' } });
    expect(result.mentions).toHaveLength(5);
  });

  it('skips a malformed post with its reason and keeps the others; keeps the state on an empty page', async () => {
    server.route(SEARCH, { status: 200, headers: json, body: fixture('search-posts-one-malformed.json') });
    const result = await poll.fetch(ctx, { config: config(), state: {} });
    expect(result.mentions).toHaveLength(2);
    expect(result.skipped[0]).toEqual({ reason: 'malformed post: record.text Invalid input: expected string, received undefined', externalId: 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3lbqbad' });
    server.route(SEARCH, { status: 200, headers: json, body: fixture('search-posts-empty.json') });
    const empty = await poll.fetch(ctx, { config: config(), state: result.state });
    expect(empty).toMatchObject({ mentions: [], state: result.state });
  });

  it('reads an author feed: a repost becomes the reposted post, a pinned post appears once', async () => {
    server.route(AUTHOR, { status: 200, headers: json, body: fixture('author-feed-page1.json') });
    const result = await poll.fetch(ctx, { config: config({ author: 'alice.bsky.social' }), state: {} });
    expect(result.mentions.map((m) => m.author.handle)).toEqual(['@alice.bsky.social', 'did:plc:4llrhdclvdlmmynkwsmg5tdc']);
    expect((result.mentions[1]?.raw as { reason: { $type: string } }).reason.$type).toBe('app.bsky.feed.defs#reasonRepost');
    expect(param(server.requests.at(-1)?.path, 'actor')).toBe('alice.bsky.social');
    expect(result.state.newestAt).toBe('2026-11-25T10:10:00.000Z');
  });

  it.each([
    [400, 'error-expired-token.json', {}, 'auth_expired', undefined],
    [401, 'error-expired-token.json', {}, 'auth_expired', undefined],
    [400, 'error-invalid-request.json', {}, 'invalid_request', undefined],
    [403, 'error-invalid-request.json', {}, 'forbidden', undefined],
    [429, 'error-rate-limited.json', { 'retry-after': '60' }, 'rate_limited', 60_000],
    [429, 'error-rate-limited.json', { 'ratelimit-reset': String(NOW.getTime() / 1000 + 90) }, 'rate_limited', 90_000],
    [502, 'search-posts-empty.json', {}, 'upstream_unavailable', undefined],
  ])('classifies HTTP %i with %s as %s', async (status, body, headers, code, retryAfterMs) => {
    server.route(SEARCH, { status, headers: { ...json, ...headers }, body: fixture(body) });
    const error = await failure(poll.fetch(ctx, { config: config(), state: {} }));
    expect(error.code).toBe(code);
    expect(error.retryAfterMs).toBe(retryAfterMs);
  });

  it('refuses a truncated body or a body without posts as invalid_payload', async () => {
    server.route(SEARCH, { status: 200, headers: json, body: fixture('truncated.json') });
    expect((await failure(poll.fetch(ctx, { config: config(), state: {} }))).code).toBe('invalid_payload');
    server.route(SEARCH, { status: 200, headers: json, body: fixture('error-invalid-request.json') });
    expect((await failure(poll.fetch(ctx, { config: config(), state: {} }))).code).toBe('invalid_payload');
  });
});

describe('bluesky search and backfill', () => {
  it('searches without an account and hands back the cursor', async () => {
    server.route(SEARCH, { status: 200, headers: json, body: fixture('search-posts-page1.json') });
    const page = await createSearchPosts(server.origin)(ctx, { query: 'vigie lang:fr', since: new Date('2026-11-01T00:00:00.000Z') });
    expect(page.mentions).toHaveLength(3);
    expect(page.nextCursor).toBe('25');
    expect(param(server.requests.at(-1)?.path, 'q')).toBe('vigie lang:fr');
    expect(param(server.requests.at(-1)?.path, 'since')).toBe('2026-11-01T00:00:00.000Z');
  });

  it('backfills an author feed until posts are older than the limit', async () => {
    const older = JSON.parse(fixture('search-posts-older.json')) as { posts: unknown[] };
    server.route(AUTHOR, (req) =>
      param(req.url, 'cursor') === null
        ? { status: 200, headers: json, body: fixture('author-feed-page1.json') }
        : { status: 200, headers: json, body: JSON.stringify({ cursor: 'older', feed: older.posts.map((post) => ({ post })) }) },
    );
    const until = new Date('2026-11-15T00:00:00.000Z');
    const source = { config: config({ author: 'alice.bsky.social' }), state: {} };
    const first = await bluesky.capabilities.backfill!.backfill(ctx, source, { until });
    expect(first.nextCursor).toBe('2026-11-25T10:01:00.400Z');
    const second = await bluesky.capabilities.backfill!.backfill(ctx, source, { until, cursor: first.nextCursor ?? '' });
    expect(second.mentions.map((m) => m.text)).toEqual(['Ancien post Vigie']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('bluesky Jetstream events', () => {
  const items = fixture('jetstream-events.jsonl').trim().split('\n').map(parseJetstreamEvent);

  it('turns post creations into mentions, deletions into skipped items, and ignores identity and account events', () => {
    expect(items[0]).toMatchObject({ mention: { externalId: 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3lbq3b2qzy22a', author: { handle: 'did:plc:z72i7hdynmk6r22z27h6tvur' } }, timeUs: 1764064800000000 });
    expect(items[2]).toEqual({ skipped: { reason: 'deleted on the network', externalId: 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3lbq2xq7ahk2b' }, timeUs: 1764064800200000 });
    expect(items[3]).toMatchObject({ ignored: 'identity event' });
    expect(items[4]).toMatchObject({ ignored: 'account event' });
    expect(items[5]).toMatchObject({ skipped: { reason: expect.stringMatching(/^malformed post record: text/) as string } });
    expect(parseJetstreamEvent('{"did":')).toMatchObject({ skipped: { reason: expect.stringMatching(/^malformed event/) as string } });
  });

  it('keeps only posts containing a saved term, ignoring case and accents, phrases as phrases', () => {
    const isCandidate = createTermFilter(['écoute sociale', 'VIGIE']);
    const texts = items.flatMap((item) => ('mention' in item ? [item.mention.text] : []));
    expect(texts.filter(isCandidate)).toEqual(["On teste l'Écoute sociale avec Vigie"]);
    expect(isCandidate('sociale écoute')).toBe(false);
    expect(isCandidate('vigies')).toBe(false);
  });

  it('builds the subscription URL with the resume cursor', () => {
    expect(jetstreamUrl(undefined, 1764064800000000)).toBe('wss://jetstream2.us-east.bsky.network/subscribe?wantedCollections=app.bsky.feed.post&cursor=1764064800000000');
  });
});

describe('bluesky bench pages', () => {
  it('normalises every recorded page', () => {
    for (const page of blueskyBenchPages()) expect(page.normalise(page.payload).length).toBeGreaterThan(0);
  });
});
