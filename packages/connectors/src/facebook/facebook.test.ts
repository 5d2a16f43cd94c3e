import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorContext } from '../connector';
import { runConnectorConformance } from '../conformance/run-connector-conformance';
import { startFixtureServer, type FixtureServer, type RecordedResponse } from '../conformance/fixture-server';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { createFacebookConnector } from './index';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const json = (name: string, status = 200, headers: Record<string, string> = {}): RecordedResponse => ({ status, headers: { 'content-type': 'application/json; charset=UTF-8', ...headers }, body: fixture(name) });
const PAGE = '104000000000001';
const FEED = `/v23.0/${PAGE}/feed`;
const TOKEN = 'EAAVigieTestPageAccessToken0000000000';
const C1 = '900000000000001_700000000000001';

/** Page 1 or 2 by the `after` cursor; `paging.next` points back at this server, as Graph points at itself. */
const paged = (request: IncomingMessage): RecordedResponse => {
  const after = new URL(request.url ?? '/', 'http://x').searchParams.get('after');
  const page = json(after === 'QVFIUmFmdGVyMQ' ? 'feed-page2.json' : 'feed-page1.json');
  return { ...page, body: String(page.body).replaceAll('https://graph.facebook.com', `http://${request.headers.host ?? ''}`) };
};

runConnectorConformance({
  connector: (origin) => createFacebookConnector(origin),
  path: FEED,
  source: () => ({ config: { pageId: PAGE, accessToken: TOKEN, edges: ['feed'] }, state: {} }),
  fixtures: {
    happy: { route: paged, mentions: 4 },
    empty: json('feed-empty.json'),
    malformed: json('feed-malformed.json'),
    edits: { before: paged, after: json('feed-later.json'), editedIds: [C1], newIds: ['900000000000001_700000000000006'], deletedIds: ['900000000000001_700000000000003'] },
    pagination: { route: paged, mentions: 4, polls: 2 },
    errorBodies: {
      401: { body: fixture('error-190-expired.json'), headers: { 'content-type': 'application/json' } },
      403: { body: fixture('error-10-permission.json'), headers: { 'content-type': 'application/json' } },
      429: { body: fixture('error-32-page-limit.json'), headers: { 'content-type': 'application/json' } },
      503: { body: fixture('error-2-transient.json'), headers: { 'content-type': 'application/json' } },
    },
    reply: {
      routes: { [`/v23.0/${C1}/comments`]: json('create-comment.json'), '/v23.0/900000000000001_700000000000099': json('comment-permalink.json') },
      path: `/v23.0/${C1}/comments`,
      account: () => ({ accessToken: TOKEN }),
      inReplyToExternalId: C1,
      expected: { externalId: '900000000000001_700000000000099', url: 'https://www.facebook.com/104000000000001/posts/900000000000001/?comment_id=700000000000099' },
    },
  },
});

let server: FixtureServer;
let http: HttpClient;
const ctx = (): ConnectorContext => ({ http, signal: new AbortController().signal, now: () => new Date('2026-11-26T12:00:00Z'), log: () => undefined });

beforeAll(async () => {
  server = await startFixtureServer({ [FEED]: paged, [`/v23.0/${PAGE}/tagged`]: json('tagged.json'), [`/v23.0/${PAGE}/ratings`]: json('ratings.json'), [`/v23.0/${PAGE}/ads_posts`]: json('feed-empty.json') });
  http = createHttpClient({ allowPrivate: true, timeoutMs: 5_000 });
});

afterAll(async () => {
  await http.close();
  await server.close();
});

async function poll(config: Record<string, unknown>, state: Record<string, unknown> = {}) {
  const c = createFacebookConnector(server.origin);
  const fetch = c.capabilities.poll?.fetch;
  if (fetch === undefined) throw new Error('facebook must poll');
  return fetch(ctx(), { config: c.sourceConfig.parse({ pageId: PAGE, accessToken: TOKEN, ...config }), state });
}

