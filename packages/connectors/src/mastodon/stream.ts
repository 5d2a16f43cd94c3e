import type { MentionInput } from '@vigie/core';
import type { ConnectorContext, SourceInput } from '../connector';
import { ConnectorError, isConnectorError, type ConnectorErrorCode } from '../connector-error';
import type { MastodonSourceConfig } from './config';
import { createSseParser, toStreamItem, type SseEvent } from './stream-events';
import { waitOrAbort } from '../kit/wait-or-abort';

/** Failures that reconnecting cannot fix: the stream stops and the source's health says why. */
const FATAL: ReadonlySet<ConnectorErrorCode> = new Set(['auth_expired', 'forbidden', 'not_found', 'invalid_request', 'invalid_payload', 'blocked_url']);

export interface StatusStreamOptions {
  /** First reconnection delay; it doubles after each failed connection. Default 1 s. */
  reconnectBaseMs?: number;
  /** Cap of the reconnection delay. Default 60 s. */
  reconnectMaxMs?: number;
}

/**
 * The streaming URL of a source: hashtag, federated or local public stream. Search sources have
 * no stream.
 *
 * @example
 * streamUrl({ instance: 'https://mastodon.social', hashtag: 'vigie' }); // 'https://mastodon.social/api/v1/streaming/hashtag?tag=vigie'
 */
export function streamUrl(config: MastodonSourceConfig): string {
  if (config.hashtag !== undefined) return `${config.instance}/api/v1/streaming/hashtag?tag=${encodeURIComponent(config.hashtag)}`;
  if (config.timeline === 'local') return `${config.instance}/api/v1/streaming/public/local`;
  if (config.timeline === 'public') return `${config.instance}/api/v1/streaming/public`;
  if (config.notifications === true) {
    throw new ConnectorError('invalid_request', 'mentions of a Mastodon account are polled, not streamed / les mentions d’un compte Mastodon sont relevées, pas diffusées en direct');
  }
  throw new ConnectorError('invalid_request', 'Mastodon has no stream for a search; poll it instead / pas de flux en direct pour une recherche Mastodon');
}

/** Reads one connection until the server closes it; returns whether any mention came through. */
async function readConnection(ctx: ConnectorContext, url: string, config: MastodonSourceConfig, onMention: (mention: MentionInput) => Promise<void>): Promise<boolean> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (config.token !== undefined) headers.authorization = `Bearer ${config.token}`;
  const res = await ctx.http.stream(url, { headers, signal: ctx.signal });
  const type = res.headers['content-type'] ?? '';
  if (!type.includes('text/event-stream')) {
    // Instances that serve streaming from another host answer here with HTML or JSON: polling still works.
    throw new ConnectorError('invalid_payload', `${url} is not an event stream (${type || 'no content type'}); the instance may serve streaming from another host`);
  }
  const instanceHost = new URL(config.instance).host;
  const events: SseEvent[] = [];
  const parser = createSseParser((event) => events.push(event), (reason) => ctx.log('warn', `${instanceHost} stream: ${reason}`));
  // A multi-byte character can be split between two chunks: decode in streaming mode.
  const decoder = new TextDecoder('utf-8');
  let delivered = false;
  for await (const chunk of res.body) {
    parser.push(decoder.decode(chunk, { stream: true }));
    for (const event of events.splice(0)) {
      const item = toStreamItem(event, { instanceHost });
      if ('mention' in item) {
        await onMention(item.mention);
        delivered = true;
      } else if ('skipped' in item) {
        ctx.log('info', `skipped a streamed status from ${instanceHost}: ${item.skipped.reason}`, { externalId: item.skipped.externalId });
      }
    }
  }
  return delivered;
}

/**
 * The stream capability over Mastodon's server-sent events: new statuses and edits arrive as
 * mentions (an edit keeps its external id), deletions are logged as skipped. A dropped connection
 * reconnects with exponential backoff (capped, reset once events flow again); a refusal that
 * retrying cannot fix (401, 403, 404, not an event stream) ends the stream with its ConnectorError.
 * Statuses missed while disconnected are picked up by the poll capability, which keeps running.
 *
 * @example
 * const stream = createStatusStream();
 * await stream(ctx, { config: { instance: 'https://mastodon.social', hashtag: 'vigie' }, state: {} }, async (m) => ingest([m]));
 */
export function createStatusStream(options: StatusStreamOptions = {}) {
  const base = options.reconnectBaseMs ?? 1_000;
  const max = options.reconnectMaxMs ?? 60_000;
  return async function streamStatuses(ctx: ConnectorContext, source: SourceInput<MastodonSourceConfig>, onMention: (mention: MentionInput) => Promise<void>): Promise<void> {
    const url = streamUrl(source.config);
    let failures = 0;
    while (!ctx.signal.aborted) {
      let retryAfterMs: number | undefined;
      try {
        const delivered = await readConnection(ctx, url, source.config, onMention);
        failures = delivered ? 0 : failures;
        ctx.log('warn', `${url}: the server closed the stream; reconnecting`);
      } catch (error) {
        if (ctx.signal.aborted) return;
        if (!isConnectorError(error) || FATAL.has(error.code)) throw error;
        retryAfterMs = error.retryAfterMs;
        ctx.log('warn', `${url}: stream interrupted (${error.code}: ${error.message}); reconnecting`, { code: error.code });
      }
      failures += 1;
      await waitOrAbort(retryAfterMs ?? Math.min(max, base * 2 ** (failures - 1)), ctx.signal);
    }
  };
}
