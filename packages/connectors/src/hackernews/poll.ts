import type { MentionInput } from '@vigie/core';
import type { ConnectorContext, PollResult, SkippedItem, SourceInput } from '../connector';
import { fetchPage, type HnHit } from './api';
import { hackernewsSourceState, type HackernewsSourceConfig, type HackernewsSourceState } from './config';
import { toMention } from './to-mention';

/** Algolia serves at most 1000 hits per query (10 pages of 100). */
export const HITS_PER_PAGE = 100;
export const MAX_PAGES = 10;
/** How far back the first poll of a new source looks. */
export const FIRST_POLL_LOOKBACK_SEC = 24 * 60 * 60;

function readState(state: Record<string, unknown>): HackernewsSourceState {
  const parsed = hackernewsSourceState.safeParse(state);
  // An unreadable state restarts from the lookback window; the store's upsert absorbs any overlap.
  return parsed.success ? parsed.data : {};
}

/**
 * Everything created since the last poll, all pages, oldest cut-off included (`>=`) with the ids
 * already seen at that second filtered out.
 *
 * @example
 * const result = await pollSearch(ctx, base, { config: { query: 'vigie', kinds: 'all' }, state: {} });
 */
export async function pollSearch(ctx: ConnectorContext, base: string, source: SourceInput<HackernewsSourceConfig>): Promise<PollResult> {
  const state = readState(source.state);
  const since = state.since ?? Math.floor(ctx.now().getTime() / 1000) - FIRST_POLL_LOOKBACK_SEC;
  const edge = new Set(state.idsAtSince ?? []);
  const hits: HnHit[] = [];
  const skipped: SkippedItem[] = [];
  let page = 0;
  let nbPages = 1;
  while (page < nbPages && page < MAX_PAGES) {
    const result = await fetchPage(ctx, base, { query: source.config.query, kinds: source.config.kinds, since, page, hitsPerPage: HITS_PER_PAGE });
    hits.push(...result.hits);
    skipped.push(...result.skipped);
    nbPages = result.nbPages;
    if (result.hits.length === 0) break;
    page += 1;
  }
  if (nbPages > MAX_PAGES) {
    skipped.push({ reason: `more than ${MAX_PAGES * HITS_PER_PAGE} new items since the last poll: the oldest were not fetched; shorten the polling interval` });
  }
  const mentions: MentionInput[] = [];
  const emitted = new Set<string>();
  let newest = since;
  for (const hit of hits) {
    // The API filters by time already; checking again keeps a restart exact even if it did not.
    if (hit.created_at_i < since || (hit.created_at_i === since && edge.has(hit.objectID)) || emitted.has(hit.objectID)) continue;
    emitted.add(hit.objectID);
    newest = Math.max(newest, hit.created_at_i);
    const result = toMention(hit);
    if ('mention' in result) mentions.push(result.mention);
    else skipped.push(result.skipped);
  }
  const atNewest = hits.filter((hit) => hit.created_at_i === newest).map((hit) => hit.objectID);
  const idsAtSince = newest === since ? [...new Set([...edge, ...atNewest])] : atNewest;
  for (const item of skipped) ctx.log('info', `skipped a Hacker News item for "${source.config.query}": ${item.reason}`, { externalId: item.externalId });
  return { mentions, state: { since: newest, idsAtSince }, skipped };
}
