import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorContext } from '../connector';
import { runConnectorConformance } from '../conformance/run-connector-conformance';
import { startFixtureServer, type FixtureServer, type RecordedResponse } from '../conformance/fixture-server';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { createHackerNewsConnector } from './index';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const json = (name: string, status = 200): RecordedResponse => ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: fixture(name) });
const PATH = '/api/v1/search_by_date';

/** Serves page 0 or page 1 according to the `page` parameter, as the API does. */
const paged = (request: IncomingMessage): RecordedResponse =>
  new URL(request.url ?? '/', 'http://x').searchParams.get('page') === '1' ? json('search-by-date-page1.json') : json('search-by-date-page0.json');

runConnectorConformance({
  connector: (origin) => createHackerNewsConnector(`${origin}/api/v1`),
  path: PATH,
  source: () => ({ config: { query: 'vigie' }, state: {} }),
  fixtures: {
    happy: { route: paged, mentions: 4 },
    empty: json('search-by-date-empty.json'),
    malformed: json('search-by-date-malformed-hit.json'),
    edits: { skip: 'search_by_date orders by creation time: an edit (possible for 2 hours on HN) is not re-served after the watermark; the store keeps the first version' },
    pagination: { route: paged, mentions: 4, polls: 2 },
    errorBodies: { 429: { body: fixture('error-429.json'), headers: { 'content-type': 'application/json' } } },
  },
});

let server: FixtureServer;
let http: HttpClient;
const logs: string[] = [];
const ctx = (): ConnectorContext => ({
  http,
  signal: new AbortController().signal,
  now: () => new Date('2026-11-26T12:00:00Z'),
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

function connector() {
  return createHackerNewsConnector(`${server.origin}/api/v1`);
}

async function poll(config: Record<string, unknown>, state: Record<string, unknown> = {}) {
  const c = connector();
  const fetch = c.capabilities.poll?.fetch;
  if (fetch === undefined) throw new Error('hackernews must poll');
  return fetch(ctx(), { config: c.sourceConfig.parse(config), state });
}

describe('hackernews', () => {
  it('asks for stories and comments created since the last day on the first poll', async () => {
    await poll({ query: 'vigie' });
    const url = new URL(server.requests.at(-2)?.path ?? '', server.origin);
    expect(url.searchParams.get('query')).toBe('vigie');
    expect(url.searchParams.get('tags')).toBe('(story,comment)');
    expect(url.searchParams.get('numericFilters')).toBe(`created_at_i>=${Date.parse('2026-11-25T12:00:00Z') / 1000}`);
    expect(url.searchParams.get('page')).toBe('0');
    expect(server.requests.at(-1)?.path).toContain('page=1');
  });

  it('normalises comments and stories, and skips deleted items with a reason', async () => {
    const { mentions, skipped } = await poll({ query: 'vigie' });
    const comment = mentions.find((m) => m.externalId === '46050411');
    expect(comment).toMatchObject({
      connector: 'hackernews',
      kind: 'comment',
      url: 'https://news.ycombinator.com/item?id=46050411',
      author: { handle: 'kestrel_ops', url: 'https://news.ycombinator.com/user?id=kestrel_ops' },
      text: "I'd want to know how Vigie handles SSRF on feed URLs before self-hosting it.",
      replyToExternalId: '46050102',
      threadExternalId: '46050102',
      publishedAt: '2026-11-26T11:42:07.000Z',
    });
    expect(mentions.find((m) => m.externalId === '46050390')?.text).toBe("Nous l'utilisons en production depuis un mois.\nLe tri des questions sans réponse est le vrai gain.");
    const story = mentions.find((m) => m.externalId === '46050102');
    expect(story).toMatchObject({ kind: 'post', title: 'Show HN: Vigie – self-hosted social listening', engagement: { likes: 87, replies: 2 }, text: 'https://vigie.example/' });
    const ask = mentions.find((m) => m.externalId === '46049877');
    expect(ask?.text).toBe('We are a team of three.\nDoes Vigie scale to 40 sources?');
    expect(ask?.html).toContain('<a href="https://vigie.example/" rel="nofollow noopener noreferrer" target="_blank">Vigie</a>');
    expect(skipped).toEqual([{ reason: 'deleted item (no author)', externalId: '46049701' }]);
  });

  it('emits only the new comment on the next poll, and asks from the watermark', async () => {
    const first = await poll({ query: 'vigie' });
    server.route(PATH, json('search-by-date-later.json'));
    const second = await poll({ query: 'vigie' }, JSON.parse(JSON.stringify(first.state)) as Record<string, unknown>);
    server.route(PATH, paged);
    expect(second.mentions.map((m) => m.externalId)).toEqual(['46051200']);
    expect(first.state).toEqual({ since: Date.parse('2026-11-26T11:42:07Z') / 1000, idsAtSince: ['46050411'] });
    expect(new URL(server.requests.at(-1)?.path ?? '', server.origin).searchParams.get('numericFilters')).toBe(`created_at_i>=${Date.parse('2026-11-26T11:42:07Z') / 1000}`);
  });

  it('follows only stories when asked', async () => {
    await poll({ query: 'vigie', kinds: 'story' });
    expect(new URL(server.requests.at(-1)?.path ?? '', server.origin).searchParams.get('tags')).toBe('story');
  });

  it('searches page by page for the query tester', async () => {
    const search = connector().capabilities.search?.search;
    const first = await search?.(ctx(), { query: 'vigie' });
    expect(first?.mentions).toHaveLength(3);
    expect(first?.nextCursor).toBe('1');
    const second = await search?.(ctx(), { query: 'vigie', cursor: first?.nextCursor ?? undefined });
    expect(second?.nextCursor).toBeNull();
  });

  it('refuses an empty query with a bilingual message', () => {
    const parsed = connector().sourceConfig.safeParse({ query: '  ' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('enter at least one word / saisissez au moins un mot');
  });

  it('reports a non-JSON answer as invalid_payload', async () => {
    server.route(PATH, { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>maintenance</html>' });
    await expect(poll({ query: 'vigie' })).rejects.toMatchObject({ code: 'invalid_payload' });
    server.route(PATH, paged);
  });
});
