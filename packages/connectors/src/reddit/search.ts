import type { ConnectorContext, MentionPage } from '../connector';
import { ConnectorError } from '../connector-error';
import { getListing, listingUrl, searchWindow } from './api';
import { REDDIT_ORIGIN } from './config';
import { toMentions } from './to-mention';

/**
 * The search capability: site-wide `search.json?sort=new`, no account needed. The cursor is the
 * `after` fullname. The base URL is a parameter so tests can point it at a fixture server.
 *
 * @example
 * const searchReddit = createSearchReddit();
 * const page = await searchReddit(ctx, { query: 'vigie', since: new Date(Date.now() - 86_400_000) });
 */
export function createSearchReddit(baseUrl: string = REDDIT_ORIGIN) {
  return async function searchReddit(ctx: ConnectorContext, request: { query: string; since?: Date; cursor?: string }): Promise<MentionPage> {
    if (request.cursor !== undefined && !/^t[1-6]_[a-z0-9]{1,16}$/.test(request.cursor)) {
      throw new ConnectorError('invalid_request', `invalid search cursor "${request.cursor}"`);
    }
    const config = { search: request.query, baseUrl };
    const t = request.since === undefined ? 'all' : searchWindow(request.since, ctx.now());
    const page = await getListing(ctx, config, listingUrl(config, { ...(request.cursor !== undefined ? { after: request.cursor } : {}), t }));
    const { mentions, skipped } = toMentions(page.things);
    const since = request.since?.getTime();
    const kept = since === undefined ? mentions : mentions.filter((mention) => Date.parse(mention.publishedAt) >= since);
    return { mentions: kept, skipped: [...page.skipped, ...skipped], nextCursor: page.after !== undefined && kept.length > 0 ? page.after : null };
  };
}
