/**
 * The Mastodon connector: hashtag and public timelines of any instance with no credentials,
 * status search and the account's own mentions (notifications) with an account token, backfill by walking timelines back, live streaming of
 * hashtags and public timelines over server-sent events, and (with a token) publishing and replies.
 */
import { defineConnector } from '../connector';
import { backfillStatuses } from './backfill';
import { MASTODON_SOURCE_MODES, mastodonAccountConfig, mastodonSourceConfig, type MastodonAccountConfig, type MastodonSourceConfig } from './config';
import { pollStatuses } from './poll';
import { publishStatus } from './publish';
import { replyToStatus } from './reply';
import { searchStatuses } from './search';
import { createStatusStream } from './stream';

/**
 * @example
 * const result = await mastodon.capabilities.poll!.fetch(ctx, { config: { instance: 'https://mastodon.social', hashtag: 'vigie' }, state: {} });
 */
export const mastodon = defineConnector<MastodonSourceConfig, MastodonAccountConfig>({
  id: 'mastodon',
  name: 'Mastodon',
  sourceConfig: mastodonSourceConfig,
  sourceModes: MASTODON_SOURCE_MODES,
  accountConfig: mastodonAccountConfig,
  capabilities: {
    poll: { fetch: pollStatuses },
    search: { search: searchStatuses },
    backfill: { backfill: backfillStatuses },
    stream: { stream: createStatusStream() },
    publish: { publish: publishStatus },
    reply: { reply: replyToStatus },
  },
  // 2 minutes: one request per poll when nothing is new, far below the 300 requests / 5 min an instance allows.
  defaultPollIntervalSec: 120,
  describeSource: (config) => {
    const host = new URL(config.instance).host;
    if (config.hashtag !== undefined) return `#${config.hashtag} @ ${host}`;
    if (config.timeline !== undefined) return `${config.timeline === 'local' ? 'local' : 'public'} @ ${host}`;
    if (config.notifications === true) return `mentions @ ${host}`;
    return `“${config.search ?? ''}” @ ${host}`;
  },
});

export { benchPages as mastodonBenchPages } from './bench-pages';
export { createStatusStream, streamUrl, type StatusStreamOptions } from './stream';
export { createSseParser, toStreamItem, type SseEvent, type StreamItem } from './stream-events';
