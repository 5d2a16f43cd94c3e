import type { MentionInput } from '@vigie/core';
import type { ConnectorContext, PollResult, SkippedItem, SourceInput } from '../connector';
import { fetchGraphList, followableNext, mediaUrl, tagsUrl } from './api';
import { instagramSourceState, type InstagramSourceConfig, type InstagramSourceState } from './config';
import { commentToMentions, igComment, igMedia, taggedToMention, type IgOutcome } from './to-mention';

/** How far back the first poll of a new source looks; later polls look a day before the watermark. */
export const LOOKBACK_MS = 24 * 60 * 60 * 1000;
/** Pages followed per list and per medium's comments, at most. */
export const MAX_PAGES = 4;
/** Ids kept to recognise what was already emitted. */
export const SEEN_LIMIT = 5000;

function readState(state: Record<string, unknown>): InstagramSourceState {
  const parsed = instagramSourceState.safeParse(state);
  // An unreadable state restarts from the lookback window; the store's upsert absorbs any overlap.
  return parsed.success ? parsed.data : {};
}

function authorId(raw: unknown): string | undefined {
  const parsed = igComment.safeParse(raw);
  return parsed.success ? parsed.data.from?.id : undefined;
}

async function readAll(ctx: ConnectorContext, base: string, first: string, token: string, enough: (count: number) => boolean = () => false): Promise<unknown[]> {
  const items: unknown[] = [];
  let url: string | undefined = first;
  for (let page = 0; url !== undefined && page < MAX_PAGES && !enough(items.length); page += 1) {
    const result = await fetchGraphList(ctx, url, token);
    items.push(...result.data);
    url = followableNext(result.next, base);
  }
  return items;
}

/** Comments and replies on the latest media. */
async function readComments(ctx: ConnectorContext, base: string, config: InstagramSourceConfig): Promise<IgOutcome[]> {
  const limit = Math.min(25, config.mediaToWatch);
  const media = (await readAll(ctx, base, mediaUrl(base, config.graphVersion, config.igUserId, limit), config.accessToken, (n) => n >= config.mediaToWatch)).slice(0, config.mediaToWatch);
  const outcomes: IgOutcome[] = [];
  for (const raw of media) {
    const parsed = igMedia.safeParse(raw);
    if (!parsed.success) {
      outcomes.push({ skipped: { reason: `malformed media: ${parsed.error.issues[0]?.path.join('.') ?? ''}`.trim() } });
      continue;
    }
    const comments = [...(parsed.data.comments?.data ?? [])];
    const more = followableNext(parsed.data.comments?.paging?.next, base);
    if (more !== undefined) comments.push(...(await readAll(ctx, base, more, config.accessToken)));
    for (const comment of comments) {
      // The account's own answers are not mentions.
      outcomes.push(...commentToMentions(comment, parsed.data).filter((outcome) => !('mention' in outcome && authorId(outcome.mention.raw) === config.igUserId)));
    }
  }
  return outcomes;
}

/**
 * New comments (and replies) on the account's latest media and new media tagging the account.
 * Instagram comments cannot be edited, so an id seen once is never emitted again.
 *
 * @example
 * const result = await pollInstagram(ctx, GRAPH_API_BASE, { config: instagramSourceConfig.parse({ igUserId, accessToken }), state: {} });
 */
export async function pollInstagram(ctx: ConnectorContext, base: string, source: SourceInput<InstagramSourceConfig>): Promise<PollResult> {
  const { config } = source;
  const state = readState(source.state);
  const floor = new Date((state.watermark === undefined ? ctx.now().getTime() : Date.parse(state.watermark)) - LOOKBACK_MS).toISOString();
  const outcomes: IgOutcome[] = [];
  for (const edge of config.edges) {
    if (edge === 'comments') outcomes.push(...(await readComments(ctx, base, config)));
    else outcomes.push(...(await readAll(ctx, base, tagsUrl(base, config.graphVersion, config.igUserId), config.accessToken)).map(taggedToMention));
  }
  const seen = new Set(state.seen ?? []);
  const mentions: MentionInput[] = [];
  const skipped: SkippedItem[] = [];
  const fresh: string[] = [];
  let watermark = state.watermark ?? floor;
  for (const outcome of outcomes) {
    if ('skipped' in outcome) {
      const id = outcome.skipped.externalId;
      if (id === undefined || !seen.has(id)) skipped.push(outcome.skipped);
      if (id !== undefined && !seen.has(id)) {
        seen.add(id);
        fresh.push(id);
      }
      continue;
    }
    const { mention } = outcome;
    if (mention.publishedAt > watermark) watermark = mention.publishedAt;
    if (seen.has(mention.externalId) || mention.publishedAt < floor) continue;
    seen.add(mention.externalId);
    fresh.push(mention.externalId);
    mentions.push(mention);
  }
  for (const item of skipped) ctx.log('info', `skipped an Instagram item of ${config.igUserId}: ${item.reason}`, { externalId: item.externalId });
  const freshIds = new Set(fresh);
  return { mentions, state: { watermark, seen: [...fresh, ...(state.seen ?? []).filter((id) => !freshIds.has(id))].slice(0, SEEN_LIMIT) }, skipped };
}
