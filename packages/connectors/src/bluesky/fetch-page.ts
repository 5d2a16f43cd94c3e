import type { ConnectorContext } from '../connector';
import { getXrpc, readAuthorFeedPage, readSearchPage, type PostPage } from './api';
import { appViewOf, type BlueskySourceConfig } from './config';

/** Posts per page: the documented maximum of both endpoints. */
export const PAGE_SIZE = 100;

/**
 * One page of a source, newest first: searchPosts sorted by date, or an author's feed with replies.
 *
 * @example
 * const page = await fetchSourcePage(ctx, { search: 'vigie' }, { since: '2026-11-25T00:00:00.000Z' });
 */
export async function fetchSourcePage(ctx: ConnectorContext, config: BlueskySourceConfig, options: { cursor?: string; since?: string; until?: string } = {}): Promise<PostPage> {
  const base = appViewOf(config);
  if (config.search !== undefined) {
    return fetchSearchPage(ctx, base, config.search, options);
  }
  const method = 'app.bsky.feed.getAuthorFeed';
  const json = await getXrpc(ctx, base, method, { actor: config.author, limit: String(PAGE_SIZE), filter: 'posts_with_replies', cursor: options.cursor });
  return readAuthorFeedPage(json, `${base}/xrpc/${method}`);
}

/**
 * One page of `app.bsky.feed.searchPosts?sort=latest`.
 *
 * @example
 * const page = await fetchSearchPage(ctx, 'https://public.api.bsky.app', 'vigie lang:fr', { cursor });
 */
export async function fetchSearchPage(ctx: ConnectorContext, base: string, q: string, options: { cursor?: string; since?: string; until?: string }): Promise<PostPage> {
  const method = 'app.bsky.feed.searchPosts';
  const json = await getXrpc(ctx, base, method, { q, sort: 'latest', limit: String(PAGE_SIZE), since: options.since, until: options.until, cursor: options.cursor });
  return readSearchPage(json, `${base}/xrpc/${method}`);
}

/**
 * The date the AppView sorts and filters by (`since` compares with it): the repost's date for a
 * repost, else the earlier of the record's `createdAt` and `indexedAt` ("sortAt").
 */
export function sortAtOf(received: PostPage['posts'][number]): string {
  if (received.repostedBy !== undefined) return received.repostedBy.indexedAt;
  const created = Date.parse(received.post.record.createdAt);
  const indexed = Date.parse(received.post.indexedAt);
  return created < indexed ? new Date(created).toISOString() : received.post.indexedAt;
}
