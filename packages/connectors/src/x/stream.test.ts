import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MentionInput } from '@vigie/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorContext } from '../connector';
import { startFixtureServer, type FixtureServer, type RecordedResponse } from '../conformance/fixture-server';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { createXConnector } from './index';
import { createLineSplitter } from './stream-lines';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const json = (name: string): RecordedResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body: fixture(name) });
const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAVigieTestBearerToken';
const RULES = '/2/tweets/search/stream/rules';
const STREAM = '/2/tweets/search/stream';

/** The recorded stream cut in uneven pieces, as TCP delivers it, then held open. */
function streamAnswer(): RecordedResponse {
  const text = fixture('stream.ndjson');
  const chunks = [];
  for (let i = 0; i < text.length; i += 97) chunks.push({ data: text.slice(i, i + 97), delayMs: 1 });
  return { status: 200, headers: { 'content-type': 'application/json' }, chunks, keepOpen: true };
}

let server: FixtureServer;
let http: HttpClient;

beforeAll(async () => {
  server = await startFixtureServer();
  http = createHttpClient({ allowPrivate: true, timeoutMs: 5_000 });
});

afterAll(async () => {
  await http.close();
  await server.close();
});

async function run(config: Record<string, unknown>, state: Record<string, unknown>, stopAfter: number): Promise<{ mentions: MentionInput[]; logs: string[]; error?: unknown }> {
  const connector = createXConnector(server.origin, { reconnectBaseMs: 5 });
  const controller = new AbortController();
  const logs: string[] = [];
  const mentions: MentionInput[] = [];
  const ctx: ConnectorContext = { http, signal: controller.signal, now: () => new Date('2026-11-26T12:00:00Z'), log: (_level, message) => logs.push(message) };
  const error = await connector.capabilities.stream
    ?.stream(ctx, { config: connector.sourceConfig.parse({ bearerToken: TOKEN, ...config }), state }, async (mention) => {
      mentions.push(mention);
      if (mentions.length === stopAfter) controller.abort();
    })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  return { mentions, logs, ...(error !== undefined ? { error } : {}) };
}

describe('x filtered stream', () => {
  it('delivers posts matching this source’s rule only, across chunk boundaries and keep-alives', async () => {
    server.route(RULES, json('stream-rules.json'));
    server.route(STREAM, streamAnswer());
    const { mentions, logs } = await run({ query: 'vigie lang:fr' }, {}, 2);
    expect(mentions.map((m) => m.externalId)).toEqual(['2125900000000000030', '2125900000000000033']);
    expect(mentions[0]).toMatchObject({ connector: 'x', author: { handle: '@jeanne_ops' }, text: 'Vigie en direct, ça marche' });
    expect(logs.some((line) => line.startsWith('skipped a streamed X post: malformed stream line'))).toBe(true);
    const stream = server.requests.find((r) => r.path.startsWith(`${STREAM}?`));
    expect(stream?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(new URL(stream?.path ?? '', server.origin).searchParams.get('expansions')).toBe('author_id');
  });

  it('adds the rule when the app has none for this query', async () => {
    server.route(RULES, (request) => (request.method === 'POST' ? json('stream-rules-added.json') : json('stream-rules-empty.json')));
    server.route(STREAM, streamAnswer());
    const { mentions } = await run({ query: 'vigie lang:fr' }, {}, 1);
    expect(mentions).toHaveLength(1);
    expect(server.requests.some((r) => r.method === 'POST' && r.path === RULES)).toBe(true);
  });

  it('stops with rate_limited when the month’s read budget is spent while streaming', async () => {
    server.route(RULES, json('stream-rules.json'));
    server.route(STREAM, streamAnswer());
    const { mentions, error } = await run({ query: 'vigie lang:fr', monthlyReadBudget: 10 }, { reads: { month: '2026-11', count: 9 } }, 5);
    expect(mentions).toHaveLength(1);
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: Date.parse('2026-12-01T00:00:00Z') - Date.parse('2026-11-26T12:00:00Z') });
  });

  it('ends on a revoked token instead of reconnecting forever', async () => {
    server.route(RULES, { status: 401, headers: { 'content-type': 'application/problem+json' }, body: fixture('error-401.json') });
    const { error } = await run({ query: 'vigie lang:fr' }, {}, 1);
    expect(error).toMatchObject({ code: 'auth_expired' });
  });

  it('drops an oversized line without holding it, and reads the next one', () => {
    const lines: string[] = [];
    const dropped: string[] = [];
    const splitter = createLineSplitter((line) => lines.push(line), (reason) => dropped.push(reason), 50);
    splitter.push('x'.repeat(60));
    splitter.push('still the same line\r\n\r\n{"ok":1}\r\n');
    expect(lines).toEqual(['{"ok":1}']);
    expect(dropped).toEqual(['a streamed line exceeded 50 characters and was dropped']);
    expect(splitter.keepAlives()).toBe(1);
  });
});
