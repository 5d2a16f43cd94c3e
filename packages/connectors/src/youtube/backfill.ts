import type { ConnectorContext, MentionPage, SourceInput } from '../connector';
import type { YoutubeSourceConfig } from './config';
import { fetchItems } from './fetch-items';

/**
 * The backfill capability: pages back to `until`, `cursor` being YouTube's `pageToken`. Searches
 * ask `publishedAfter` = `until`; comment paging ends at the first page older than `until`.
 *
 * @example
 * let page = await backfillYoutube(ctx, base, source, { until: new Date('2026-11-01') });
 * while (page.nextCursor) page = await backfillYoutube(ctx, base, source, { until, cursor: page.nextCursor });
 */
export async function backfillYoutube(ctx: ConnectorContext, base: string, source: SourceInput<YoutubeSourceConfig>, request: { until: Date; cursor?: string }): Promise<MentionPage> {
  const until = request.until.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const page = await fetchItems(ctx, base, source.config, { floor: until, ...(request.cursor !== undefined ? { pageToken: request.cursor } : {}) });
  const mentions = page.items.map((item) => item.mention).filter((mention) => mention.publishedAt >= request.until.toISOString());
  const reachedUntil = page.oldest !== undefined && page.oldest < request.until.toISOString();
  return { mentions, skipped: page.skipped, nextCursor: reachedUntil ? null : (page.nextPageToken ?? null) };
}
