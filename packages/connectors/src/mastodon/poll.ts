import type { MentionInput } from '@vigie/core';
import type { ConnectorContext, PollResult, SkippedItem, SourceInput } from '../connector';
import { compareIds, getMastodon, type MastodonResponse, readNotifications, readSearchStatuses, readStatuses, type ReceivedStatus } from './api';
import { mastodonSourceState, type MastodonSourceConfig, type MastodonSourceState } from './config';
import { keepUnseen } from '../kit/recent-ids';
import { PAGE_SIZE, sourceUrl, withParam } from './source-url';
import { resolveParents, withParents } from './parents';
import { toMentions } from './to-mention';

/** Pages followed in one poll when a source is far behind; the rest waits for the next poll (the cursor keeps the place). */
export const MAX_PAGES_PER_POLL = 5;
/** Requests left in the instance's window below which a poll stops paging, so other sources of the account keep a budget. */
export const RATE_RESERVE = 10;

function readState(state: Record<string, unknown>): MastodonSourceState {
  const parsed = mastodonSourceState.safeParse(state);
  // An unreadable state (older version, hand edit) restarts from the newest page; the recent ids and the store absorb the overlap.
  return parsed.success ? parsed.data : {};
}

function newestOf(ids: string[], current: string | undefined): string | undefined {
  let newest = current;
  for (const id of ids) if (newest === undefined || compareIds(id, newest) > 0) newest = id;
  return newest;
}

/** An edit changes `edited_at`: that is the version remembered per status. */
export function editVersion(mention: MentionInput): string {
  const raw = mention.raw as { edited_at?: unknown; reblog?: { edited_at?: unknown } | null };
  const edited = raw.reblog?.edited_at ?? raw.edited_at;
  return typeof edited === 'string' ? edited : '';
}

/**
 * The poll capability. Timelines are read with `min_id` = the newest id already emitted, following
 * the `prev` link while pages come back full, so nothing is skipped even after a long stop; a
 * search source re-reads its first page and relies on the recent ids. A notifications source pages
 * the same way over notification ids. With a token, the parents of new replies are resolved to
 * their global `uri` (parents.ts), so a reply to one of our posts is recognised.
 *
 * @example
 * const result = await pollStatuses(ctx, { config: { instance: 'https://mastodon.social', hashtag: 'vigie' }, state: {} });
 */
export async function pollStatuses(ctx: ConnectorContext, source: SourceInput<MastodonSourceConfig>): Promise<PollResult> {
  const { config } = source;
  const previous = readState(source.state);
  const instanceHost = new URL(config.instance).host;
  const isSearch = config.search !== undefined;
  const isNotifications = config.notifications === true;
  let url: string | undefined = previous.newestId !== undefined && !isSearch ? withParam(sourceUrl(config), 'min_id', previous.newestId) : sourceUrl(config);
  const received: ReceivedStatus[] = [];
  const skipped: SkippedItem[] = [];
  const ids: string[] = [];
  for (let page = 0; url !== undefined && page < MAX_PAGES_PER_POLL; page += 1) {
    const pageUrl: string = url;
    const res: MastodonResponse = await getMastodon(ctx, pageUrl, config.token);
    const read: { statuses: ReceivedStatus[]; skipped: SkippedItem[]; ids: string[] } = isSearch
      ? readSearchStatuses(res.json, pageUrl)
      : isNotifications
        ? readNotifications(res.json, pageUrl)
        : readStatuses(res.json, pageUrl);
    received.push(...read.statuses);
    ids.push(...read.ids);
    skipped.push(...read.skipped);
    // A notifications page also holds types we do not keep: its length is the count of notifications.
    const pageLength: number = isNotifications ? Array.isArray(res.json) ? res.json.length : 0 : read.statuses.length + read.skipped.length;
    // The first poll takes the newest page only (older ones are backfill's job); later polls catch up page by page.
    const behind: boolean = !isSearch && previous.newestId !== undefined && pageLength >= PAGE_SIZE;
    if (behind && res.rateRemaining !== undefined && res.rateRemaining < RATE_RESERVE) {
      ctx.log('warn', `${instanceHost}: ${res.rateRemaining} requests left in the rate window; catching up on the next poll`, { remaining: res.rateRemaining });
      break;
    }
    url = behind ? res.links.prev : undefined;
  }
  const normalised = toMentions(received, { instanceHost, addressedToAccount: isNotifications });
  skipped.push(...normalised.skipped);
  const { fresh, recent } = keepUnseen(normalised.mentions, editVersion, previous.seen ?? []);
  for (const item of skipped) ctx.log('info', `skipped a status from ${instanceHost}: ${item.reason}`, { externalId: item.externalId });
  const newestId = isSearch ? previous.newestId : newestOf(ids, previous.newestId);
  // With a token the polled instance is the account's: the parents of new replies are looked up there (bounded).
  let mentions = fresh;
  let parents = previous.parents;
  if (config.token !== undefined && fresh.length > 0) {
    const freshIds = new Set(fresh.map((m) => m.externalId));
    const resolved = await resolveParents(ctx, config, received.filter((r) => freshIds.has((r.status.reblog ?? r.status).uri)), previous.parents ?? []);
    mentions = withParents(fresh, received, resolved.byId);
    parents = resolved.remembered;
  }
  return { mentions, state: { ...(newestId !== undefined ? { newestId } : {}), seen: recent, ...(parents !== undefined && parents.length > 0 ? { parents } : {}) }, skipped };
}
