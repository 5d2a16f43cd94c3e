/**
 * Stream positions survive a restart: a Bluesky Jetstream source is streamed from a local
 * WebSocket server, the worker is stopped, more posts arrive meanwhile, a new worker resumes from
 * the saved `time_us` cursor — every post stored exactly once, none lost.
 */
import type { AddressInfo } from 'node:net';
import { createHttpClient, type HttpClient } from '@vigie/connectors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createTestVigie, type TestVigie } from '../test/test-vigie';
import { createStreamWorker } from './stream-worker';

/** Shaped like Jetstream's example events: https://github.com/bluesky-social/jetstream#consuming-jetstream */
function post(n: number): { time_us: number; line: string } {
  const time_us = 1_764_064_800_000_000 + n * 1_000_000;
  const rkey = `3lvigie${String(n).padStart(6, '0')}`;
  const event = {
    did: 'did:plc:z72i7hdynmk6r22z27h6tvur',
    time_us,
    kind: 'commit',
    commit: { rev: rkey, operation: 'create', collection: 'app.bsky.feed.post', rkey, record: { $type: 'app.bsky.feed.post', createdAt: new Date(time_us / 1000).toISOString(), langs: ['fr'], text: `Vigie écoute, message ${n}` }, cid: `bafyrei${n}` },
  };
  return { time_us, line: JSON.stringify(event) };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('stream worker — cursor persisted across a restart', () => {
  let t: TestVigie;
  let wss: WebSocketServer;
  const events: { time_us: number; line: string }[] = [];
  const cursors: (number | undefined)[] = [];
  let http: HttpClient;

  beforeAll(async () => {
    t = await createTestVigie();
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    // Like Jetstream: with `cursor`, replays every event at or after it; without, only live events from now on.
    wss.on('connection', (socket, request) => {
      const cursor = new URL(request.url ?? '/', 'ws://x').searchParams.get('cursor');
      cursors.push(cursor === null ? undefined : Number(cursor));
      if (cursor !== null) for (const e of events) if (e.time_us >= Number(cursor)) socket.send(e.line);
    });
    const origin = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
    const real = createHttpClient({ allowPrivate: true });
    // The registry's Bluesky connector calls the public Jetstream; this client sends it to the local server.
    http = { ...real, webSocket: (url, options) => real.webSocket(url.replace(/^wss:\/\/[^/]+/, origin), options) };
  });
  afterAll(async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await t.close();
  });

  it('resumes from the saved time_us: nothing lost, nothing duplicated', async () => {
    const ws = t.vigie.defaultWorkspace.id;
    const source = await t.vigie.store.sources.create(ws, { connector: 'bluesky', name: 'Bluesky: vigie', config: { search: 'vigie' }, pollIntervalSec: 3600 });
    const count = () => t.vigie.store.mentions.count(ws, { sourceId: source.id });
    const worker = () => createStreamWorker({ store: t.vigie.store, ingest: t.vigie.ingest, http, log: t.vigie.log, secrets: t.vigie.secrets, now: () => new Date(), saveEveryMs: 60_000, saveEveryEvents: 100 });

    const first = worker();
    await first.start();
    await waitFor(async () => wss.clients.size === 1);
    // 120 posts live.
    for (let n = 1; n <= 120; n += 1) {
      const e = post(n);
      events.push(e);
      for (const client of wss.clients) client.send(e.line);
    }
    await waitFor(async () => (await count()) === 120);
    await first.stop();
    const saved = (await t.vigie.store.sources.get(ws, source.id))?.state.stream as { jetstreamCursor?: number } | undefined;
    expect(saved?.jetstreamCursor).toBe(events[119]!.time_us);

    // 30 posts arrive while Vigie is down: only a resumed cursor brings them.
    events.push(...Array.from({ length: 30 }, (_, i) => post(121 + i)));
    const second = worker();
    await second.start();
    await waitFor(async () => (await count()) >= 150);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await second.stop();

    expect(cursors[0]).toBeUndefined();
    // Resumed a few seconds before the saved position (the replay the store deduplicates).
    expect(cursors[1]).toBe(events[119]!.time_us - 5_000_000);
    expect(await count()).toBe(150);
  });
});
