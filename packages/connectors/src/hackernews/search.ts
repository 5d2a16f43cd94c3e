import type { ConnectorContext, MentionPage } from '../connector';
import { fetchPage } from './api';
import { toMention } from './to-mention';
import type { MentionInput } from '@vigie/core';

/**
 * The search capability (the query tester): one page of stories and comments, newest first;
 * `cursor` is the next page number.
 *
 * @example
 * const page = await searchHackerNews(ctx, base, { query: 'vigie', since: new Date('2026-11-01') });
 */
export async function searchHackerNews(ctx: ConnectorContext, base: string, request: { query: string; since?: Date; cursor?: string }): Promise<MentionPage> {
  const pageNumber = request.cursor === undefined ? 0 : Number.parseInt(request.cursor, 10) || 0;
  const since = request.since === undefined ? undefined : Math.floor(request.since.getTime() / 1000);
  const page = await fetchPage(ctx, base, { query: request.query, kinds: 'all', since, page: pageNumber, hitsPerPage: 50 });
  const mentions: MentionInput[] = [];
  const skipped = [...page.skipped];
  for (const hit of page.hits) {
    const result = toMention(hit);
    if ('mention' in result) mentions.push(result.mention);
    else skipped.push(result.skipped);
  }
  const next = page.page + 1;
  return { mentions, skipped, nextCursor: next < page.nbPages && page.hits.length > 0 ? String(next) : null };
}
