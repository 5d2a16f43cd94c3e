import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorContext } from '../connector';
import { runConnectorConformance } from '../conformance/run-connector-conformance';
import { startFixtureServer, type FixtureServer, type RecordedResponse } from '../conformance/fixture-server';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { createLinkedinConnector } from './index';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const json = (name: string, status = 200): RecordedResponse => ({ status, headers: { 'content-type': 'application/json' }, body: fixture(name) });
const ORG = 'urn:li:organization:2414183';
const POST = 'urn:li:activity:7400000000000000001';
const COMMENTS = `/rest/socialActions/${encodeURIComponent(POST)}/comments`;
const TOKEN = 'AQVVigieTestLinkedinToken000000000000';
const urn = (id: string): string => `urn:li:comment:(${POST},${id})`;
/** Where a reply to the first comment is posted: its URN fully encoded, parentheses included (Rest.li 2.0). */
const REPLY_PATH = `/rest/socialActions/${encodeURIComponent(urn('7400000000000000101')).replace(/\(/g, '%28').replace(/\)/g, '%29')}/comments`;

/** Page 1 or 2 by `start`, as the API pages collections. */
const paged = (request: IncomingMessage): RecordedResponse =>
  new URL(request.url ?? '/', 'http://x').searchParams.get('start') === '3' ? json('comments-page2.json') : json('comments-page1.json');

runConnectorConformance({
  connector: (origin) => createLinkedinConnector(origin),
  path: COMMENTS,
  source: () => ({ config: { organizationUrn: ORG, accessToken: TOKEN, postUrns: [POST] }, state: {} }),
  fixtures: {
    happy: { route: paged, mentions: 3 },
    empty: json('comments-empty.json'),
    malformed: json('comments-malformed.json'),
    edits: { before: paged, after: json('comments-later.json'), editedIds: [urn('7400000000000000101')], newIds: [urn('7400000000000000106')], deletedIds: [urn('7400000000000000103')] },
    pagination: { route: paged, mentions: 3, polls: 2 },
    errorBodies: {
      401: { body: fixture('error-401-revoked.json'), headers: { 'content-type': 'application/json' } },
      403: { body: fixture('error-403.json'), headers: { 'content-type': 'application/json' } },
      429: { body: fixture('error-429.json'), headers: { 'content-type': 'application/json' } },
      500: { body: fixture('error-500.json'), headers: { 'content-type': 'application/json' } },
    },
    reply: {
      routes: { [REPLY_PATH]: json('create-comment.json', 201) },
      path: REPLY_PATH,
      account: () => ({ organizationUrn: ORG, accessToken: TOKEN }),
      inReplyToExternalId: urn('7400000000000000101'),
      expected: {
        externalId: urn('7400000000000000199'),
        url: `https://www.linkedin.com/feed/update/${encodeURIComponent(POST)}/?commentUrn=${encodeURIComponent(urn('7400000000000000199'))}`,
      },
    },
  },
});

let server: FixtureServer;
let http: HttpClient;
const ctx = (): ConnectorContext => ({ http, signal: new AbortController().signal, now: () => new Date('2026-11-26T12:00:00Z'), log: () => undefined });
const SHARE_COMMENTS = `/rest/socialActions/${encodeURIComponent('urn:li:share:7400000000000000010')}/comments`;

beforeAll(async () => {
  server = await startFixtureServer({ [COMMENTS]: paged, '/rest/posts': json('posts.json'), [SHARE_COMMENTS]: json('comments-later.json') });
  http = createHttpClient({ allowPrivate: true, timeoutMs: 5_000 });
});

afterAll(async () => {
  await http.close();
  await server.close();
});

async function poll(config: Record<string, unknown>, state: Record<string, unknown> = {}) {
  const c = createLinkedinConnector(server.origin);
  const fetch = c.capabilities.poll?.fetch;
  if (fetch === undefined) throw new Error('linkedin must poll');
  return fetch(ctx(), { config: c.sourceConfig.parse({ organizationUrn: ORG, accessToken: TOKEN, ...config }), state });
}

describe('linkedin organisation comments', () => {
  it('sends the versioned headers and normalises comments and replies, not the organisation’s own', async () => {
    const { mentions, skipped } = await poll({ postUrns: [POST] });
    const request = server.requests.at(-1);
    expect(request?.headers['linkedin-version']).toBe('202510');
    expect(request?.headers['x-restli-protocol-version']).toBe('2.0.0');
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(mentions.map((m) => m.externalId)).toEqual([urn('7400000000000000101'), urn('7400000000000000103'), urn('7400000000000000104')]);
    expect(mentions[0]).toMatchObject({ connector: 'linkedin', kind: 'comment', author: { handle: 'urn:li:person:jEaNnEmArTiN1' }, replyToExternalId: POST, engagement: { likes: 2, replies: 2 }, publishedAt: '2026-11-26T09:12:00.000Z' });
    expect(mentions[1]).toMatchObject({ kind: 'reply', replyToExternalId: urn('7400000000000000101') });
    expect(skipped).toEqual([{ reason: 'comment without text (image or deleted)', externalId: urn('7400000000000000105') }]);
  });

  it('watches the organisation’s latest posts when none are listed', async () => {
    const { mentions } = await poll({});
    expect(new URL(server.requests.at(-2)?.path ?? '', server.origin).searchParams.get('author')).toBe(ORG);
    expect(server.requests.at(-1)?.path.startsWith(SHARE_COMMENTS)).toBe(true);
    expect(mentions).toHaveLength(2);
  });

  it('marks an expired or revoked token as auth_expired from the documented code', async () => {
    server.route(COMMENTS, json('error-401-expired.json', 401));
    await expect(poll({ postUrns: [POST] })).rejects.toMatchObject({ code: 'auth_expired', message: expect.stringContaining('INVALID_ACCESS_TOKEN 65600') });
    server.route(COMMENTS, paged);
  });
});
