import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorContext } from '../connector';
import { runConnectorConformance } from '../conformance/run-connector-conformance';
import { startFixtureServer, type FixtureServer, type RecordedResponse } from '../conformance/fixture-server';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { createInstagramConnector } from './index';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const json = (name: string, status = 200): RecordedResponse => ({ status, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: fixture(name) });
const IG = '17841400000000001';
const MEDIA = `/v23.0/${IG}/media`;
const TOKEN = 'EAAVigieTestInstagramToken00000000000';

/** Page 1 or 2 by the `after` cursor; `paging.next` points back at this server, as Graph points at itself. */
const paged = (request: IncomingMessage): RecordedResponse => {
  const after = new URL(request.url ?? '/', 'http://x').searchParams.get('after');
  const page = json(after === 'QVFIUm1hZnRlcjE' ? 'media-page2.json' : 'media-page1.json');
  return { ...page, body: String(page.body).replaceAll('https://graph.facebook.com', `http://${request.headers.host ?? ''}`) };
};

runConnectorConformance({
  connector: (origin) => createInstagramConnector(origin),
  path: MEDIA,
  source: () => ({ config: { igUserId: IG, accessToken: TOKEN, edges: ['comments'] }, state: {} }),
  fixtures: {
    happy: { route: paged, mentions: 3 },
    empty: json('media-empty.json'),
    malformed: json('media-malformed.json'),
    // Instagram comments cannot be edited: the case checks new and deleted comments only.
    edits: { before: paged, after: json('media-later.json'), editedIds: [], newIds: ['17850000000000006'], deletedIds: ['17850000000000003'] },
    pagination: { route: paged, mentions: 3, polls: 2 },
    errorBodies: {
      401: { body: fixture('error-190-expired.json'), headers: { 'content-type': 'application/json' } },
      403: { body: fixture('error-10-permission.json'), headers: { 'content-type': 'application/json' } },
      429: { body: fixture('error-4-app-limit.json'), headers: { 'content-type': 'application/json' } },
      503: { body: fixture('error-2-transient.json'), headers: { 'content-type': 'application/json' } },
    },
    reply: {
      routes: { '/v23.0/17850000000000001/replies': json('create-reply.json'), '/v23.0/17850000000000099': json('reply-media-permalink.json') },
      path: '/v23.0/17850000000000001/replies',
      account: () => ({ accessToken: TOKEN }),
      inReplyToExternalId: '17850000000000001',
      expected: { externalId: '17850000000000099', url: 'https://www.instagram.com/p/000001Ab/' },
    },
  },
});

let server: FixtureServer;
let http: HttpClient;
const ctx = (): ConnectorContext => ({ http, signal: new AbortController().signal, now: () => new Date('2026-11-26T12:00:00Z'), log: () => undefined });

beforeAll(async () => {
  server = await startFixtureServer({ [MEDIA]: paged, [`/v23.0/${IG}/tags`]: json('tags.json') });
  http = createHttpClient({ allowPrivate: true, timeoutMs: 5_000 });
});

afterAll(async () => {
  await http.close();
  await server.close();
});

async function poll(config: Record<string, unknown>, state: Record<string, unknown> = {}) {
  const c = createInstagramConnector(server.origin);
  const fetch = c.capabilities.poll?.fetch;
  if (fetch === undefined) throw new Error('instagram must poll');
  return fetch(ctx(), { config: c.sourceConfig.parse({ igUserId: IG, accessToken: TOKEN, ...config }), state });
}

describe('instagram', () => {
  it('reads comments, replies and tags, never the account’s own answers', async () => {
    const { mentions, skipped } = await poll({});
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(mentions.find((m) => m.externalId === '17850000000000001')).toMatchObject({
      connector: 'instagram',
      kind: 'comment',
      author: { handle: '@jeanne.martin', url: 'https://www.instagram.com/jeanne.martin/' },
      url: 'https://www.instagram.com/p/000001Ab/',
      replyToExternalId: '17900000000000001',
      engagement: { likes: 3 },
      publishedAt: '2026-11-26T09:12:00.000Z',
    });
    expect(mentions.map((m) => m.externalId)).not.toContain('17850000000000002');
    expect(mentions.find((m) => m.externalId === '18000000000000001')).toMatchObject({ kind: 'post', author: { handle: '@lea.b' }, engagement: { likes: 58, replies: 4 } });
    expect(mentions.find((m) => m.externalId === '18000000000000002')?.text).toBe('[image]');
    expect(skipped).toEqual([{ reason: 'comment without username', externalId: '17850000000000005' }]);
  });

  it('reports an expired token inside a 400 as auth_expired, from Graph code 190', async () => {
    server.route(MEDIA, json('error-190-expired.json', 400));
    await expect(poll({ edges: ['comments'] })).rejects.toMatchObject({ code: 'auth_expired', message: expect.stringContaining('Graph error 190/460') });
    server.route(MEDIA, paged);
  });

  it('does not report a skipped comment again at the next poll', async () => {
    const first = await poll({ edges: ['comments'] });
    const second = await poll({ edges: ['comments'] }, JSON.parse(JSON.stringify(first.state)) as Record<string, unknown>);
    expect(second.skipped).toEqual([]);
  });
});
