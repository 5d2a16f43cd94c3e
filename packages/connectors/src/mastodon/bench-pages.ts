import { readFileSync } from 'node:fs';
import type { MentionInput } from '@vigie/core';
import { readStatuses } from './api';
import { toMentions } from './to-mention';

/** A recorded page and the function that normalises it, for `npm run bench`. */
export interface BenchPage {
  name: string;
  /** The page as received (parsed JSON). */
  payload: unknown;
  /** Payload → mentions, exactly as the poll does it (validation included). */
  normalise(payload: unknown): MentionInput[];
}

/**
 * Recorded Mastodon pages for the normalisation benchmark (payload → MentionInput).
 *
 * @example
 * for (const page of benchPages()) { const n = page.normalise(page.payload).length; }
 */
export function benchPages(): BenchPage[] {
  const files = ['tag-timeline-page1.json', 'tag-timeline-newer.json', 'tag-timeline-older.json'];
  return files.map((file) => ({
    name: `mastodon/${file}`,
    payload: JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as unknown,
    normalise: (payload) => toMentions(readStatuses(payload, file).statuses, { instanceHost: 'mastodon.example' }).mentions,
  }));
}
