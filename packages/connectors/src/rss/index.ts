/**
 * The RSS connector: RSS 0.9x/2.0, Atom 1.0, RDF/RSS 1.0 and JSON Feed 1.x through one poll
 * capability. Auth: none. See README.md for limits and quirks.
 */
import { defineConnector } from '../connector';
import { rssSourceConfig, type RssSourceConfig } from './config';
import { pollFeed } from './poll';

/**
 * @example
 * const result = await rss.capabilities.poll!.fetch(ctx, { config: { url: 'https://blog.example/feed' }, state: {} });
 */
export const rss = defineConnector<RssSourceConfig>({
  id: 'rss',
  name: 'RSS / Atom / JSON Feed',
  sourceConfig: rssSourceConfig,
  capabilities: { poll: { fetch: pollFeed } },
  // 15 minutes: frequent enough for news, polite to small blogs; conditional GET makes most polls a 304.
  defaultPollIntervalSec: 900,
  describeSource: (config) => {
    const url = new URL(config.url);
    return url.hostname.replace(/^www\./, '') + (url.pathname === '/' ? '' : url.pathname.replace(/\/$/, ''));
  },
});

export { parseOpml, type OpmlImport } from './parse-opml';
