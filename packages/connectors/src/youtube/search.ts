import type { ConnectorContext, MentionPage } from '../connector';
import { ConnectorError } from '../connector-error';
import type { YoutubeAccountConfig } from './config';
import { fetchItems } from './fetch-items';

/**
 * The search capability (the query tester): one page of 25 videos, newest first (100 quota
 * units); `cursor` is YouTube's `pageToken`. Needs the account's API key.
 *
 * @example
 * const page = await searchYoutube(ctx, base, { query: 'vigie', account: { apiKey } });
 */
export async function searchYoutube(ctx: ConnectorContext, base: string, request: { query: string; since?: Date; cursor?: string; account?: YoutubeAccountConfig }): Promise<MentionPage> {
  const apiKey = request.account?.apiKey;
  if (apiKey === undefined) throw new ConnectorError('auth_expired', 'searching YouTube needs an account with an API key / la recherche YouTube demande un compte avec une clé d’API');
  const page = await fetchItems(ctx, base, { apiKey, query: request.query }, {
    maxResults: 25,
    ...(request.since !== undefined ? { floor: request.since.toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
    ...(request.cursor !== undefined ? { pageToken: request.cursor } : {}),
  });
  return { mentions: page.items.map((item) => item.mention), skipped: page.skipped, nextCursor: page.nextPageToken ?? null };
}
