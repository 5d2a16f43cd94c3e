/**
 * The Bluesky connector: post search and author feeds through the public AppView, with no
 * account; backfill by paging back; live posts of search sources through the Jetstream firehose
 * (stream.ts), over kit's WebSocket (address policy, pinned lookup, silence timeout); with an
 * app password, the account's notifications (replies, mentions, quotes) and posting and replying
 * as the account (publish.ts, reply.ts), over one reused session (session.ts).
 */
import { defineConnector } from '../connector';
import { backfillPosts } from './backfill';
import { BLUESKY_SOURCE_MODES, blueskyAccountConfig, blueskySourceConfig, type BlueskyAccountConfig, type BlueskySourceConfig } from './config';
import { pollPosts } from './poll';
import { publishPost } from './publish';
import { replyToPost } from './reply';
import { createSearchPosts } from './search';
import { createJetstreamStream } from './stream';

/**
 * @example
 * const result = await bluesky.capabilities.poll!.fetch(ctx, { config: { search: 'vigie' }, state: {} });
 */
export const bluesky = defineConnector<BlueskySourceConfig, BlueskyAccountConfig>({
  id: 'bluesky',
  name: 'Bluesky',
  sourceConfig: blueskySourceConfig,
  sourceModes: BLUESKY_SOURCE_MODES,
  accountConfig: blueskyAccountConfig,
  capabilities: {
    poll: { fetch: pollPosts },
    search: { search: createSearchPosts() },
    backfill: { backfill: backfillPosts },
    stream: { stream: createJetstreamStream(async (ctx, url) => (await ctx.http.webSocket(url, { signal: ctx.signal })).messages) },
    publish: { publish: publishPost },
    reply: { reply: replyToPost },
  },
  // 2 minutes: a search poll is one request when little is new, far below the AppView's 3,000 requests / 5 min per IP.
  defaultPollIntervalSec: 120,
  describeSource: (config) => (config.search !== undefined ? `“${config.search}”` : config.notifications === true ? `notifications @${config.identifier ?? ''}` : `@${config.author ?? ''}`),
});

export { benchPages as blueskyBenchPages } from './bench-pages';
export { createSearchPosts } from './search';
export { createJetstreamStream, termsOfSearch, type JetstreamStreamOptions, type OpenMessages } from './stream';
export { createTermFilter, DEFAULT_JETSTREAM, jetstreamUrl, parseJetstreamEvent, type JetstreamItem } from './stream-events';
