import type { MastodonSourceConfig } from './config';

/** Statuses per page: the documented maximum of the timeline endpoints (40). */
export const PAGE_SIZE = 40;

/**
 * The first-page URL of a source (newest statuses), before any cursor parameter.
 *
 * @example
 * sourceUrl({ instance: 'https://mastodon.social', hashtag: 'vigie' }); // 'https://mastodon.social/api/v1/timelines/tag/vigie?limit=40'
 */
export function sourceUrl(config: MastodonSourceConfig): string {
  if (config.notifications === true) return notificationsUrl(config.instance);
  if (config.hashtag !== undefined) return `${config.instance}/api/v1/timelines/tag/${encodeURIComponent(config.hashtag)}?limit=${PAGE_SIZE}`;
  if (config.timeline !== undefined) return `${config.instance}/api/v1/timelines/public?limit=${PAGE_SIZE}${config.timeline === 'local' ? '&local=true' : ''}`;
  return searchUrl(config.instance, config.search ?? '');
}

/** Notifications per page asked (`GET /api/v1/notifications`: default 40, maximum 80), the same as timelines so paging behaves alike. */
export const NOTIFICATIONS_PAGE_SIZE = 40;

/**
 * The account's mentions and quotes, newest first (https://docs.joinmastodon.org/methods/notifications/#get).
 *
 * @example
 * notificationsUrl('https://mastodon.social'); // 'https://mastodon.social/api/v1/notifications?types[]=mention&types[]=quote&limit=40'
 */
export function notificationsUrl(instance: string): string {
  return `${instance}/api/v1/notifications?types[]=mention&types[]=quote&limit=${NOTIFICATIONS_PAGE_SIZE}`;
}

/**
 * Statuses search (v2); `resolve=false` so a query never makes the instance fetch remote servers.
 *
 * @example
 * searchUrl('https://mastodon.social', 'vigie', 40); // '…/api/v2/search?q=vigie&type=statuses&resolve=false&limit=40&offset=40'
 */
export function searchUrl(instance: string, query: string, offset = 0): string {
  const params = new URLSearchParams({ q: query, type: 'statuses', resolve: 'false', limit: String(PAGE_SIZE) });
  if (offset > 0) params.set('offset', String(offset));
  return `${instance}/api/v2/search?${params.toString()}`;
}

/** Appends one query parameter to a URL that already has a query string. */
export function withParam(url: string, name: string, value: string): string {
  return `${url}&${name}=${encodeURIComponent(value)}`;
}
