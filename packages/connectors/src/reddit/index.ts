/**
 * The Reddit connector: a subreddit's newest posts or a site-wide search, through Reddit's public
 * JSON listings with a descriptive User-Agent, no account; backfill by following `after`.
 */
import { defineConnector } from '../connector';
import { backfillListing } from './backfill';
import { REDDIT_SOURCE_MODES, redditSourceConfig, type RedditSourceConfig } from './config';
import { pollListing } from './poll';
import { createSearchReddit } from './search';

/**
 * @example
 * const result = await reddit.capabilities.poll!.fetch(ctx, { config: { subreddit: 'france' }, state: {} });
 */
export const reddit = defineConnector<RedditSourceConfig>({
  id: 'reddit',
  name: 'Reddit',
  sourceConfig: redditSourceConfig,
  sourceModes: REDDIT_SOURCE_MODES,
  capabilities: {
    poll: { fetch: pollListing },
    search: { search: createSearchReddit() },
    backfill: { backfill: backfillListing },
  },
  // 5 minutes: unauthenticated clients get about 10 requests a minute per IP, shared by every Reddit source.
  defaultPollIntervalSec: 300,
  describeSource: (config) => (config.subreddit !== undefined ? `r/${config.subreddit}` : `“${config.search ?? ''}”`),
});

export { benchPages as redditBenchPages } from './bench-pages';
export { createSearchReddit } from './search';
