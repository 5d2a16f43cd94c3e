/**
 * The Hacker News connector, through the public HN Search API by Algolia
 * (https://hn.algolia.com/api): poll a search over stories and comments, and search for the
 * query tester. Auth: none. See README.md.
 */
import { defineConnector, type ConnectorDefinition } from '../connector';
import { HN_API_BASE } from './api';
import { hackernewsSourceConfig, type HackernewsSourceConfig } from './config';
import { pollSearch } from './poll';
import { searchHackerNews } from './search';

/**
 * @param baseUrl the API root; tests point it at a local fixture server.
 * @example
 * const hn = createHackerNewsConnector('http://127.0.0.1:4000/api/v1');
 */
export function createHackerNewsConnector(baseUrl: string = HN_API_BASE): ConnectorDefinition<HackernewsSourceConfig> {
  return defineConnector<HackernewsSourceConfig>({
    id: 'hackernews',
    name: 'Hacker News',
    sourceConfig: hackernewsSourceConfig,
    capabilities: {
      poll: { fetch: (ctx, source) => pollSearch(ctx, baseUrl, source) },
      search: { search: (ctx, request) => searchHackerNews(ctx, baseUrl, request) },
    },
    // 10 minutes: a busy query stays far below the documented 10,000 requests per hour per IP.
    defaultPollIntervalSec: 600,
    describeSource: (config) => `HN: ${config.query}${config.kinds === 'all' ? '' : ` (${config.kinds})`}`,
  });
}

export const hackernews = createHackerNewsConnector();
