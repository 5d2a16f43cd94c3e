import { readFileSync } from 'node:fs';
import type { MentionInput } from '@vigie/core';
import { readSearchPage } from './api';
import { toMentions } from './to-mention';

/** A recorded page and the function that normalises it, for `npm run bench` (same shape as the other connectors'). */
export interface BenchPage {
  name: string;
  /** The page as received (parsed JSON). */
  payload: unknown;
  /** Payload → mentions, exactly as the poll does it (validation and the users join included). */
  normalise(payload: unknown): MentionInput[];
}

/**
 * @example
 * for (const page of benchPages()) page.normalise(page.payload);
 */
export function benchPages(): BenchPage[] {
  return ['search-recent-page1.json', 'search-recent-page2.json', 'search-recent-later.json'].map((file) => ({
    name: `x/${file}`,
    payload: JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as unknown,
    normalise: (payload) => {
      const page = readSearchPage(payload, file);
      return toMentions(page.tweets, page.users, page.errors).mentions.map((item) => item.mention);
    },
  }));
}
