import type { ConnectorContext, MentionPage } from '../connector';
import { ConnectorError } from '../connector-error';
import { fetchSearchPage } from './api';
import type { XAccountConfig } from './config';
import { MIN_PAGE } from './read-budget';
import { toMentions } from './to-mention';

const RECENT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The search capability (the query tester): one page of the smallest size X serves (10 posts,
 * billed as reads: the tester shows a sample, not a harvest); `cursor` is X's `next_token`. Needs
 * the account's bearer token. These reads are not in any source's monthly count.
 *
 * @example
 * const page = await searchX(ctx, X_API_BASE, { query: 'vigie lang:fr', account: { bearerToken, monthlyReadBudget: 10000 } });
 */
export async function searchX(ctx: ConnectorContext, base: string, request: { query: string; since?: Date; cursor?: string; account?: XAccountConfig }): Promise<MentionPage> {
  if (request.account === undefined) throw new ConnectorError('auth_expired', 'searching X needs an account with a bearer token / la recherche X demande un compte avec un jeton');
  const oldest = ctx.now().getTime() - RECENT_WINDOW_MS + 60_000;
  const since = request.since === undefined ? undefined : Math.max(request.since.getTime(), oldest);
  const token = request.account.bearerToken ?? request.account.accessToken;
  if (token === undefined) throw new ConnectorError('auth_expired', 'searching X needs an account with a bearer token / la recherche X demande un compte avec un jeton');
  const page = await fetchSearchPage(ctx, base, token, {
    query: request.query,
    maxResults: MIN_PAGE,
    ...(since !== undefined ? { startTime: new Date(since).toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
    ...(request.cursor !== undefined ? { nextToken: request.cursor } : {}),
  });
  const { mentions, skipped } = toMentions(page.tweets, page.users, page.errors);
  return { mentions: mentions.map((item) => item.mention), skipped, nextCursor: page.nextToken ?? null };
}
