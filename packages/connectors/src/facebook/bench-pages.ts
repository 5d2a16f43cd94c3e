import { readFileSync } from 'node:fs';
import type { MentionInput } from '@vigie/core';
import { readGraphList } from './api';
import { commentToItem, postToItem, readPost, type FbOutcome } from './to-mention';

/** A recorded page and the function that normalises it, for `npm run bench` (same shape as the other connectors'). */
export interface BenchPage {
  name: string;
  /** The page as received (parsed JSON). */
  payload: unknown;
  /** Payload → mentions, exactly as the poll does it (validation included). */
  normalise(payload: unknown): MentionInput[];
}

/** The Page of the recorded fixtures: its own posts and answers are not mentions. */
const PAGE_ID = '104000000000001';

/** A feed page → visitor posts and comments, as the poll reads it (without the seen-set filter). */
function normaliseFeed(payload: unknown): MentionInput[] {
  const outcomes: FbOutcome[] = [];
  for (const raw of readGraphList(payload, 'feed').data) {
    const read = readPost(raw);
    if ('skipped' in read) continue;
    if (read.post.from !== undefined && read.post.from.id !== PAGE_ID) outcomes.push(postToItem(read.post));
    for (const comment of read.post.comments?.data ?? []) {
      const outcome = commentToItem(comment, read.post.id);
      if (!('item' in outcome && outcome.item.mention.author.url === `https://www.facebook.com/${PAGE_ID}`)) outcomes.push(outcome);
    }
  }
  return outcomes.flatMap((outcome) => ('item' in outcome ? [outcome.item.mention] : []));
}

/**
 * @example
 * for (const page of benchPages()) page.normalise(page.payload);
 */
export function benchPages(): BenchPage[] {
  return ['feed-page1.json', 'feed-page2.json', 'feed-later.json'].map((file) => ({
    name: `facebook/${file}`,
    payload: JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as unknown,
    normalise: normaliseFeed,
  }));
}
