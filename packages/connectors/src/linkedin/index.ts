/**
 * The LinkedIn connector, through the Community Management API with a page admin's token: poll
 * comments on an organisation's posts, comment and reply as the organisation, and post. See
 * README.md.
 */
import { defineConnector, type ConnectorDefinition } from '../connector';
import { LINKEDIN_API_BASE } from './api';
import { linkedinAccountConfig, linkedinSourceConfig, type LinkedinAccountConfig, type LinkedinSourceConfig } from './config';
import { pollOrganisation } from './poll';
import { publishAsOrganisation } from './publish';
import { commentAsOrganisation } from './reply';

export { benchPages } from './bench-pages';

/**
 * @param baseUrl the API root; tests point it at a local fixture server.
 * @example
 * const li = createLinkedinConnector('http://127.0.0.1:4000');
 */
export function createLinkedinConnector(baseUrl: string = LINKEDIN_API_BASE): ConnectorDefinition<LinkedinSourceConfig, LinkedinAccountConfig> {
  return defineConnector<LinkedinSourceConfig, LinkedinAccountConfig>({
    id: 'linkedin',
    name: 'LinkedIn (organisation pages)',
    sourceConfig: linkedinSourceConfig,
    accountConfig: linkedinAccountConfig,
    capabilities: {
      poll: { fetch: (ctx, source) => pollOrganisation(ctx, baseUrl, source) },
      publish: { publish: (ctx, request) => publishAsOrganisation(ctx, baseUrl, request) },
      reply: { reply: (ctx, request) => commentAsOrganisation(ctx, baseUrl, request) },
    },
    // 15 minutes: daily application and member quotas (reset at midnight UTC) are shared by all
    // sources; a poll costs one call per watched post plus one.
    defaultPollIntervalSec: 900,
    describeSource: (config) => `LinkedIn ${config.organizationUrn.replace('urn:li:organization:', 'organisation ')}`,
  });
}

export const linkedin = createLinkedinConnector();
