import { createHash } from 'node:crypto';
import type { MentionInput } from '@vigie/core';
import type { ConnectorContext, PollResult, SkippedItem, SourceInput } from '../connector';
import { fetchFeed, parseFeedText } from './api';
import { rssSourceState, type RssSourceConfig, type RssSourceState } from './config';
import { toMentions } from './to-mention';

/** How many `[id, hash]` pairs the state keeps: more than any feed shows at once, small enough to store. */
export const MAX_SEEN = 1000;

/** What counts as a change worth re-emitting: text, title, html and engagement. */
function contentHash(mention: MentionInput): string {
  return createHash('sha1')
    .update(JSON.stringify([mention.title ?? '', mention.text, mention.html ?? '', mention.engagement]))
    .digest('base64url')
    .slice(0, 16);
}

function readState(state: Record<string, unknown>): RssSourceState {
  const parsed = rssSourceState.safeParse(state);
  // A state from an older version or hand-edited is dropped: the worst case is one re-fetch, which the store deduplicates.
  return parsed.success ? parsed.data : {};
}

/**
 * The poll capability: conditional GET, parse, normalise, and emit only items that are new or
 * changed since the last poll.
 *
 * @example
 * const result = await pollFeed(ctx, { config: { url }, state: source.state });
 * await ingest(workspaceId, result.mentions); await store.sources.recordRun(id, { state: result.state, … });
 */
export async function pollFeed(ctx: ConnectorContext, source: SourceInput<RssSourceConfig>): Promise<PollResult> {
  const previous = readState(source.state);
  const response = await fetchFeed(ctx, source.config.url, previous);
  const validators = {
    ...(response.etag !== undefined ? { etag: response.etag } : {}),
    ...(response.lastModified !== undefined ? { lastModified: response.lastModified } : {}),
  };
  if (response.text === undefined) {
    return { mentions: [], state: { ...previous, ...validators }, skipped: [], notModified: true };
  }
  if (response.warning !== undefined) ctx.log('warn', `${source.config.url}: ${response.warning}`, { url: source.config.url });
  const parsed = parseFeedText(response.text, response.url);
  const normalised = toMentions(parsed, { feedUrl: response.url, fetchedAt: ctx.now() });
  const skipped: SkippedItem[] = [...normalised.skipped];
  const known = new Map(previous.seen ?? []);
  const current = new Map<string, string>();
  const mentions: MentionInput[] = [];
  for (const mention of normalised.mentions) {
    if (current.has(mention.externalId)) {
      skipped.push({ reason: 'the same id appears twice in the feed', externalId: mention.externalId });
      continue;
    }
    const hash = contentHash(mention);
    current.set(mention.externalId, hash);
    if (known.get(mention.externalId) !== hash) mentions.push(mention);
  }
  // Items that left the feed stay remembered (bounded), so a feed that rotates them back in does not re-emit them.
  const seen: [string, string][] = [...current];
  for (const [id, hash] of previous.seen ?? []) {
    if (seen.length >= MAX_SEEN) break;
    if (!current.has(id)) seen.push([id, hash]);
  }
  for (const item of skipped) ctx.log('info', `skipped an item of ${source.config.url}: ${item.reason}`, { externalId: item.externalId });
  return { mentions, state: { ...validators, seen: seen.slice(0, MAX_SEEN) }, skipped };
}