async function failure(route: RecordedResponse): Promise<unknown> {
  server.route(FEED, route);
  const error = await poll({ edges: ['feed'] }).catch((e: unknown) => e);
  server.route(FEED, paged);
  return error;
}

describe('facebook page', () => {
  it('reads visitor posts and comments from every edge, not the Page’s own posts and answers', async () => {
    const { mentions, skipped } = await poll({});
    const paths = server.requests.slice(-5).map((r) => new URL(r.path, server.origin).pathname);
    expect(paths).toEqual([FEED, FEED, `/v23.0/${PAGE}/ads_posts`, `/v23.0/${PAGE}/tagged`, `/v23.0/${PAGE}/ratings`]);
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(server.requests.at(-4)?.path).not.toContain('access_token');
    expect(mentions.map((m) => m.author.handle)).not.toContain("Mairie d'Exemple");
    expect(mentions.find((m) => m.externalId === C1)).toMatchObject({
      connector: 'facebook',
      kind: 'comment',
      author: { handle: 'Jeanne Martin', url: 'https://www.facebook.com/7100000000000001' },
      replyToExternalId: `${PAGE}_900000000000001`,
      engagement: { likes: 2, replies: 2 },
      publishedAt: '2026-11-26T09:12:00.000Z',
    });
    expect(mentions.find((m) => m.externalId === '900000000000001_700000000000003')).toMatchObject({ kind: 'reply', replyToExternalId: C1 });
    expect(mentions.find((m) => m.externalId === `${PAGE}_900000000000002`)).toMatchObject({ kind: 'post', author: { handle: 'Léa Bernard' } });
    expect(mentions.find((m) => m.externalId === '900000000000003_700000000000005')?.author.handle).toBe('facebook-user');
    expect(mentions.find((m) => m.externalId === '7100000000000003_880000000000001')?.text).toContain('concert');
    expect(mentions.find((m) => m.externalId === '880000000000002')).toMatchObject({ title: 'Does not recommend / Ne recommande pas', text: 'Toujours pas de réponse à mon courrier depuis un mois.' });
    expect(skipped).toEqual([{ reason: 'comment without text (sticker or photo)', externalId: '900000000000003_700000000000004' }]);
  });

  it('asks for comments since the last hour before the watermark, to notice recent edits', async () => {
    const first = await poll({ edges: ['feed'] });
    expect(first.state).toMatchObject({ watermark: '2026-11-26T10:05:00.000Z' });
    await poll({ edges: ['feed'] }, JSON.parse(JSON.stringify(first.state)) as Record<string, unknown>);
    const fields = new URL(server.requests.at(-2)?.path ?? '', server.origin).searchParams.get('fields');
    expect(fields).toContain(`since(${Date.parse('2026-11-26T09:05:00Z') / 1000})`);
  });

  it('classifies Graph error codes, not statuses: 190 in a 400 is an expired token', async () => {
    expect(await failure(json('error-190-expired.json', 400))).toMatchObject({ code: 'auth_expired', message: expect.stringContaining('Graph error 190/463 OAuthException') });
    expect(await failure(json('error-10-permission.json', 400))).toMatchObject({ code: 'forbidden' });
  });

  it('waits as long as the usage header says on a Page rate limit', async () => {
    const usage = JSON.stringify({ [PAGE]: [{ type: 'pages', call_count: 100, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: 12 }] });
    expect(await failure(json('error-80001-buc.json', 400, { 'x-business-use-case-usage': usage }))).toMatchObject({ code: 'rate_limited', retryAfterMs: 720_000 });
  });

  it('never follows a paging link to another host (it would carry the token)', async () => {
    server.route(FEED, { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data: [], paging: { next: 'https://evil.example/v23.0/feed?after=x' } }) });
    const before = server.requests.length;
    await poll({ edges: ['feed'] });
    server.route(FEED, paged);
    expect(server.requests.length - before).toBe(1);
  });
});
