import type { ConnectorContext, MentionPage, SourceInput } from '../connector';
import { ConnectorError } from '../connector-error';
import { getListing, listingUrl, searchWindow } from './api';
import type { RedditSourceConfig } from './config';
import { readAtomListing } from './read-atom';
import { toMentions } from './to-mention';

/**
 * The backfill capability: follows `after` back through the listing until items are older than
 * `until`. Reddit listings stop at about 1,000 items, so a busy subreddit cannot be backfilled
 * further than that, whatever `until` says. The cursor is the `after` fullname.
 *
 * @example
 * let page = await backfillListing(ctx, source, { until });
 * while (page.nextCursor !== null) page = await backfillListing(ctx, source, { until, cursor: page.nextCursor });
 */
export async function backfillListing(ctx: ConnectorContext, source: SourceInput<RedditSourceConfig>, request: { until: Date; cursor?: string }): Promise<MentionPage> {
  if (request.cursor !== undefined && !/^t[1-6]_[a-z0-9]{1,16}$/.test(request.cursor)) {
    throw new ConnectorError('invalid_request', `invalid backfill cursor "${request.cursor}"`);
  }
  const until = request.until.getTime();
  if (source.config.via === 'rss') {
    // The Atom twin has no paging: its one page (100 items) is all a backfill can get.
    const atom = await readAtomListing(ctx, source.config);
    return { mentions: atom.mentions.filter((mention) => Date.parse(mention.publishedAt) >= until), skipped: atom.skipped, nextCursor: null };
  }
  const options = { ...(request.cursor !== undefined ? { after: request.cursor } : {}), t: searchWindow(request.until, ctx.now()) };
  const page = await getListing(ctx, source.config, listingUrl(source.config, options));
  const { mentions, skipped } = toMentions(page.things);
  const kept = mentions.filter((mention) => Date.parse(mention.publishedAt) >= until);
  const oldest = page.things.reduce((min, { thing }) => Math.min(min, thing.data.created_utc * 1000), Number.POSITIVE_INFINITY);
  const more = page.after !== undefined && page.things.length > 0 && oldest >= until;
  return { mentions: kept, skipped: [...page.skipped, ...skipped], nextCursor: more ? (page.after ?? null) : null };
}
