import type { ConnectorContext, MentionPage, SourceInput } from '../connector';
import { ConnectorError } from '../connector-error';
import { getMastodon, readNotifications, readSearchStatuses, readStatuses } from './api';
import type { MastodonSourceConfig } from './config';
import { PAGE_SIZE, searchUrl, sourceUrl, withParam } from './source-url';
import { toMentions } from './to-mention';

/**
 * The backfill capability: walks a timeline back in time with `max_id` (the `next` link) until
 * statuses are older than `until`. Instances keep remote statuses for a limited time, so how far
 * back a timeline goes depends on the instance. The cursor is the next page's `max_id` (or the
 * search offset for a search source).
 *
 * @example
 * let page = await backfillStatuses(ctx, source, { until: new Date(Date.now() - 7 * 86_400_000) });
 * while (page.nextCursor !== null) page = await backfillStatuses(ctx, source, { until, cursor: page.nextCursor });
 */
export async function backfillStatuses(ctx: ConnectorContext, source: SourceInput<MastodonSourceConfig>, request: { until: Date; cursor?: string }): Promise<MentionPage> {
  const { config } = source;
  const isSearch = config.search !== undefined;
  if (request.cursor !== undefined && !/^[0-9A-Za-z]{1,64}$/.test(request.cursor)) {
    throw new ConnectorError('invalid_request', `invalid backfill cursor "${request.cursor}"`);
  }
  const offset = isSearch && request.cursor !== undefined ? Number.parseInt(request.cursor, 10) : 0;
  const first = sourceUrl(config);
  const url = isSearch ? searchUrl(config.instance, config.search ?? '', offset) : request.cursor === undefined ? first : withParam(first, 'max_id', request.cursor);
  const res = await getMastodon(ctx, url, config.token);
  const isNotifications = config.notifications === true;
  const read = isSearch ? readSearchStatuses(res.json, url) : isNotifications ? readNotifications(res.json, url) : readStatuses(res.json, url);
  const { mentions, skipped } = toMentions(read.statuses, { instanceHost: new URL(config.instance).host, addressedToAccount: isNotifications });
  const until = request.until.getTime();
  const kept = mentions.filter((mention) => Date.parse(mention.publishedAt) >= until);
  const returned = isNotifications ? read.ids.length : read.statuses.length + read.skipped.length;
  // Timeline order is by the entry's own date (a boost's date, not the boosted post's), so the page's oldest entry decides.
  const oldest = read.statuses.reduce<number>((min, { status }) => Math.min(min, Date.parse(status.created_at)), Number.POSITIVE_INFINITY);
  const lastId = isNotifications ? read.ids.at(-1) : read.statuses.at(-1)?.status.id;
  let nextCursor: string | null = null;
  // Search results are ranked, not dated: page on while a page still holds statuses recent enough.
  if (isSearch && returned >= PAGE_SIZE && kept.length > 0) nextCursor = String(offset + returned);
  // Instances may cap pages below 40: the `next` link, not the page length, says whether older statuses exist.
  if (!isSearch && returned > 0 && oldest >= until && res.links.next !== undefined) {
    nextCursor = new URL(res.links.next).searchParams.get('max_id') ?? lastId ?? null;
  }
  return { mentions: kept, skipped: [...read.skipped, ...skipped], nextCursor };
}
