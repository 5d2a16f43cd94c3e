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

/** A feed page → visitor posts and comments, as the poll reads it (without the seen-set filter). */
function normaliseFeed(payload: unknown): MentionInput[] {
  const outcomes: FbOutcome[] = [];
  for (const raw of readGraphList(payload, 'feed').data) {
    const read = readPost(raw);
    if ('skipped' in read) continue;
    outcomes.push(postToItem(read.post));
    for (const comment of read.post.comments?.data ?? []) outcomes.push(commentToItem(comment, read.post.id));
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
