import type { ConnectorContext, MentionPage, SourceInput } from '../connector';
import { ConnectorError } from '../connector-error';
import type { BlueskySourceConfig } from './config';
import { fetchSourcePage, sortAtOf } from './fetch-page';
import { toMentions } from './to-mention';

/**
 * The backfill capability: pages back through the search (with `since` = `until`, so the AppView
 * stops there) or the author's feed (until its posts are older than `until`). Bluesky keeps
 * everything, so any number of days can be backfilled; the search index may cap deep paging.
 *
 * @example
 * let page = await backfillPosts(ctx, source, { until });
 * while (page.nextCursor !== null) page = await backfillPosts(ctx, source, { until, cursor: page.nextCursor });
 */
export async function backfillPosts(ctx: ConnectorContext, source: SourceInput<BlueskySourceConfig>, request: { until: Date; cursor?: string }): Promise<MentionPage> {
  if (request.cursor !== undefined && request.cursor.length > 1024) throw new ConnectorError('invalid_request', 'invalid backfill cursor (too long)');
  const until = request.until.getTime();
  const page = await fetchSourcePage(ctx, source.config, {
    ...(request.cursor !== undefined ? { cursor: request.cursor } : {}),
    ...(source.config.search !== undefined ? { since: request.until.toISOString() } : {}),
  });
  const { mentions, skipped } = toMentions(page.posts);
  const kept = mentions.filter((mention) => Date.parse(mention.publishedAt) >= until);
  const oldest = page.posts.reduce((min, item) => Math.min(min, Date.parse(sortAtOf(item))), Number.POSITIVE_INFINITY);
  const more = page.cursor !== undefined && page.posts.length + page.skipped.length > 0 && oldest >= until;
  return { mentions: kept, skipped: [...page.skipped, ...skipped], nextCursor: more ? (page.cursor ?? null) : null };
}
