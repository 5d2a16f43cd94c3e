import { readFileSync } from 'node:fs';
import type { MentionInput } from '@vigie/core';
import { redditThing, type ReceivedThing } from './api';
import { toMentions } from './to-mention';

/** A recorded page and the function that normalises it, for `npm run bench`. */
export interface BenchPage {
  name: string;
  /** The page as received (parsed JSON). */
  payload: unknown;
  /** Payload → mentions, exactly as the poll does it (per-item validation included). */
  normalise(payload: unknown): MentionInput[];
}

function normalise(payload: unknown): MentionInput[] {
  const children = (payload as { data: { children: unknown[] } }).data.children;
  const things: ReceivedThing[] = [];
  for (const child of children) {
    const parsed = redditThing.safeParse(child);
    if (parsed.success) things.push({ thing: parsed.data, raw: child });
  }
  return toMentions(things).mentions;
}

/**
 * Recorded Reddit listings for the normalisation benchmark (payload → MentionInput).
 *
 * @example
 * for (const page of benchPages()) { const n = page.normalise(page.payload).length; }
 */
export function benchPages(): BenchPage[] {
  return ['subreddit-new-page1.json', 'subreddit-new-newer.json', 'search-new.json'].map((file) => ({
    name: `reddit/${file}`,
    payload: JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as unknown,
    normalise,
  }));
}
