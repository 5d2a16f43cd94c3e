import { readFileSync } from 'node:fs';
import type { MentionInput } from '@vigie/core';
import { readListPage } from './api';
import { searchResultToItem, threadToItems } from './to-mention';

/** A recorded page and the function that normalises it, for `npm run bench` (same shape as the other connectors'). */
export interface BenchPage {
  name: string;
  /** The page as received (parsed JSON). */
  payload: unknown;
  /** Payload → mentions, exactly as the poll does it (validation included). */
  normalise(payload: unknown): MentionInput[];
}

function load(file: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as unknown;
}

const mentionsOf = (outcomes: ReturnType<typeof threadToItems>): MentionInput[] => outcomes.flatMap((outcome) => ('item' in outcome ? [outcome.item.mention] : []));

/**
 * @example
 * for (const page of benchPages()) page.normalise(page.payload);
 */
export function benchPages(): BenchPage[] {
  const threads = (file: string): BenchPage => ({ name: `youtube/${file}`, payload: load(file), normalise: (payload) => mentionsOf(readListPage(payload, file).items.flatMap(threadToItems)) });
  return [
    threads('comment-threads-page1.json'),
    threads('comment-threads-page2.json'),
    { name: 'youtube/search-page1.json', payload: load('search-page1.json'), normalise: (payload) => mentionsOf(readListPage(payload, 'search').items.map(searchResultToItem)) },
  ];
}
