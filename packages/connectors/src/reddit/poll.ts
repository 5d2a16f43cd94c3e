import type { MentionInput } from '@vigie/core';
import type { ConnectorContext, PollResult, SkippedItem, SourceInput } from '../connector';
import { getListing, listingUrl, type ListingPage, type ReceivedThing } from './api';
import { redditSourceState, type RedditSourceConfig, type RedditSourceState } from './config';
import { keepUnseen, MAX_RECENT } from '../kit/recent-ids';
import { readAtomListing } from './read-atom';
import { toMentions } from './to-mention';

/** Pages read in one poll at most (300 items); the place is kept, so the rest comes next poll. */
export const MAX_PAGES_PER_POLL = 3;
/** Requests left in Reddit's 10-minute window below which a poll stops paging, keeping budget for other sources. */
export const RATE_RESERVE = 5;
/** Version remembered for an item skipped as deleted or removed, so it is reported once, not at every poll. */
const SKIPPED_VERSION = 'skipped';

function readState(state: Record<string, unknown>): RedditSourceState {
  const parsed = redditSourceState.safeParse(state);
  // An unreadable state (older version, hand edit) restarts from the newest page; `seen` and the store absorb the overlap.
  return parsed.success ? parsed.data : {};
}

/** `edited` is false or the time of the last edit: that is the version remembered per item. */
function editVersion(mention: MentionInput): string {
  const edited = (mention.raw as { data?: { edited?: unknown } }).data?.edited;
  return typeof edited === 'number' ? String(edited) : '';
}

/**
 * The poll capability. It re-reads the newest listing page rather than asking `before=<newest>`:
 * when that anchor post is deleted Reddit answers an empty page forever. When everything on a page
 * is newer than the last poll's newest post, it follows `after` (at most 3 pages) so a busy
 * subreddit loses nothing. `seen` drops the overlap; an edited post comes back with the same id.
 *
 * @example
 * const result = await pollListing(ctx, { config: { subreddit: 'france' }, state: {} });
 */
export async function pollListing(ctx: ConnectorContext, source: SourceInput<RedditSourceConfig>): Promise<PollResult> {
  const { config } = source;
  const previous = readState(source.state);
  if (config.via === 'rss') {
    const atom = await readAtomListing(ctx, config);
    return settle(ctx, previous, atom.mentions, atom.skipped, [], atomVersion);
  }
  const received: ReceivedThing[] = [];
  const skipped: SkippedItem[] = [];
  let after: string | undefined;
  for (let pageIndex = 0; pageIndex < MAX_PAGES_PER_POLL; pageIndex += 1) {
    const page: ListingPage = await getListing(ctx, config, listingUrl(config, after === undefined ? {} : { after }));
    received.push(...page.things);
    skipped.push(...page.skipped);
    const oldest = page.things.reduce((min, { thing }) => Math.min(min, thing.data.created_utc), Number.POSITIVE_INFINITY);
    const allNew = previous.newestCreated !== undefined && page.things.length > 0 && oldest > previous.newestCreated;
    if (!allNew || page.after === undefined) break;
    if (page.rateRemaining !== undefined && page.rateRemaining < RATE_RESERVE) {
      ctx.log('warn', `Reddit: ${page.rateRemaining} requests left in the rate window; catching up on the next poll`, { remaining: page.rateRemaining });
      break;
    }
    after = page.after;
  }
  const normalised = toMentions(received);
  const result = settle(ctx, previous, normalised.mentions, normalised.skipped, skipped, editVersion);
  let newest: ReceivedThing | undefined;
  for (const item of received) if (newest === undefined || item.thing.data.created_utc > newest.thing.data.created_utc) newest = item;
  if (newest !== undefined && (previous.newestCreated === undefined || newest.thing.data.created_utc > previous.newestCreated)) {
    result.state.newestName = newest.thing.data.name;
    result.state.newestCreated = newest.thing.data.created_utc;
  }
  return result;
}

/** An Atom entry's version is its `updated` date, which an edit moves. */
function atomVersion(mention: MentionInput): string {
  const updated = (mention.raw as { updated?: unknown }).updated;
  return typeof updated === 'string' ? updated : '';
}

/**
 * Drops what was already emitted, reports each deleted/removed item once (they stay in listings),
 * and builds the next state.
 */
function settle(
  ctx: ConnectorContext,
  previous: RedditSourceState,
  mentions: MentionInput[],
  itemSkips: SkippedItem[],
  pageSkips: SkippedItem[],
  versionOf: (mention: MentionInput) => string,
): PollResult & { state: RedditSourceState } {
  const known = new Map(previous.seen ?? []);
  const skipped: SkippedItem[] = [...pageSkips];
  const goneIds: string[] = [];
  for (const item of itemSkips) {
    if (item.externalId !== undefined) goneIds.push(item.externalId);
    if (item.externalId === undefined || known.get(item.externalId) !== SKIPPED_VERSION) skipped.push(item);
  }
  const { fresh, recent } = keepUnseen(mentions, versionOf, (previous.seen ?? []).filter(([id]) => !goneIds.includes(id)));
  const seen: [string, string][] = [...goneIds.map((id): [string, string] => [id, SKIPPED_VERSION]), ...recent].slice(0, MAX_RECENT);
  for (const item of skipped) ctx.log('info', `skipped a Reddit item: ${item.reason}`, { externalId: item.externalId });
  return { mentions: fresh, state: { ...previous, seen }, skipped };
}
