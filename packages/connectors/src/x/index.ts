/**
 * The X connector, through the X API v2 with an app-only bearer token: poll a recent search
 * (within a monthly read budget, since X bills every post read), stream the same query through
 * the filtered stream, and search for the query tester; with a user access token, post and
 * reply as the account. See README.md.
 */
import { defineConnector, type ConnectorDefinition } from '../connector';
import { X_API_BASE } from './api';
import { xAccountConfig, xSourceConfig, type XAccountConfig, type XSourceConfig } from './config';
import { pollRecentSearch } from './poll';
import { publishPost } from './publish';
import { replyToPost } from './reply';
import { searchX } from './search';
import { createFilteredStream, type FilteredStreamOptions } from './stream';

export { planPage, readBudgetStatus, type ReadBudgetStatus } from './read-budget';
export { benchPages } from './bench-pages';

/**
 * @param baseUrl the API root; tests point it at a local fixture server.
 * @example
 * const x = createXConnector('http://127.0.0.1:4000');
 */
export function createXConnector(baseUrl: string = X_API_BASE, streamOptions: FilteredStreamOptions = {}): ConnectorDefinition<XSourceConfig, XAccountConfig> {
  return defineConnector<XSourceConfig, XAccountConfig>({
    id: 'x',
    name: 'X (Twitter)',
    sourceConfig: xSourceConfig,
    accountConfig: xAccountConfig,
    capabilities: {
      poll: { fetch: (ctx, source) => pollRecentSearch(ctx, baseUrl, source) },
      search: { search: (ctx, request) => searchX(ctx, baseUrl, request) },
      stream: { stream: createFilteredStream(baseUrl, streamOptions) },
      publish: { publish: (ctx, request) => publishPost(ctx, baseUrl, request) },
      reply: { reply: (ctx, request) => replyToPost(ctx, baseUrl, request) },
    },
    // 15 minutes: recent search allows 450 requests per 15 minutes per app (60 on Basic);
    // reads, not requests, are the real cost, and the budget caps them.
    defaultPollIntervalSec: 900,
    describeSource: (config) => `X: ${config.query}`,
  });
}

export const x = createXConnector();
