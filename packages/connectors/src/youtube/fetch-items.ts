import type { ConnectorContext, SkippedItem } from '../connector';
import { commentThreadsUrl, fetchList, searchUrl } from './api';
import type { YoutubeSourceConfig } from './config';
import { searchResultToItem, threadToItems, type YtItem } from './to-mention';

/** One page of a source's items, newest first, normalised. */
export interface YtItemsPage {
  items: YtItem[];
  skipped: SkippedItem[];
  /** The oldest top-level publication time on the page (comment paging stops below the floor). */
  oldest?: string;
  nextPageToken?: string;
}

/**
 * One page of what a source follows: a video search (`publishedAfter` = `floor`) or comment
 * threads of a channel or a video (newest first; the caller stops paging past its floor).
 *
 * @example
 * const page = await fetchItems(ctx, base, { apiKey, channelId: 'UC…' }, { floor: '2026-11-25T12:00:00Z' });
 */
export async function fetchItems(
  ctx: ConnectorContext,
  base: string,
  config: YoutubeSourceConfig,
  request: { floor?: string; before?: string; pageToken?: string; maxResults?: number },
): Promise<YtItemsPage> {
  const pageToken = request.pageToken === undefined ? {} : { pageToken: request.pageToken };
  const isSearch = config.query !== undefined;
  const url = isSearch
    ? searchUrl(base, {
        q: config.query ?? '',
        ...(request.floor !== undefined ? { publishedAfter: request.floor } : {}),
        ...(request.before !== undefined ? { publishedBefore: request.before } : {}),
        ...(request.maxResults !== undefined ? { maxResults: request.maxResults } : {}),
        ...pageToken,
      })
    : commentThreadsUrl(base, { ...(config.videoId !== undefined ? { videoId: config.videoId } : { channelId: config.channelId ?? '' }), ...pageToken });
  const page = await fetchList(ctx, url, config.apiKey);
  const items: YtItem[] = [];
  const skipped: SkippedItem[] = [];
  let oldest: string | undefined;
  for (const raw of page.items) {
    const outcomes = isSearch ? [searchResultToItem(raw)] : threadToItems(raw);
    outcomes.forEach((outcome, index) => {
      if ('skipped' in outcome) {
        skipped.push(outcome.skipped);
        return;
      }
      items.push(outcome.item);
      // The first outcome of a thread is its top-level comment: paging order follows it.
      if (index === 0 && (oldest === undefined || outcome.item.mention.publishedAt < oldest)) oldest = outcome.item.mention.publishedAt;
    });
  }
  return { items, skipped, ...(oldest !== undefined ? { oldest } : {}), ...(page.nextPageToken !== undefined ? { nextPageToken: page.nextPageToken } : {}) };
}
