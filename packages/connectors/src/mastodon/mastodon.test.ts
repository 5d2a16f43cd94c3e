import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startFixtureServer, type FixtureServer } from '../conformance/fixture-server';
import type { ConnectorContext } from '../connector';
import { ConnectorError } from '../connector-error';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { mastodonSourceConfig, type MastodonSourceConfig } from './config';
import { mastodon, mastodonBenchPages } from './index';
import { createSseParser, toStreamItem, type SseEvent } from './stream-events';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = { 'content-type': 'application/json; charset=utf-8' };
const NOW = new Date('2026-11-25T12:00:00.000Z');

let server: FixtureServer;
let http: HttpClient;
let ctx: ConnectorContext;
const logs: string[] = [];
const poll = mastodon.capabilities.poll!;

function config(extra: Partial<MastodonSourceConfig> = {}): MastodonSourceConfig {
  return mastodonSourceConfig.parse({ instance: server.origin, hashtag: 'vigie', ...extra });
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

/** A full page of `count` statuses with ids counting down from `top`, built from a recorded status. */
function fullPage(top: bigint, count: number): string {
  const template = (JSON.parse(fixture('tag-timeline-newer.json')) as Record<string, unknown>[])[0] ?? {};
  const statuses = Array.from({ length: count }, (_, i) => {
    const id = String(top - BigInt(i));
    return { ...template, id, uri: `https://mastodon.example/users/alice/statuses/${id}`, url: `https://mastodon.example/@alice/${id}` };
  });
  return JSON.stringify(statuses);
}

beforeAll(async () => {
  server = await startFixtureServer();
  http = createHttpClient({ allowPrivate: true, timeoutMs: 2_000 });
  ctx = { http, signal: new AbortController().signal, now: () => NOW, log: (_level, message) => logs.push(message) };
});

afterAll(async () => {
  await http.close();
  await server.close();
});

describe('mastodon source config', () => {
  it('refuses a hashtag written with # and explains it in both languages', () => {
    const result = mastodonSourceConfig.safeParse({ instance: 'https://mastodon.social', hashtag: '#vigie' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/without “#”.*sans « # »/);
  });

  it('requires exactly one of hashtag, timeline or search', () => {
    expect(mastodonSourceConfig.safeParse({ instance: 'https://mastodon.social' }).success).toBe(false);
    expect(mastodonSourceConfig.safeParse({ instance: 'https://mastodon.social', hashtag: 'a', timeline: 'local' }).success).toBe(false);
    expect(mastodonSourceConfig.parse({ instance: 'https://mastodon.social/', timeline: 'local' }).instance).toBe('https://mastodon.social');
  });

  it('marks the token as a secret in the settings form schema', () => {
    // The same call the server makes for GET /api/connectors.
    const schema = z.toJSONSchema(mastodon.sourceConfig, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, Record<string, unknown>> };
    expect(schema.properties.token).toMatchObject({ secret: true, writeOnly: true });
    expect(schema.properties.instance?.format).toBe('uri');
  });
});

describe('mastodon poll', () => {
  it('normalises the newest page: boosts become the boosted post, HTML is sanitised, replies and content warnings kept', async () => {
    server.route('/api/v1/timelines/tag/vigie', { status: 200, headers: json, body: fixture('tag-timeline-page1.json') });
    const result = await poll.fetch(ctx, { config: config(), state: {} });
    expect(result.mentions.map((m) => m.externalId)).toEqual([
      'https://mastodon.example/users/alice/statuses/113500000000000105',
      'https://social.example/users/carol/statuses/113500000000000050',
      'https://piaille.example/users/bob/statuses/113500000000000103',
      'https://social.example/users/carol/statuses/113500000000000102',
      'https://mastodon.example/users/alice/statuses/113500000000000101',
    ]);
    const [first, boosted, reply, warned, edited] = result.mentions;
    expect(first?.text).toBe('Nouvelle version de #vigie : l\'analyse des sentiments en français !\nhttps://vigie.example/notes');
    expect(first?.author).toMatchObject({ handle: `@alice@${new URL(server.origin).host}`, name: 'Alice Martin', followers: 1520 });
    expect(first?.engagement).toEqual({ likes: 11, reposts: 5, replies: 2, quotes: 0 });
    expect(first?.lang).toBe('fr');
    expect(boosted?.author.handle).toBe('@carol@social.example');
    expect((boosted?.raw as { account: { acct: string } }).account.acct).toBe('bob@piaille.example');
    expect(reply?.kind).toBe('reply');
    expect(warned?.title).toBe('Release notes');
    expect(edited?.html).not.toContain('script');
    expect(edited?.text).not.toContain('alert');
    expect(result.state.newestId).toBe('113500000000000105');
  });

  it('asks only for newer statuses after a restart and never re-emits what it already gave', async () => {
    const first = await poll.fetch(ctx, { config: config(), state: {} });
    server.route('/api/v1/timelines/tag/vigie', (req) =>
      req.url?.includes('min_id=113500000000000105') === true
        ? { status: 200, headers: json, body: fixture('tag-timeline-newer.json') }
        : { status: 200, headers: json, body: fixture('tag-timeline-page1.json') },
    );
    // The state went through the database as JSON.
    const stored = JSON.parse(JSON.stringify(first.state)) as Record<string, unknown>;
    const second = await poll.fetch(ctx, { config: config(), state: stored });
    expect(second.mentions.map((m) => m.text)).toEqual(['Deuxième message #vigie de la journée', 'Another #vigie test']);
    expect(second.state.newestId).toBe('113500000000000107');
    const again = await poll.fetch(ctx, { config: config(), state: { ...second.state, newestId: '113500000000000105' } });
    expect(again.mentions).toEqual([]);
  });

  it('re-emits an edited status under the same id so the store updates it', async () => {
    server.route('/api/v1/timelines/tag/vigie', { status: 200, headers: json, body: fixture('tag-timeline-page1.json') });
    const first = await poll.fetch(ctx, { config: config(), state: {} });
    server.route('/api/v1/timelines/tag/vigie', { status: 200, headers: json, body: fixture('tag-timeline-edited.json') });
    const second = await poll.fetch(ctx, { config: config(), state: { seen: first.state.seen } });
    expect(second.mentions).toHaveLength(1);
    expect(second.mentions[0]?.externalId).toBe(first.mentions[0]?.externalId);
    expect(second.mentions[0]?.text).toContain('et en anglais');
  });

  it('follows newer pages while they come back full, then stops with the cursor at the newest', async () => {
    const base = 113600000000000000n;
    server.route('/api/v1/timelines/tag/vigie', (req) => {
      const minId = new URL(req.url ?? '/', server.origin).searchParams.get('min_id');
      if (minId === String(base)) {
        return { status: 200, headers: { ...json, link: `<${server.origin}/api/v1/timelines/tag/vigie?limit=40&min_id=${base + 40n}>; rel="prev"` }, body: fullPage(base + 40n, 40) };
      }
      return { status: 200, headers: json, body: fullPage(base + 43n, 3) };
    });
    const result = await poll.fetch(ctx, { config: config(), state: { newestId: String(base) } });
    expect(result.mentions).toHaveLength(43);
    expect(result.state.newestId).toBe(String(base + 43n));
  });

  it('skips one malformed status with its reason and keeps the others', async () => {
    server.route('/api/v1/timelines/tag/vigie', { status: 200, headers: json, body: fixture('tag-timeline-one-malformed.json') });
    const result = await poll.fetch(ctx, { config: config(), state: {} });
    expect(result.mentions).toHaveLength(2);
    expect(result.skipped).toEqual([{ reason: expect.stringMatching(/^malformed status: created_at/) as string, externalId: 'https://mastodon.example/users/x/statuses/113500000000000108' }]);
    // The cursor moves past the bad entry, so it is not fetched and reported again at every poll.
    expect(result.state.newestId).toBe('113500000000000108');
  });

  it('keeps the cursor on an empty page', async () => {
    server.route('/api/v1/timelines/tag/vigie', { status: 200, headers: json, body: fixture('empty-page.json') });
    const result = await poll.fetch(ctx, { config: config(), state: { newestId: '42', seen: [['x', '']] } });
    expect(result).toMatchObject({ mentions: [], skipped: [], state: { newestId: '42', seen: [['x', '']] } });
  });

  it('reads the local public timeline', async () => {
    server.route('/api/v1/timelines/public', (req) => ({ status: req.url?.includes('local=true') === true ? 200 : 400, headers: json, body: fixture('tag-timeline-newer.json') }));
    const result = await poll.fetch(ctx, { config: config({ hashtag: undefined, timeline: 'local' }), state: {} });
    expect(result.mentions).toHaveLength(2);
  });

  it.each([
    [401, {}, 'auth_expired', undefined],
    [403, {}, 'forbidden', undefined],
    [404, {}, 'not_found', undefined],
    [429, { 'retry-after': '30' }, 'rate_limited', 30_000],
    [429, { 'x-ratelimit-reset': '2026-11-25T12:05:00.000Z' }, 'rate_limited', 300_000],
    [503, {}, 'upstream_unavailable', undefined],
  ])('classifies HTTP %i as %s', async (status, headers, code, retryAfterMs) => {
    server.route('/api/v1/timelines/tag/vigie', { status, headers: { ...json, ...headers }, body: fixture('error-rate-limited.json') });
    const error = await failure(poll.fetch(ctx, { config: config(), state: {} }));
    expect(error.code).toBe(code);
    expect(error.retryAfterMs).toBe(retryAfterMs);
  });

  it('explains an expired token and sends it as a bearer token', async () => {
    server.route('/api/v1/timelines/tag/vigie', { status: 401, headers: json, body: fixture('error-invalid-token.json') });
    const error = await failure(poll.fetch(ctx, { config: config({ token: 'expired-token-123' }), state: {} }));
    expect(error.message).toMatch(/revoked or expired/);
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer expired-token-123');
  });

  it('refuses a truncated or non-list body as invalid_payload', async () => {
    server.route('/api/v1/timelines/tag/vigie', { status: 200, headers: json, body: fixture('truncated.json') });
    expect((await failure(poll.fetch(ctx, { config: config(), state: {} }))).code).toBe('invalid_payload');
    server.route('/api/v1/timelines/tag/vigie', { status: 200, headers: json, body: fixture('error-invalid-token.json') });
    expect((await failure(poll.fetch(ctx, { config: config(), state: {} }))).code).toBe('invalid_payload');
  });
});

describe('mastodon search and backfill', () => {
  it('needs an account to search, then pages by offset', async () => {
    const search = mastodon.capabilities.search!;
    expect((await failure(search.search(ctx, { query: 'vigie' }))).code).toBe('invalid_request');
    server.route('/api/v2/search', { status: 200, headers: json, body: fixture('search-statuses.json') });
    const page = await search.search(ctx, { query: 'vigie', account: { instance: server.origin, token: 'valid-token-123' } });
    expect(page.mentions).toHaveLength(2);
    expect(page.nextCursor).toBeNull();
    expect(server.requests.at(-1)?.path).toContain('type=statuses');
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer valid-token-123');
  });

  it('walks back with max_id until statuses are older than the limit', async () => {
    const backfill = mastodon.capabilities.backfill!;
    server.route('/api/v1/timelines/tag/vigie', (req) => {
      const maxId = new URL(req.url ?? '/', server.origin).searchParams.get('max_id');
      if (maxId === null) {
        return { status: 200, headers: { ...json, link: `<${server.origin}/api/v1/timelines/tag/vigie?limit=40&max_id=113500000000000101>; rel="next"` }, body: fixture('tag-timeline-page1.json') };
      }
      return { status: 200, headers: { ...json, link: `<${server.origin}/api/v1/timelines/tag/vigie?limit=40&max_id=113300000000000010>; rel="next"` }, body: fixture('tag-timeline-older.json') };
    });
    const until = new Date('2026-11-15T00:00:00.000Z');
    const first = await backfill.backfill(ctx, { config: config(), state: {} }, { until });
    expect(first.nextCursor).toBe('113500000000000101');
    const second = await backfill.backfill(ctx, { config: config(), state: {} }, { until, cursor: first.nextCursor ?? '' });
    expect(second.mentions.map((m) => m.text)).toEqual(['Ancien message #vigie']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('mastodon streaming events', () => {
  it('parses the recorded stream the same way whatever the chunking', () => {
    const recorded = fixture('streaming-hashtag.txt');
    const whole: SseEvent[] = [];
    createSseParser((e) => whole.push(e)).push(recorded);
    const pieces: SseEvent[] = [];
    const parser = createSseParser((e) => pieces.push(e));
    for (let i = 0; i < recorded.length; i += 7) parser.push(recorded.slice(i, i + 7));
    expect(whole.map((e) => e.event)).toEqual(['update', 'status.update', 'delete']);
    expect(pieces).toEqual(whole);
  });

  it('turns updates and edits into mentions with one id, and deletions into skipped items', () => {
    const events: SseEvent[] = [];
    createSseParser((e) => events.push(e)).push(fixture('streaming-hashtag.txt'));
    const items = events.map((e) => toStreamItem(e, { instanceHost: 'mastodon.example' }));
    expect(items[0]).toMatchObject({ mention: { text: 'Deuxième message #vigie de la journée' } });
    expect(items[1]).toMatchObject({ mention: { externalId: 'https://mastodon.example/users/alice/statuses/113500000000000105' } });
    expect(items[2]).toEqual({ skipped: { reason: 'deleted on the network', externalId: 'mastodon.example:113500000000000102' } });
    expect(toStreamItem({ event: 'update', data: '{"id":' }, { instanceHost: 'm' })).toMatchObject({ skipped: { reason: expect.stringMatching(/^malformed update/) as string } });
  });

  it('drops an oversized event without losing the next one', () => {
    const events: SseEvent[] = [];
    const drops: string[] = [];
    const parser = createSseParser((e) => events.push(e), (reason) => drops.push(reason));
    parser.push(`event: update\ndata: ${'x'.repeat(1024 * 1024 + 10)}\n\nevent: delete\ndata: 7\n\n`);
    expect(drops).toHaveLength(1);
    expect(events).toEqual([{ event: 'delete', data: '7' }]);
  });
});

describe('mastodon bench pages', () => {
  it('normalises every recorded page', () => {
    for (const page of mastodonBenchPages()) expect(page.normalise(page.payload).length).toBeGreaterThan(0);
  });
});
