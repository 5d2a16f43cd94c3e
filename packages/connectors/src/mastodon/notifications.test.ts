/**
 * Mentions of the account (notifications source) and parents of replies, against the local fixture
 * server. Fixtures are shaped like the documentation's examples:
 * - notifications: https://docs.joinmastodon.org/methods/notifications/#get, https://docs.joinmastodon.org/entities/Notification/
 * - one status (the parent): https://docs.joinmastodon.org/methods/statuses/#get
 * - pagination (`min_id`, Link): https://docs.joinmastodon.org/api/guidelines/#pagination
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../conformance/fixture-server';
import type { ConnectorContext } from '../connector';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { mastodonSourceConfig, type MastodonSourceConfig } from './config';
import { mastodon } from './index';
import { resolveParents } from './parents';
import { readNotifications, readStatuses } from './api';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = (name: string, status = 200) => ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: fixture(name) });
const TOKEN = 'notif-token-0123456789';
const OUR_POST = 'https://mastodon.example/users/vigie/statuses/113400000000000010';
const JEANNE_REPLY = 'https://piaille.fr/users/jeanne/statuses/113500000000009001';
const NOTIFICATIONS = '/api/v1/notifications';

let server: FixtureServer;
let http: HttpClient;
let ctx: ConnectorContext;
let from = 0;
const poll = mastodon.capabilities.poll!;
const sent = () => server.requests.slice(from);

function config(extra: Record<string, unknown> = {}): MastodonSourceConfig {
  return mastodonSourceConfig.parse({ instance: server.origin, notifications: true, token: TOKEN, ...extra });
}

beforeAll(async () => {
  server = await startFixtureServer();
  http = createHttpClient({ allowPrivate: true, timeoutMs: 2_000 });
  ctx = { http, signal: new AbortController().signal, now: () => new Date('2026-11-25T12:00:00.000Z'), log: () => undefined };
});

afterAll(async () => {
  await http.close();
  await server.close();
});

beforeEach(() => {
  from = server.requests.length;
  server.route('/api/v1/statuses/113400000000000010', json('status-own-post.json'));
  server.route('/api/v1/statuses/113400000000000099', json('error-not-found.json', 404));
});

describe('mastodon: mentions of my account', () => {
  it('needs the account token, and says so in both languages', () => {
    const result = mastodonSourceConfig.safeParse({ instance: 'https://mastodon.social', notifications: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/need the account’s access token.*nécessitent le jeton/);
    expect(mastodon.describeSource(config())).toBe(`mentions @ ${new URL(server.origin).host}`);
  });

  it('reads mention notifications with the token; a reply to our post carries our post’s uri as parent and thread; a direct message is a message', async () => {
    server.route(NOTIFICATIONS, json('notifications-page1.json'));
    const result = await poll.fetch(ctx, { config: config(), state: {} });
    const first = sent()[0];
    expect(first?.path).toBe('/api/v1/notifications?types[]=mention&types[]=quote&limit=40');
    expect(first?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const reply = result.mentions.find((m) => m.externalId === JEANNE_REPLY);
    expect(reply).toMatchObject({ kind: 'reply', replyToExternalId: OUR_POST, threadExternalId: OUR_POST, author: { handle: '@jeanne@piaille.fr' } });
    const dm = result.mentions.find((m) => m.author.handle === `@paul@${new URL(server.origin).host}`);
    expect(dm).toMatchObject({ kind: 'message', text: expect.stringContaining('mon compte est bloqué') });
    expect(dm?.replyToExternalId).toBeUndefined();
    // One parent lookup, on the polled instance, with the token; the direct message needed none.
    const lookups = sent().filter((r) => r.path.startsWith('/api/v1/statuses/'));
    expect(lookups.map((r) => r.path)).toEqual(['/api/v1/statuses/113400000000000010']);
    expect(lookups[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(result.state.newestId).toBe('9002');
  });

  it('resumes after the newest notification without duplicates, resolving a reply to a reply from memory and leaving a deleted parent out', async () => {
    server.route(NOTIFICATIONS, json('notifications-page1.json'));
    const first = await poll.fetch(ctx, { config: config(), state: {} });
    from = server.requests.length;
    server.route(`${NOTIFICATIONS}?types[]=mention&types[]=quote&limit=40&min_id=9002`, json('notifications-newer.json'));
    const second = await poll.fetch(ctx, { config: config(), state: first.state });
    expect(sent()[0]?.path).toBe('/api/v1/notifications?types[]=mention&types[]=quote&limit=40&min_id=9002');
    // The follow notification (an instance ignoring types[]) is not a mention.
    expect(second.mentions).toHaveLength(2);
    const toJeanne = second.mentions.find((m) => m.text.includes('Pareil pour moi'));
    expect(toJeanne).toMatchObject({ replyToExternalId: JEANNE_REPLY, threadExternalId: OUR_POST });
    const orphan = second.mentions.find((m) => m.text.includes('sur ce fil-là'));
    expect(orphan?.kind).toBe('reply');
    expect(orphan?.replyToExternalId).toBeUndefined();
    // Only the unknown parent was asked for (the reply to a reply was known from the first poll).
    expect(sent().filter((r) => r.path.startsWith('/api/v1/statuses/')).map((r) => r.path)).toEqual(['/api/v1/statuses/113400000000000099']);
    expect(second.state.newestId).toBe('9005');
    // The same page served again (an overlap) brings nothing twice, and the deleted parent is not asked again.
    from = server.requests.length;
    server.route(`${NOTIFICATIONS}?types[]=mention&types[]=quote&limit=40&min_id=9005`, json('notifications-newer.json'));
    const third = await poll.fetch(ctx, { config: config(), state: second.state });
    expect(third.mentions).toEqual([]);
    expect(sent().filter((r) => r.path.startsWith('/api/v1/statuses/'))).toEqual([]);
  });

  it('reports a mention whose status was deleted as skipped, with why', () => {
    const read = readNotifications([{ id: '9100', type: 'mention', created_at: '2026-11-25T10:00:00.000Z', status: null }], 'test');
    expect(read.statuses).toEqual([]);
    expect(read.skipped).toEqual([{ reason: 'mention notification 9100 without its status (deleted since)' }]);
    expect(read.ids).toEqual(['9100']);
  });

  it('a revoked token is auth_expired (the server then marks the account needs_reauth)', async () => {
    server.route(NOTIFICATIONS, json('error-invalid-token.json', 401));
    await expect(poll.fetch(ctx, { config: config(), state: {} })).rejects.toMatchObject({ code: 'auth_expired' });
  });
});

describe('mastodon: parents of replies in timelines', () => {
  it('a hashtag source with a token resolves parents; without a token it asks nothing more', async () => {
    const page = JSON.parse(fixture('tag-timeline-page1.json')) as Record<string, unknown>[];
    const orphanReply = { ...page[2], id: '113500000000000199', uri: 'https://piaille.example/users/bob/statuses/113500000000000199', in_reply_to_id: '113400000000000010' };
    server.route('/api/v1/timelines/tag/vigie', { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify([orphanReply, ...page]) });
    const anonymous = await poll.fetch(ctx, { config: mastodonSourceConfig.parse({ instance: server.origin, hashtag: 'vigie' }), state: {} });
    expect(sent().filter((r) => r.path.startsWith('/api/v1/statuses/'))).toEqual([]);
    expect(anonymous.mentions.find((m) => m.externalId === orphanReply.uri)?.replyToExternalId).toBeUndefined();
    from = server.requests.length;
    const withToken = await poll.fetch(ctx, { config: mastodonSourceConfig.parse({ instance: server.origin, hashtag: 'vigie', token: TOKEN }), state: {} });
    expect(withToken.mentions.find((m) => m.externalId === orphanReply.uri)).toMatchObject({ replyToExternalId: OUR_POST, threadExternalId: OUR_POST });
    // The reply whose parent is on the same page needed no lookup.
    expect(withToken.mentions.find((m) => m.externalId === 'https://piaille.example/users/bob/statuses/113500000000000103')).toMatchObject({ replyToExternalId: 'https://mastodon.example/users/alice/statuses/113500000000000101' });
    expect(sent().filter((r) => r.path.startsWith('/api/v1/statuses/')).map((r) => r.path)).toEqual(['/api/v1/statuses/113400000000000010']);
  });

  it('asks at most the bounded number of parents per poll; the others wait without a parent', async () => {
    const template = (JSON.parse(fixture('tag-timeline-page1.json')) as Record<string, unknown>[])[0] ?? {};
    const replies = Array.from({ length: 3 }, (_, i) => ({ ...template, id: `12${i}`, uri: `https://m.example/s/12${i}`, in_reply_to_id: `80${i}` }));
    for (let i = 0; i < 3; i += 1) server.route(`/api/v1/statuses/80${i}`, { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...template, id: `80${i}`, uri: `https://m.example/s/80${i}`, in_reply_to_id: null }) });
    const received = readStatuses(replies, 'test').statuses;
    const resolved = await resolveParents(ctx, { instance: server.origin, token: TOKEN }, received, [], 2);
    expect(sent().filter((r) => r.path.startsWith('/api/v1/statuses/'))).toHaveLength(2);
    expect(resolved.byId.get('800')?.uri).toBe('https://m.example/s/800');
    expect(resolved.byId.has('802')).toBe(false);
  });
});
