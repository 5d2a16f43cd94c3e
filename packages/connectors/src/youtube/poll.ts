import type { MentionInput } from '@vigie/core';
import type { ConnectorContext, PollResult, SkippedItem, SourceInput } from '../connector';
import { youtubeSourceState, type YoutubeSourceConfig, type YoutubeSourceState } from './config';
import { fetchItems } from './fetch-items';

/** Comment pages cost 1 quota unit; search pages cost 100 of the 10,000 a day. */
export const MAX_COMMENT_PAGES = 10;
export const MAX_SEARCH_PAGES = 2;
/** How far back the first poll of a new source looks. */
export const FIRST_POLL_LOOKBACK_MS = 24 * 60 * 60 * 1000;
/** `[id, updatedAt]` pairs kept to recognise overlaps and edits. */
export const SEEN_LIMIT = 2000;

function readState(state: Record<string, unknown>): YoutubeSourceState {
  const parsed = youtubeSourceState.safeParse(state);
  // An unreadable state restarts from the lookback window; the store's upsert absorbs any overlap.
  return parsed.success ? parsed.data : {};
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * What is new or edited since the last poll. Comment threads are read newest first until a page
 * reaches the watermark; searches ask `publishedAfter` = watermark. An item is emitted when its
 * `[id, updatedAt]` pair is new: an overlap is never emitted twice, an edited comment is again
 * (same external id, so the store updates it).
 *
 * @example
 * const result = await pollYoutube(ctx, YOUTUBE_API_BASE, { config: { apiKey, channelId: 'UC…' }, state: {} });
 */
export async function pollYoutube(ctx: ConnectorContext, base: string, source: SourceInput<YoutubeSourceConfig>): Promise<PollResult> {
  const { config } = source;
  const state = readState(source.state);
  const seen = new Map(state.seen ?? []);
  const floor = state.watermark ?? iso(ctx.now().getTime() - FIRST_POLL_LOOKBACK_MS);
  const floorMs = Date.parse(floor);
  const maxPages = config.query !== undefined ? MAX_SEARCH_PAGES : MAX_COMMENT_PAGES;
  const mentions: MentionInput[] = [];
  const skipped: SkippedItem[] = [];
  const fetched: [string, string][] = [];
  let watermark = floor;
  let pageToken: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await fetchItems(ctx, base, config, { floor, ...(pageToken !== undefined ? { pageToken } : {}) });
    skipped.push(...result.skipped);
    for (const { mention, updatedAt } of result.items) {
      const known = seen.get(mention.externalId);
      const isNew = known === undefined && Date.parse(mention.publishedAt) >= floorMs;
      const isEdit = known !== undefined && known !== updatedAt;
      if (isNew || isEdit) {
        mentions.push(mention);
        seen.set(mention.externalId, updatedAt);
      }
      if (known === undefined || isEdit) fetched.push([mention.externalId, updatedAt]);
      const published = new Date(mention.publishedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
      if (published > watermark) watermark = published;
    }
    pageToken = result.nextPageToken;
    if (pageToken === undefined || (result.oldest !== undefined && Date.parse(result.oldest) < floorMs)) break;
  }
  if (pageToken !== undefined && config.query !== undefined) {
    skipped.push({ reason: `more than ${MAX_SEARCH_PAGES} pages of new videos (each costs 100 quota units): the oldest were not fetched; shorten the polling interval` });
  }
  for (const item of skipped) ctx.log('info', `skipped a YouTube item: ${item.reason}`, { externalId: item.externalId });
  const fetchedIds = new Set(fetched.map(([id]) => id));
  const kept = [...fetched, ...(state.seen ?? []).filter(([id]) => !fetchedIds.has(id))].slice(0, SEEN_LIMIT);
  return { mentions, state: { watermark, seen: kept }, skipped };
}
