/**
 * The Instagram connector, through the Instagram Graph API (professional accounts linked to a
 * Facebook Page): poll comments on the account's media and media tagging it. See README.md.
 */
import { defineConnector, type ConnectorDefinition } from '../connector';
import { GRAPH_API_BASE } from './api';
import { instagramSourceConfig, type InstagramSourceConfig } from './config';
import { pollInstagram } from './poll';

export { benchPages } from './bench-pages';

/**
 * @param baseUrl the API root; tests point it at a local fixture server.
 * @example
 * const ig = createInstagramConnector('http://127.0.0.1:4000');
 */
export function createInstagramConnector(baseUrl: string = GRAPH_API_BASE): ConnectorDefinition<InstagramSourceConfig> {
  return defineConnector<InstagramSourceConfig>({
    id: 'instagram',
    name: 'Instagram',
    sourceConfig: instagramSourceConfig,
    capabilities: {
      poll: { fetch: (ctx, source) => pollInstagram(ctx, baseUrl, source) },
    },
    // 10 minutes: 200 calls per hour per account (https://developers.facebook.com/docs/graph-api/overview/rate-limiting), a poll costs 2 to 10.
    defaultPollIntervalSec: 600,
    describeSource: (config) => `Instagram ${config.igUserId}`,
  });
}

export const instagram = createInstagramConnector();
