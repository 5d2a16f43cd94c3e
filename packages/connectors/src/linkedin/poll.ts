import type { MentionInput } from '@vigie/core';
import { z } from 'zod';
import type { ConnectorContext, PollResult, SkippedItem, SourceInput } from '../connector';
import { commentsUrl, fetchCollection, postsUrl } from './api';
import { linkedinSourceState, type LinkedinSourceConfig, type LinkedinSourceState } from './config';
import { commentToMention, type LiOutcome } from './to-mention';

/** Comment pages (of 100) read per post and poll, at most. */
export const MAX_PAGES = 5;
/** How far back the first poll looks. */
export const FIRST_POLL_LOOKBACK_MS = 24 * 60 * 60 * 1000;
/** Pairs kept to recognise overlaps and edits. */
export const SEEN_LIMIT = 3000;

const postId = z.object({ id: z.string().regex(/^urn:li:(share|ugcPost):\d+$/) });

function readState(state: Record<string, unknown>): LinkedinSourceState {
  const parsed = linkedinSourceState.safeParse(state);
  // An unreadable state restarts from the lookback window; the store's upsert absorbs any overlap.
  return parsed.success ? parsed.data : {};
}

async function watchedPosts(ctx: ConnectorContext, base: string, config: LinkedinSourceConfig): Promise<string[]> {
  if (config.postUrns.length > 0) return config.postUrns;
  const page = await fetchCollection(ctx, postsUrl(base, config.organizationUrn, config.postsToWatch), config.accessToken, config.apiVersion, 0);
  return page.elements.flatMap((element) => {
    const parsed = postId.safeParse(element);
    return parsed.success ? [parsed.data.id] : [];
  });
}

/**
 * New and edited comments on the organisation's posts (its latest, or the ones listed). A comment
 * is emitted when its `[URN, lastModified]` pair is new: a restart never duplicates, an edit is
 * emitted again under the same URN. The organisation's own comments are left out.
 *
 * @example
 * const result = await pollOrganisation(ctx, LINKEDIN_API_BASE, { config: linkedinSourceConfig.parse({ organizationUrn, accessToken }), state: {} });
 */
export async function pollOrganisation(ctx: ConnectorContext, base: string, source: SourceInput<LinkedinSourceConfig>): Promise<PollResult> {
  const { config } = source;
  const state = readState(source.state);
  const floor = state.watermark === undefined ? ctx.now().getTime() - FIRST_POLL_LOOKBACK_MS : 0;
  const outcomes: LiOutcome[] = [];
  for (const post of await watchedPosts(ctx, base, config)) {
    let start: number | undefined = 0;
    for (let page = 0; start !== undefined && page < MAX_PAGES; page += 1) {
      const result = await fetchCollection(ctx, commentsUrl(base, post, start), config.accessToken, config.apiVersion, start);
      outcomes.push(...result.elements.map((raw) => commentToMention(raw, post)));
      start = result.nextStart;
    }
  }
  const seen = new Map(state.seen ?? []);
  const mentions: MentionInput[] = [];
  const skipped: SkippedItem[] = [];
  const fresh: [string, number][] = [];
  let watermark = state.watermark ?? 0;
  for (const outcome of outcomes) {
    if ('skipped' in outcome) {
      skipped.push(outcome.skipped);
      continue;
    }
    if (outcome.actor === config.organizationUrn) continue;
    const { mention, version, createdAt } = outcome;
    watermark = Math.max(watermark, createdAt);
    const known = seen.get(mention.externalId);
    if (known === version || (known === undefined && createdAt < floor)) continue;
    seen.set(mention.externalId, version);
    fresh.push([mention.externalId, version]);
    mentions.push(mention);
  }
  for (const item of skipped) ctx.log('info', `skipped a LinkedIn comment for ${config.organizationUrn}: ${item.reason}`, { externalId: item.externalId });
  const freshIds = new Set(fresh.map(([id]) => id));
  const kept = [...fresh, ...(state.seen ?? []).filter(([id]) => !freshIds.has(id))].slice(0, SEEN_LIMIT);
  return { mentions, state: { seen: kept, ...(watermark > 0 ? { watermark } : {}) }, skipped };
}
