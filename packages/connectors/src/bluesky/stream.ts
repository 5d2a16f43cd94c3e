import type { MentionInput } from '@vigie/core';
import type { ConnectorContext, SourceInput } from '../connector';
import { ConnectorError, isConnectorError, type ConnectorErrorCode } from '../connector-error';
import type { BlueskySourceConfig } from './config';
import { createTermFilter, DEFAULT_JETSTREAM, jetstreamUrl, parseJetstreamEvent } from './stream-events';
import { waitOrAbort } from '../kit/wait-or-abort';

/**
 * Opens a WebSocket and yields its text messages until it closes. It must go through kit's
 * address policy (checked URL, pinned lookup); the iterable ends when the server closes the
 * socket and throws a ConnectorError when the connection fails.
 */
export type OpenMessages = (ctx: ConnectorContext, url: string) => Promise<AsyncIterable<string>>;

export interface JetstreamStreamOptions {
  /** Jetstream instance, e.g. `wss://jetstream1.us-west.bsky.network`. */
  jetstream?: string;
  /** First reconnection delay; doubles after each failed connection. Default 1 s. */
  reconnectBaseMs?: number;
  /** Cap of the reconnection delay. Default 60 s. */
  reconnectMaxMs?: number;
}

/** Failures that reconnecting cannot fix. */
const FATAL: ReadonlySet<ConnectorErrorCode> = new Set(['blocked_url', 'invalid_request', 'forbidden', 'not_found']);
/** Replayed on reconnect, so events sent while the socket was down are not lost (Jetstream keeps about a day). */
const REPLAY_US = 5_000_000;

/**
 * The words and quoted phrases of a search that a post must contain, without operators
 * (`lang:fr`, `from:…`) or exclusions (`-word`), which the firehose cannot evaluate.
 *
 * @example
 * termsOfSearch('"écoute sociale" vigie lang:fr -spam'); // ['écoute sociale', 'vigie']
 */
export function termsOfSearch(search: string): string[] {
  const terms: string[] = [];
  for (const match of search.matchAll(/"([^"]+)"|(\S+)/g)) {
    const phrase = match[1];
    const word = match[2];
    if (phrase !== undefined) terms.push(phrase);
    else if (word !== undefined && !word.startsWith('-') && !/^[a-z]+:/i.test(word) && !/^(?:AND|OR|NOT)$/.test(word)) terms.push(word);
  }
  return terms;
}

/**
 * The stream capability over the Jetstream firehose for a search source: every new public post
 * passes through a local filter (all the search's words and phrases, case and accents ignored),
 * the candidates become mentions. Deletions are logged as skipped. A dropped socket reconnects
 * with capped exponential backoff and resumes from the last event's `time_us` (minus 5 s of
 * replay, which the store deduplicates). Author sources have no stream: poll them.
 *
 * @example
 * const stream = createJetstreamStream((ctx, url) => ctx.http.websocket(url, { signal: ctx.signal }));
 * await stream(ctx, { config: { search: 'vigie' }, state: {} }, async (m) => ingest([m]));
 */
export function createJetstreamStream(open: OpenMessages, options: JetstreamStreamOptions = {}) {
  const base = options.reconnectBaseMs ?? 1_000;
  const max = options.reconnectMaxMs ?? 60_000;
  return async function streamPosts(
    ctx: ConnectorContext,
    source: SourceInput<BlueskySourceConfig>,
    onMention: (mention: MentionInput) => Promise<void>,
    onPosition?: (position: Record<string, unknown>) => void,
  ): Promise<void> {
    const search = source.config.search;
    if (search === undefined) throw new ConnectorError('invalid_request', 'the Bluesky firehose is filtered by a search: author and notifications sources are polled / le flux Bluesky est filtré par une recherche : auteurs et notifications sont relevés périodiquement');
    const filters = termsOfSearch(search).map((term) => createTermFilter([term]));
    if (filters.length === 0) throw new ConnectorError('invalid_request', `the search "${search}" has no word to filter the firehose with / la recherche n’a aucun mot pour filtrer le flux`);
    // Resume where the last run stopped (the worker saved `time_us` under state.stream).
    const saved = (source.state.stream as { jetstreamCursor?: unknown } | undefined)?.jetstreamCursor;
    let cursor: number | undefined = typeof saved === 'number' && Number.isSafeInteger(saved) && saved > 0 ? saved : undefined;
    let failures = 0;
    while (!ctx.signal.aborted) {
      let retryAfterMs: number | undefined;
      const url = jetstreamUrl(options.jetstream ?? DEFAULT_JETSTREAM, cursor === undefined ? undefined : cursor - REPLAY_US);
      try {
        let delivered = false;
        for await (const message of await open(ctx, url)) {
          const item = parseJetstreamEvent(message);
          if (item.timeUs !== undefined) cursor = item.timeUs;
          if ('mention' in item) {
            if (filters.every((isMatch) => isMatch(item.mention.text))) {
              await onMention(item.mention);
              delivered = true;
              // The opener closes the socket on abort, but messages already buffered must not be delivered after it.
              if (ctx.signal.aborted) return;
            }
          } else if ('skipped' in item && item.skipped.reason !== 'deleted on the network') {
            ctx.log('info', `skipped a firehose event: ${item.skipped.reason}`, { externalId: item.skipped.externalId });
          }
          // Everything up to this event is handled (a match was awaited above): safe to resume after it.
          if (item.timeUs !== undefined) onPosition?.({ jetstreamCursor: item.timeUs });
        }
        failures = delivered ? 0 : failures;
        ctx.log('warn', `${url}: Jetstream closed the connection; reconnecting`);
      } catch (error) {
        if (ctx.signal.aborted) return;
        if (!isConnectorError(error) || FATAL.has(error.code)) throw error;
        retryAfterMs = error.retryAfterMs;
        ctx.log('warn', `Jetstream interrupted (${error.code}: ${error.message}); reconnecting`, { code: error.code });
      }
      failures += 1;
      await waitOrAbort(retryAfterMs ?? Math.min(max, base * 2 ** (failures - 1)), ctx.signal);
    }
  };
}
