import { readFileSync } from 'node:fs';
import type { MentionInput } from '@vigie/core';
import { readPage } from './api';
import { toMention } from './to-mention';

/** A recorded page and the function that normalises it, for `npm run bench` (same shape as the other connectors'). */
export interface BenchPage {
  name: string;
  /** The page as received (parsed JSON). */
  payload: unknown;
  /** Payload → mentions, exactly as the poll does it (validation included). */
  normalise(payload: unknown): MentionInput[];
}

/**
 * @example
 * for (const page of benchPages()) page.normalise(page.payload);
 */
export function benchPages(): BenchPage[] {
  return ['search-by-date-page0.json', 'search-by-date-page1.json', 'search-by-date-later.json'].map((file) => ({
    name: `hackernews/${file}`,
    payload: JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as unknown,
    normalise: (payload) =>
      readPage(payload, file).hits.flatMap((hit) => {
        const result = toMention(hit);
        return 'mention' in result ? [result.mention] : [];
      }),
  }));
}
