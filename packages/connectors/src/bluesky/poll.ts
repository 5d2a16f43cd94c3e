import type { MentionInput } from '@vigie/core';
import type { ConnectorContext, PollResult, SkippedItem, SourceInput } from '../connector';
import type { ReceivedPost } from './api';
import { blueskySourceState, type BlueskySourceConfig, type BlueskySourceState } from './config';
import { fetchSourcePage, sortAtOf } from './fetch-page';
import { keepUnseen, MAX_RECENT } from '../kit/recent-ids';
import { toMentions } from './to-mention';

/** Pages read in one poll at most (500 posts); a query busier than that between two polls is left to backfill, with a warning. */
export const MAX_PAGES_PER_POLL = 5;
/**
 * How far before the newest post already seen a search poll starts again. The search index is
 * eventually consistent: a post indexed late can appear behind newer ones. `seen` drops the overlap.
 */
export const OVERLAP_MS = 5 * 60_000;
/** Version remembered for a post skipped (no text, malformed), so it is reported once. */
const SKIPPED_VERSION = 'skipped';

function readState(state: Record<string, unknown>): BlueskySourceState {
  const parsed = blueskySourceState.safeParse(state);
  // An unreadable state (older version, hand edit) restarts from the newest page; `seen` and the store absorb the overlap.
  return parsed.success ? parsed.data : {};
}

/** Posts are immutable on Bluesky (no edits): the record's cid is the version. */
function cidOf(mention: MentionInput): string {
  const raw = mention.raw as { cid?: unknown; post?: { cid?: unknown } };
  const cid = raw.post?.cid ?? raw.cid;
  return typeof cid === 'string' ? cid : '';
}

function newest(posts: ReceivedPost[], current: string | undefined): string | undefined {
  let best = current;
  for (const received of posts) {
    const at = sortAtOf(received);
    if (best === undefined || Date.parse(at) > Date.parse(best)) best = at;
  }
  return best;
}

/**
 * The poll capability. A search source asks for posts since the newest one seen (minus an
 * overlap) and pages until the cursor runs out; an author source pages back until it reaches
 * posts it has seen; a notifications source (the account's replies, mentions and quotes) pages
 * back the same way, over the account's reused session. The first poll reads one page (older
 * posts are backfill's job).
 *
 * @example
 * const result = await pollPosts(ctx, { config: { search: 'vigie' }, state: {} });
 */
export async function pollPosts(ctx: ConnectorContext, source: SourceInput<BlueskySourceConfig>): Promise<PollResult> {
  const { config } = source;
  const previous = readState(source.state);
  const since = previous.newestAt === undefined || config.search === undefined ? undefined : new Date(Date.parse(previous.newestAt) - OVERLAP_MS).toISOString();
  const received: ReceivedPost[] = [];
  const skipped: SkippedItem[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES_PER_POLL; page += 1) {
    const result = await fetchSourcePage(ctx, config, { ...(cursor !== undefined ? { cursor } : {}), ...(since !== undefined ? { since } : {}) });
    received.push(...result.posts);
    skipped.push(...result.skipped);
    if (previous.newestAt === undefined || result.cursor === undefined || result.posts.length + result.skipped.length === 0) break;
    const oldest = result.posts.reduce((min, item) => Math.min(min, Date.parse(sortAtOf(item))), Number.POSITIVE_INFINITY);
    // The search is bounded by `since`; an author feed is not, so it stops at what it has already seen.
    if (config.search === undefined && oldest <= Date.parse(previous.newestAt)) break;
    if (page === MAX_PAGES_PER_POLL - 1) {
      ctx.log('warn', `more than ${MAX_PAGES_PER_POLL} pages of new posts since the last poll; use backfill for the older ones or poll more often`, { cursor: result.cursor });
    }
    cursor = result.cursor;
  }
  const normalised = toMentions(received);
  const known = new Map(previous.seen ?? []);
  const skippedIds: string[] = [];
  for (const item of normalised.skipped) {
    if (item.externalId !== undefined) skippedIds.push(item.externalId);
    // The search overlap re-reads the last minutes: report a skipped post once, not at every poll.
    if (item.externalId === undefined || known.get(item.externalId) !== SKIPPED_VERSION) skipped.push(item);
  }
  const { fresh, recent } = keepUnseen(normalised.mentions, cidOf, (previous.seen ?? []).filter(([id]) => !skippedIds.includes(id)));
  const seen: [string, string][] = [...skippedIds.map((id): [string, string] => [id, SKIPPED_VERSION]), ...recent].slice(0, MAX_RECENT);
  for (const item of skipped) ctx.log('info', `skipped a Bluesky post: ${item.reason}`, { externalId: item.externalId });
  const newestAt = newest(received, previous.newestAt);
  return { mentions: fresh, state: { ...(newestAt !== undefined ? { newestAt } : {}), seen }, skipped };
}
