import type { ConnectorContext, MentionPage } from '../connector';
import { PUBLIC_APPVIEW } from './config';
import { fetchSearchPage } from './fetch-page';
import { toMentions } from './to-mention';

/**
 * The search capability: `app.bsky.feed.searchPosts?sort=latest` on an AppView (the public one
 * by default), no account needed. The cursor is the AppView's opaque cursor. The AppView is a
 * parameter so tests and self-hosted AppViews can point it elsewhere.
 *
 * @example
 * const searchPosts = createSearchPosts();
 * const page = await searchPosts(ctx, { query: 'vigie lang:fr', since: new Date('2026-11-01') });
 */
export function createSearchPosts(appView: string = PUBLIC_APPVIEW) {
  return async function searchPosts(ctx: ConnectorContext, request: { query: string; since?: Date; cursor?: string }): Promise<MentionPage> {
    return searchOn(ctx, appView, request);
  };
}

async function searchOn(ctx: ConnectorContext, appView: string, request: { query: string; since?: Date; cursor?: string }): Promise<MentionPage> {
  const page = await fetchSearchPage(ctx, appView, request.query, {
    ...(request.cursor !== undefined ? { cursor: request.cursor } : {}),
    ...(request.since !== undefined ? { since: request.since.toISOString() } : {}),
  });
  const { mentions, skipped } = toMentions(page.posts);
  const returned = page.posts.length + page.skipped.length;
  return { mentions, skipped: [...page.skipped, ...skipped], nextCursor: returned > 0 ? (page.cursor ?? null) : null };
}
