import { readFileSync } from 'node:fs';
import type { MentionInput } from '@vigie/core';
import { readAuthorFeedPage, readSearchPage } from './api';
import { toMentions } from './to-mention';

/** A recorded page and the function that normalises it, for `npm run bench`. */
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

/**
 * Recorded Bluesky pages for the normalisation benchmark (payload → MentionInput).
 *
 * @example
 * for (const page of benchPages()) { const n = page.normalise(page.payload).length; }
 */
export function benchPages(): BenchPage[] {
  const search = (file: string): BenchPage => ({ name: `bluesky/${file}`, payload: load(file), normalise: (payload) => toMentions(readSearchPage(payload, file).posts).mentions });
  return [
    search('search-posts-page1.json'),
    search('search-posts-newer.json'),
    { name: 'bluesky/author-feed-page1.json', payload: load('author-feed-page1.json'), normalise: (payload) => toMentions(readAuthorFeedPage(payload, 'feed').posts).mentions },
  ];
}
