import { readFileSync } from 'node:fs';
import type { MentionInput } from '@vigie/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer, type RecordedResponse } from '../conformance/fixture-server';
import type { ConnectorContext } from '../connector';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { mastodonSourceConfig } from './config';
import { createStatusStream, streamUrl } from './stream';

const recorded = readFileSync(new URL('./fixtures/streaming-hashtag.txt', import.meta.url), 'utf8');
const sse = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };
const STREAM = '/api/v1/streaming/hashtag';

let server: FixtureServer;
let http: HttpClient;

/** The recorded stream cut every 97 characters (through lines and JSON), left open like a live stream. */
function liveStream(): RecordedResponse {
  const chunks: { data: string; delayMs: number }[] = [];
  for (let i = 0; i < recorded.length; i += 97) chunks.push({ data: recorded.slice(i, i + 97), delayMs: 1 });
  return { status: 200, headers: sse, chunks, keepOpen: true };
}

function run(controller: AbortController, logs: string[] = []): { ctx: ConnectorContext; mentions: MentionInput[]; onMention: (m: MentionInput) => Promise<void> } {
  const mentions: MentionInput[] = [];
  const ctx: ConnectorContext = { http, signal: controller.signal, now: () => new Date(), log: (_level, message) => logs.push(message) };
  return {
    ctx,
    mentions,
    onMention: async (mention) => {
      mentions.push(mention);
      if (mentions.length === 2) controller.abort();
    },
  };
}

beforeAll(async () => {
  server = await startFixtureServer();
  http = createHttpClient({ allowPrivate: true, timeoutMs: 2_000 });
});

afterAll(async () => {
  await http.close();
  await server.close();
});

describe('mastodon stream', () => {
  const config = () => mastodonSourceConfig.parse({ instance: server.origin, hashtag: 'vigie', token: 'stream-token-123' });

  it('delivers new and edited statuses as they arrive and stops when aborted', async () => {
    server.route(STREAM, liveStream());
    const controller = new AbortController();
    const logs: string[] = [];
    const { ctx, mentions, onMention } = run(controller, logs);
    await createStatusStream()(ctx, { config: config(), state: {} }, onMention);
    expect(mentions.map((m) => m.text)).toEqual(['Deuxième message #vigie de la journée', expect.stringContaining('et en anglais') as string]);
    expect(mentions[1]?.externalId).toBe('https://mastodon.example/users/alice/statuses/113500000000000105');
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer stream-token-123');
    expect(server.requests.at(-1)?.path).toBe('/api/v1/streaming/hashtag?tag=vigie');
  });

  it('reconnects after a 503 and a dropped connection, with backoff', async () => {
    server.route(STREAM, [{ status: 503, headers: { 'content-type': 'application/json' }, body: '{"error":"unavailable"}' }, { status: 200, headers: sse, body: ':)\n\n' }, liveStream()]);
    const controller = new AbortController();
    const logs: string[] = [];
    const { ctx, mentions, onMention } = run(controller, logs);
    // A hashtag of its own: the fixture server counts a sequence's answers per full path, query included.
    const fresh = mastodonSourceConfig.parse({ instance: server.origin, hashtag: 'reconnect' });
    await createStatusStream({ reconnectBaseMs: 5 })(ctx, { config: fresh, state: {} }, onMention);
    expect(mentions).toHaveLength(2);
    expect(logs.some((line) => line.includes('upstream_unavailable'))).toBe(true);
    expect(logs.some((line) => line.includes('closed the stream'))).toBe(true);
  });

  it('stops with auth_expired when the token is refused, and refuses a non-stream answer', async () => {
    server.route(STREAM, { status: 401, headers: { 'content-type': 'application/json' }, body: '{"error":"The access token is invalid"}' });
    const { ctx, onMention } = run(new AbortController());
    await expect(createStatusStream({ reconnectBaseMs: 5 })(ctx, { config: config(), state: {} }, onMention)).rejects.toMatchObject({ code: 'auth_expired' });
    server.route(STREAM, { status: 200, headers: { 'content-type': 'text/html' }, body: '<html></html>' });
    await expect(createStatusStream({ reconnectBaseMs: 5 })(ctx, { config: config(), state: {} }, onMention)).rejects.toMatchObject({ code: 'invalid_payload' });
  });

  it('has a URL for hashtags and public timelines, none for a search', () => {
    expect(streamUrl(mastodonSourceConfig.parse({ instance: 'https://m.example', timeline: 'local' }))).toBe('https://m.example/api/v1/streaming/public/local');
    expect(() => streamUrl(mastodonSourceConfig.parse({ instance: 'https://m.example', search: 'x', token: 'abcdefgh' }))).toThrow(/no stream/);
  });
});
