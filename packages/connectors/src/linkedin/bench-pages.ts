import { readFileSync } from 'node:fs';
import type { MentionInput } from '@vigie/core';
import { readCollection } from './api';
import { commentToMention } from './to-mention';

/** A recorded page and the function that normalises it, for `npm run bench` (same shape as the other connectors'). */
export interface BenchPage {
  name: string;
  /** The page as received (parsed JSON). */
  payload: unknown;
  /** Payload → mentions, exactly as the poll does it (validation included). */
  normalise(payload: unknown): MentionInput[];
}

const POST = 'urn:li:activity:7400000000000000001';

/**
 * @example
 * for (const page of benchPages()) page.normalise(page.payload);
 */
export function benchPages(): BenchPage[] {
  return ['comments-page1.json', 'comments-page2.json', 'comments-later.json'].map((file) => ({
    name: `linkedin/${file}`,
    payload: JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as unknown,
    normalise: (payload) => readCollection(payload, file, 0).elements.flatMap((raw) => {
      const outcome = commentToMention(raw, POST);
      return 'mention' in outcome ? [outcome.mention] : [];
    }),
  }));
}
