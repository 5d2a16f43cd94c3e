/**
 * The stream worker against a local Mastodon-like SSE server: mentions ingested as they arrive,
 * a dropped stream restarted, a refused one written to the source's health (polling untouched)
 * and not retried, sources without a stream left to polling, and a clean stop.
 */
import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient } from '@vigie/connectors';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestVigie, type TestVigie } from '../test/test-vigie';
import { createStreamWorker, type StreamWorker } from './stream-worker';

const recorded = readFileSync(new URL('../../../connectors/src/mastodon/fixtures/streaming-hashtag.txt', import.meta.url), 'utf8');
/** A real status from the recorded stream, as the template of the ones the server sends. */
const template = JSON.parse(/event: update\ndata: (.*)\n/.exec(recorded)?.[1] ?? '{}') as Record<string, unknown>;

function statusEvent(n: number, text: string): string {
  const id = `11350000000000${String(n).padStart(4, '0')}`;
  const status = { ...template, id, uri: `https://mastodon.example/users/alice/statuses/${id}`, url: `https://mastodon.example/@alice/${id}`, content: `<p>${text}</p>` };
  return `event: update\ndata: ${JSON.stringify(status)}\n\n`;
}

interface Fixture {
  origin: string;
  connections: number;
  open: Set<ServerResponse>;
  close(): Promise<void>;
}

/** Hashtag `vigie`: the 1st connection sends one status and ends, the next ones send another and stay open. Hashtag `refus`: 401. */
async function startSse(): Promise<Fixture> {
  const fixture = { connections: 0, open: new Set<ServerResponse>() } as Fixture;
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/api/v1/streaming/hashtag?tag=refus')) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"The access token is invalid"}');
      return;
    }
    if (!req.url?.startsWith('/api/v1/streaming/hashtag?tag=vigie')) {
      res.writeHead(404).end();
      return;
    }
    fixture.connections += 1;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    if (fixture.connections === 1) {
      res.end(statusEvent(1, 'Premier message #vigie en direct'));
      return;
    }
    fixture.open.add(res);
    res.on('close', () => fixture.open.delete(res));
    res.write(statusEvent(2, 'Second message #vigie après reconnexion'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fixture.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fixture.close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return fixture;
}

describe('stream worker', () => {
  let t: TestVigie;
  let sse: Fixture;
  let worker: StreamWorker;
  const http = createHttpClient({ allowPrivate: true, timeoutMs: 5_000 });
  afterAll(() => http.close());

  beforeEach(async () => {
    [t, sse] = await Promise.all([createTestVigie(), startSse()]);
    const { store, ingest, log, secrets, now } = t.vigie;
    worker = createStreamWorker({ store, ingest, http, log, secrets, now, refreshMs: 60_000, restartBaseMs: 20, restartMaxMs: 100 });
  });
  afterEach(async () => {
    await worker.stop();
    await t.close();
    await sse.close();
  });

  const mentionTexts = async (): Promise<string[]> => ((await t.call('GET', '/api/mentions?connector=mastodon')).json.items as { text: string }[]).map((m) => m.text).sort();

  it('ingests streamed statuses as they arrive, restarts a dropped stream, and stops cleanly', async () => {
    const source = await t.call('POST', '/api/sources', { connector: 'mastodon', config: { instance: sse.origin, hashtag: 'vigie' } });
    await worker.start();
    expect(worker.active()).toEqual([source.json.id]);
    await expect.poll(mentionTexts, { timeout: 5_000 }).toEqual(['Premier message #vigie en direct', 'Second message #vigie après reconnexion']);
    expect(sse.connections).toBe(2);
    const ids = ((await t.call('GET', '/api/mentions?connector=mastodon')).json.items as { sourceId?: string }[]).map((m) => m.sourceId);
    expect(ids).toEqual([source.json.id, source.json.id]);

    await worker.stop();
    expect(worker.active()).toEqual([]);
    await expect.poll(() => sse.open.size).toBe(0);
  });

  it('stops the stream of a disabled source at the next refresh', async () => {
    const source = await t.call('POST', '/api/sources', { connector: 'mastodon', config: { instance: sse.origin, hashtag: 'vigie' } });
    await worker.start();
    await expect.poll(() => sse.open.size, { timeout: 5_000 }).toBe(1);
    await t.call('PATCH', `/api/sources/${source.json.id as string}`, { enabled: false });
    await worker.refresh();
    expect(worker.active()).toEqual([]);
    await expect.poll(() => sse.open.size).toBe(0);
  });

  it('writes a refusal to the health without moving the next poll, does not retry, and leaves search sources to polling', async () => {
    const refused = await t.call('POST', '/api/sources', { connector: 'mastodon', config: { instance: sse.origin, hashtag: 'refus' } });
    await t.call('POST', '/api/sources', { connector: 'mastodon', config: { instance: sse.origin, search: 'vigie', token: 'token-123456' } });
    const before = (await t.call('GET', `/api/sources/${refused.json.id as string}`)).json.health as { nextRunAt: string };
    await worker.start();
    await expect.poll(async () => ((await t.call('GET', `/api/sources/${refused.json.id as string}`)).json.health as { status: string }).status, { timeout: 5_000 }).toBe('needs_reauth');
    const health = (await t.call('GET', `/api/sources/${refused.json.id as string}`)).json.health as { lastError: { code: string }; nextRunAt: string };
    expect(health.lastError.code).toBe('auth_expired');
    expect(health.nextRunAt).toBe(before.nextRunAt);
    expect(worker.active()).toEqual([]);
    await worker.refresh();
    expect(worker.active()).toEqual([]);
  });

  it('never streams in a process without the worker', async () => {
    await t.call('POST', '/api/sources', { connector: 'mastodon', config: { instance: sse.origin, hashtag: 'vigie' } });
    await t.vigie.streams.refresh();
    expect(t.vigie.streams.active()).toEqual([]);
    expect(sse.connections).toBe(0);
  });

  it('runs inside Vigie when the worker is on, and Vigie closes with the stream open', async () => {
    const withWorker = await createTestVigie({ worker: true });
    try {
      await withWorker.vigie.start();
      // Added after the start: the stream begins now, not at the next minute's refresh.
      const source = await withWorker.call('POST', '/api/sources', { connector: 'mastodon', config: { instance: sse.origin, hashtag: 'vigie' } });
      await expect.poll(() => withWorker.vigie.streams.active()).toEqual([source.json.id]);
      await expect.poll(() => sse.open.size, { timeout: 5_000 }).toBe(1);
    } finally {
      await withWorker.close();
    }
    await expect.poll(() => sse.open.size).toBe(0);
  });
});
