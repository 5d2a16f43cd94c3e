/**
 * The Facebook Pages connector, through the Graph API with a Page access token: poll visitor
 * posts and comments on the Page's posts and ads, posts tagging the Page, and ratings; reply to
 * comments and posts, and publish on the Page. See README.md.
 */
import { defineConnector, type ConnectorDefinition } from '../connector';
import { GRAPH_API_BASE } from './api';
import { facebookAccountConfig, facebookSourceConfig, type FacebookAccountConfig, type FacebookSourceConfig } from './config';
import { pollPage } from './poll';
import { publishOnPage } from './publish';
import { replyToObject } from './reply';

export { benchPages } from './bench-pages';

/**
 * @param baseUrl the API root; tests point it at a local fixture server.
 * @example
 * const fb = createFacebookConnector('http://127.0.0.1:4000');
 */
export function createFacebookConnector(baseUrl: string = GRAPH_API_BASE): ConnectorDefinition<FacebookSourceConfig, FacebookAccountConfig> {
  return defineConnector<FacebookSourceConfig, FacebookAccountConfig>({
    id: 'facebook',
    name: 'Facebook Pages',
    sourceConfig: facebookSourceConfig,
    accountConfig: facebookAccountConfig,
    capabilities: {
      poll: { fetch: (ctx, source) => pollPage(ctx, baseUrl, source) },
      publish: { publish: (ctx, request) => publishOnPage(ctx, baseUrl, request) },
      reply: { reply: (ctx, request) => replyToObject(ctx, baseUrl, request) },
    },
    // 10 minutes: a poll costs one call per edge plus extra comment pages, far below the Page
    // rate limit (4800 calls × engaged users per 24 h).
    defaultPollIntervalSec: 600,
    describeSource: (config) => `Facebook Page ${config.pageId}`,
  });
}

export const facebook = createFacebookConnector();
