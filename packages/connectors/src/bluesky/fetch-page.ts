import type { ConnectorContext } from '../connector';
import { ConnectorError } from '../connector-error';
import { getXrpc, NOTIFICATION_REASONS, readAuthorFeedPage, readNotificationsPage, readSearchPage, type PostPage } from './api';
import { appViewOf, serviceOf, type BlueskyAccountConfig, type BlueskySourceConfig } from './config';
import { withSession } from './session';

/** Posts per page: the documented maximum of both endpoints. */
export const PAGE_SIZE = 100;

/**
 * One page of a source, newest first: searchPosts sorted by date, an author's feed with replies, or
 * the account's notifications.
 *
 * @example
 * const page = await fetchSourcePage(ctx, { search: 'vigie' }, { since: '2026-11-25T00:00:00.000Z' });
 */
export async function fetchSourcePage(ctx: ConnectorContext, config: BlueskySourceConfig, options: { cursor?: string; since?: string; until?: string } = {}): Promise<PostPage> {
  if (config.notifications === true) {
    if (config.identifier === undefined || config.appPassword === undefined) {
      throw new ConnectorError('invalid_request', 'notifications of my account need the account / les notifications de mon compte nécessitent le compte');
    }
    const account: BlueskyAccountConfig = { identifier: config.identifier, appPassword: config.appPassword, ...(config.service !== undefined ? { service: config.service } : {}) };
    return fetchNotificationsPage(ctx, account, options.cursor);
  }
  const base = appViewOf(config);
  if (config.search !== undefined) {
    return fetchSearchPage(ctx, base, config.search, options);
  }
  const method = 'app.bsky.feed.getAuthorFeed';
  const json = await getXrpc(ctx, base, method, { actor: config.author, limit: String(PAGE_SIZE), filter: 'posts_with_replies', cursor: options.cursor });
  return readAuthorFeedPage(json, `${base}/xrpc/${method}`);
}

/**
 * One page of the account's notifications, newest first, reasons reply, mention and quote, read
 * through its PDS with the kept session (session.ts).
 *
 * @example
 * const page = await fetchNotificationsPage(ctx, { identifier: 'vigie.bsky.social', appPassword }, cursor);
 */
export async function fetchNotificationsPage(ctx: ConnectorContext, account: BlueskyAccountConfig, cursor?: string): Promise<PostPage> {
  const base = serviceOf(account);
  const method = 'app.bsky.notification.listNotifications';
  const json = await withSession(ctx, account, (session) => getXrpc(ctx, base, method, { limit: String(PAGE_SIZE), reasons: NOTIFICATION_REASONS, cursor }, session.accessJwt));
  return readNotificationsPage(json, `${base}/xrpc/${method}`);
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
  // A notification is ordered by when it reached the AppView.
  if (typeof (received.raw as { reason?: unknown }).reason === 'string') return received.post.indexedAt;
  const created = Date.parse(received.post.record.createdAt);
  const indexed = Date.parse(received.post.indexedAt);
  return created < indexed ? new Date(created).toISOString() : received.post.indexedAt;
}
