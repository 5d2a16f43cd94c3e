/**
 * The Instagram connector, through the Instagram Graph API (professional accounts linked to a
 * Facebook Page): poll comments on the account's media and media tagging it, and reply to
 * comments. See README.md.
 */
import { defineConnector, type ConnectorDefinition } from '../connector';
import { GRAPH_API_BASE } from './api';
import { instagramAccountConfig, instagramSourceConfig, type InstagramAccountConfig, type InstagramSourceConfig } from './config';
import { pollInstagram } from './poll';
import { replyToComment } from './reply';

export { benchPages } from './bench-pages';

/**
 * @param baseUrl the API root; tests point it at a local fixture server.
 * @example
 * const ig = createInstagramConnector('http://127.0.0.1:4000');
 */
export function createInstagramConnector(baseUrl: string = GRAPH_API_BASE): ConnectorDefinition<InstagramSourceConfig, InstagramAccountConfig> {
  return defineConnector<InstagramSourceConfig, InstagramAccountConfig>({
    id: 'instagram',
    name: 'Instagram',
    sourceConfig: instagramSourceConfig,
    accountConfig: instagramAccountConfig,
    capabilities: {
      poll: { fetch: (ctx, source) => pollInstagram(ctx, baseUrl, source) },
      // No publish: a post needs an image or a video upload (see README.md).
      reply: { reply: (ctx, request) => replyToComment(ctx, baseUrl, request) },
    },
    // 10 minutes: 200 calls per hour per account (https://developers.facebook.com/docs/graph-api/overview/rate-limiting), a poll costs 2 to 10.
    defaultPollIntervalSec: 600,
    describeSource: (config) => `Instagram ${config.igUserId}`,
  });
}

export const instagram = createInstagramConnector();
