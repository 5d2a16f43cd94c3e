import { readFileSync } from 'node:fs';
import type { MentionInput } from '@vigie/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConnectorContext } from '../connector';
import { ConnectorError } from '../connector-error';
import { createHttpClient } from '../kit/http-client';
import { createJetstreamStream, termsOfSearch, type OpenMessages } from './stream';

const messages = readFileSync(new URL('./fixtures/jetstream-events.jsonl', import.meta.url), 'utf8').trim().split('\n');

/** A socket stand-in: each connection replays the recorded messages; `script` says how each connection behaves. */
function fakeJetstream(script: ('fail' | 'replay-and-close' | 'replay-and-hang')[]): { open: OpenMessages; urls: string[] } {
  const urls: string[] = [];
  const open: OpenMessages = async (ctx, url) => {
    urls.push(url);
    const behaviour = script[Math.min(urls.length - 1, script.length - 1)];
    if (behaviour === 'fail') throw new ConnectorError('upstream_unavailable', `could not connect to ${url}: the connection was refused`);
    return (async function* () {
      yield* messages;
      if (behaviour === 'replay-and-hang' && !ctx.signal.aborted) await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
    })();
  };
  return { open, urls };
}

/** Never used by the fake socket; present because the context requires one. */
const http = createHttpClient({ allowPrivate: false });
afterAll(() => http.close());

function context(controller: AbortController, logs: string[]): ConnectorContext {
  return { http, signal: controller.signal, now: () => new Date(), log: (_level, message) => logs.push(message) };
}

describe('bluesky Jetstream stream', () => {
  it('keeps only posts with every word of the search, and resumes from the last event after a drop', async () => {
    const { open, urls } = fakeJetstream(['fail', 'replay-and-close', 'replay-and-hang']);
    const controller = new AbortController();
    const logs: string[] = [];
    const mentions: MentionInput[] = [];
    const stream = createJetstreamStream(open, { jetstream: 'wss://jetstream.test', reconnectBaseMs: 5 });
    await stream(context(controller, logs), { config: { search: '"écoute sociale" VIGIE lang:fr' }, state: {} }, async (mention) => {
      mentions.push(mention);
      if (mentions.length === 2) controller.abort();
    });
    // The same post twice: replayed after the reconnection; the store deduplicates it by its at:// id.
    expect(mentions.map((m) => m.text)).toEqual(["On teste l'Écoute sociale avec Vigie", "On teste l'Écoute sociale avec Vigie"]);
    expect(urls[0]).toBe('wss://jetstream.test/subscribe?wantedCollections=app.bsky.feed.post');
    expect(urls[2]).toBe('wss://jetstream.test/subscribe?wantedCollections=app.bsky.feed.post&cursor=1764064795500000');
    expect(logs.some((line) => line.includes('upstream_unavailable'))).toBe(true);
    expect(logs.some((line) => line.startsWith('skipped a firehose event: malformed post record'))).toBe(true);
  });

  it('refuses author sources and searches with no word to filter by', async () => {
    const { open } = fakeJetstream(['replay-and-close']);
    const ctx = context(new AbortController(), []);
    const stream = createJetstreamStream(open);
    await expect(stream(ctx, { config: { author: 'alice.bsky.social' }, state: {} }, async () => undefined)).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(stream(ctx, { config: { search: 'lang:fr -spam' }, state: {} }, async () => undefined)).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('reads the words and phrases of a search, without operators and exclusions', () => {
    expect(termsOfSearch('"écoute sociale" vigie lang:fr -spam OR from:alice.bsky.social')).toEqual(['écoute sociale', 'vigie']);
  });
});
