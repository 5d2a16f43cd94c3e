import type { MentionInput } from '@vigie/core';
import type { ConnectorContext, PollResult, SkippedItem, SourceInput } from '../connector';
import { fetchGraphList, followableNext, postsUrl, ratingsUrl, taggedUrl } from './api';
import { facebookSourceState, type FacebookSourceConfig, type FacebookSourceState } from './config';
import { commentToItem, postToItem, ratingToItem, readPost, type FbOutcome } from './to-mention';

/** How far back the first poll of a new source looks. */
export const FIRST_POLL_LOOKBACK_MS = 24 * 60 * 60 * 1000;
/**
 * Each poll re-reads this much before the watermark: Graph filters by creation time only and gives
 * comments no edit time, so a comment edited within the hour is noticed (its text hash changes).
 */
export const EDIT_OVERLAP_MS = 60 * 60 * 1000;
/** Pages followed per list and per post's comments, at most. */
export const MAX_PAGES = 4;
/** The version recorded for an item skipped once (a later edit that makes it usable differs). */
const SKIPPED_VERSION = '-';
/** `[id, version]` pairs kept to recognise overlaps and edits. */
export const SEEN_LIMIT = 3000;

function readState(state: Record<string, unknown>): FacebookSourceState {
  const parsed = facebookSourceState.safeParse(state);
  // An unreadable state restarts from the lookback window; the store's upsert absorbs any overlap.
  return parsed.success ? parsed.data : {};
}

/** Follows `paging.next` (on the API's origin only) up to MAX_PAGES, collecting `data`. */
async function readAll(ctx: ConnectorContext, base: string, first: string, token: string, enough: (count: number) => boolean = () => false): Promise<unknown[]> {
  const items: unknown[] = [];
  let url: string | undefined = first;
  for (let page = 0; url !== undefined && page < MAX_PAGES && !enough(items.length); page += 1) {
    const result = await fetchGraphList(ctx, url, token);
    items.push(...result.data);
    url = followableNext(result.next, base);
  }
  return items;
}

/** Visitor posts and new comments on the latest posts of `feed` or `ads_posts`. */
async function readPostsEdge(ctx: ConnectorContext, base: string, config: FacebookSourceConfig, edge: 'feed' | 'ads_posts', since: number): Promise<FbOutcome[]> {
  const limit = Math.min(25, config.postsToWatch);
  const posts = (await readAll(ctx, base, postsUrl(base, config.graphVersion, config.pageId, edge, since, limit), config.accessToken, (n) => n >= config.postsToWatch)).slice(0, config.postsToWatch);
  const outcomes: FbOutcome[] = [];
  for (const raw of posts) {
    const read = readPost(raw);
    if ('skipped' in read) {
      outcomes.push(read);
      continue;
    }
    const { post } = read;
    // The feed holds the Page's own posts (context, not mentions) and visitors' posts.
    if (edge === 'feed' && post.from !== undefined && post.from.id !== config.pageId) outcomes.push(postToItem(post));
    const comments = [...(post.comments?.data ?? [])];
    const more = followableNext(post.comments?.paging?.next, base);
    if (more !== undefined) comments.push(...(await readAll(ctx, base, more, config.accessToken)));
    for (const comment of comments) {
      const outcome = commentToItem(comment, post.id);
      // The Page's own answers are not mentions.
      if ('item' in outcome && outcome.item.mention.author.url === `https://www.facebook.com/${config.pageId}`) continue;
      outcomes.push(outcome);
    }
  }
  return outcomes;
}

/**
 * Reads every followed edge of the Page and emits what is new or edited since the last poll:
 * visitor posts and comments (on posts and on ads' posts), posts tagging the Page, ratings. An
 * item is emitted when its `[id, text hash]` pair is new, so a restart never duplicates and an
 * edit is emitted again under the same id.
 *
 * @example
 * const result = await pollPage(ctx, GRAPH_API_BASE, { config: facebookSourceConfig.parse({ pageId, accessToken }), state: {} });
 */
export async function pollPage(ctx: ConnectorContext, base: string, source: SourceInput<FacebookSourceConfig>): Promise<PollResult> {
  const { config } = source;
  const state = readState(source.state);
  const now = ctx.now().getTime();
  const floor = state.watermark ?? new Date(now - FIRST_POLL_LOOKBACK_MS).toISOString();
  const since = Math.floor((Date.parse(floor) - (state.watermark === undefined ? 0 : EDIT_OVERLAP_MS)) / 1000);
  const outcomes: FbOutcome[] = [];
  for (const edge of config.edges) {
    if (edge === 'feed' || edge === 'ads_posts') outcomes.push(...(await readPostsEdge(ctx, base, config, edge, since)));
    else if (edge === 'tagged') {
      for (const raw of await readAll(ctx, base, taggedUrl(base, config.graphVersion, config.pageId, since), config.accessToken)) {
        const read = readPost(raw);
        outcomes.push('skipped' in read ? read : postToItem(read.post));
      }
    } else {
      // Ratings come newest first without a `since`: the first page holds anything new.
      const page = await fetchGraphList(ctx, ratingsUrl(base, config.graphVersion, config.pageId), config.accessToken);
      outcomes.push(...page.data.map((raw) => ratingToItem(raw, config.pageId)));
    }
  }
  const seen = new Map(state.seen ?? []);
  const mentions: MentionInput[] = [];
  const skipped: SkippedItem[] = [];
  const fresh: [string, string][] = [];
  let watermark = floor;
  for (const outcome of outcomes) {
    if ('skipped' in outcome) {
      const id = outcome.skipped.externalId;
      // Remembered as skipped, so the overlap does not report it at every poll.
      if (id === undefined || !seen.has(id)) skipped.push(outcome.skipped);
      if (id !== undefined && !seen.has(id) && !fresh.some(([known]) => known === id)) fresh.push([id, SKIPPED_VERSION]);
      continue;
    }
    const { mention, version } = outcome.item;
    const known = seen.get(mention.externalId);
    const isNew = known === undefined && mention.publishedAt >= new Date(since * 1000).toISOString();
    if ((isNew || (known !== undefined && known !== version)) && !fresh.some(([id]) => id === mention.externalId)) {
      mentions.push(mention);
      fresh.push([mention.externalId, version]);
    }
    if (mention.publishedAt > watermark) watermark = mention.publishedAt;
  }
  for (const item of skipped) ctx.log('info', `skipped a Facebook item of Page ${config.pageId}: ${item.reason}`, { externalId: item.externalId });
  const freshIds = new Set(fresh.map(([id]) => id));
  const kept = [...fresh, ...(state.seen ?? []).filter(([id]) => !freshIds.has(id))].slice(0, SEEN_LIMIT);
  return { mentions, state: { watermark, seen: kept }, skipped };
}
