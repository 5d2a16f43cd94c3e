import type { MentionInput } from '@vigie/core';
import type { ConnectorContext, PollResult, SkippedItem, SourceInput } from '../connector';
import { isConnectorError } from '../connector-error';
import { fetchSearchPage } from './api';
import { xSourceState, type XSourceConfig, type XSourceState } from './config';
import { addReads, planPage } from './read-budget';
import { toMentions } from './to-mention';

/** Pages read per poll at most; a larger backlog is finished by the next poll (`resume`). */
export const MAX_PAGES = 10;
/** Recent search covers the last 7 days; `since_id` older than that is refused by X. */
const RECENT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/** X post ids are snowflakes: milliseconds since this epoch, shifted left by 22 bits. */
const SNOWFLAKE_EPOCH_MS = 1288834974657n;

function readState(state: Record<string, unknown>): XSourceState {
  const parsed = xSourceState.safeParse(state);
  // An unreadable state restarts from the lookback window; the store's upsert absorbs any overlap.
  return parsed.success ? parsed.data : {};
}

/** When a post id was minted. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + SNOWFLAKE_EPOCH_MS);
}

function newer(id: string, than: string | undefined): boolean {
  return than === undefined || BigInt(id) > BigInt(than);
}

function insideRecentWindow(resume: NonNullable<XSourceState['resume']>, now: Date): boolean {
  const oldest = now.getTime() - RECENT_WINDOW_MS + 60_000;
  const start = resume.sinceId !== undefined ? snowflakeTime(resume.sinceId) : resume.startTime !== undefined ? Date.parse(resume.startTime) : Number.NaN;
  return start > oldest;
}

/**
 * The window of a new round: `since_id` when it is still inside the 7-day window X searches,
 * else `start_time` (the first poll, or a source paused for more than a week).
 */
function window(config: XSourceConfig, state: XSourceState, now: Date): { sinceId?: string; startTime?: string } {
  const oldest = now.getTime() - RECENT_WINDOW_MS + 60_000;
  if (state.sinceId !== undefined && snowflakeTime(state.sinceId) > oldest) return { sinceId: state.sinceId };
  const lookback = state.sinceId === undefined ? config.lookbackHours * 3600 * 1000 : RECENT_WINDOW_MS - 60_000;
  return { startTime: new Date(now.getTime() - lookback).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

/**
 * Everything posted since the last poll, page by page, each page capped by the monthly read
 * budget. A round cut short (budget spent, page cap) is saved in `resume` and finished by the next
 * poll with the same window, so nothing is lost; posts at or below `sinceId` are dropped, so a
 * server that ignores `since_id` never duplicates.
 *
 * @example
 * const result = await pollRecentSearch(ctx, X_API_BASE, { config: { query: 'vigie', bearerToken, monthlyReadBudget: 10000, lookbackHours: 24 }, state: {} });
 */
export async function pollRecentSearch(ctx: ConnectorContext, base: string, source: SourceInput<XSourceConfig>): Promise<PollResult> {
  const { config } = source;
  const state = readState(source.state);
  const now = ctx.now();
  // X refuses a window older than 7 days: a round left unfinished that long cannot be resumed.
  const resumable = state.resume !== undefined && insideRecentWindow(state.resume, now) ? state.resume : undefined;
  const round = resumable ?? { ...window(config, state, now), newestId: undefined, nextToken: undefined };
  const floor = round.sinceId ?? state.sinceId;
  let reads = state.reads;
  let nextToken = round.nextToken;
  let newestId = round.newestId;
  const mentions: MentionInput[] = [];
  const skipped: SkippedItem[] = [];
  if (state.resume !== undefined && resumable === undefined) skipped.push({ reason: 'an unfinished round of pages is older than the 7 days recent search covers: its remaining posts are lost' });
  const emitted = new Set<string>();
  for (let page = 0; page < MAX_PAGES; page += 1) {
    let maxResults: number;
    try {
      maxResults = planPage(config.monthlyReadBudget, reads, now);
    } catch (error) {
      // Nothing read yet: the source's health shows the refusal. Otherwise keep what was read.
      if (page === 0 || !isConnectorError(error)) throw error;
      skipped.push({ reason: error.message });
      break;
    }
    const result = await fetchSearchPage(ctx, base, config.bearerToken, {
      query: config.query,
      maxResults,
      ...(round.sinceId !== undefined ? { sinceId: round.sinceId } : {}),
      ...(round.startTime !== undefined ? { startTime: round.startTime } : {}),
      ...(nextToken !== undefined ? { nextToken } : {}),
    });
    reads = addReads(reads, now, result.resultCount);
    if (newestId === undefined) newestId = result.newestId;
    const normalised = toMentions(result.tweets, result.users, result.errors);
    skipped.push(...normalised.skipped);
    for (const { mention, id } of normalised.mentions) {
      if (!newer(id, floor) || emitted.has(id)) continue;
      emitted.add(id);
      mentions.push(mention);
      if (newestId === undefined || BigInt(id) > BigInt(newestId)) newestId = id;
    }
    nextToken = result.nextToken;
    if (nextToken === undefined) break;
  }
  for (const item of skipped) ctx.log('info', `skipped an X post for "${config.query}": ${item.reason}`, { externalId: item.externalId });
  const next: XSourceState = reads === undefined ? {} : { reads };
  if (nextToken !== undefined && newestId !== undefined) {
    next.resume = { nextToken, newestId, ...(round.sinceId !== undefined ? { sinceId: round.sinceId } : {}), ...(round.startTime !== undefined ? { startTime: round.startTime } : {}) };
    if (state.sinceId !== undefined) next.sinceId = state.sinceId;
  } else {
    const sinceId = newestId ?? state.sinceId;
    if (sinceId !== undefined) next.sinceId = sinceId;
  }
  return { mentions, state: next, skipped };
}
