import { z } from 'zod';

/** Which kinds of Hacker News items a source follows (Algolia `tags`). */
export const HN_ITEM_KINDS = ['all', 'story', 'comment'] as const;

/**
 * Settings of one Hacker News source: a full-text search over stories and comments.
 * No secret: the HN Search API is public.
 *
 * @example
 * hackernewsSourceConfig.parse({ query: 'vigie' }); // { query: 'vigie', kinds: 'all' }
 */
export const hackernewsSourceConfig = z.object({
  /** Words to search for, as typed in https://hn.algolia.com (all words must appear). */
  query: z.string().trim().min(1, 'enter at least one word / saisissez au moins un mot').max(200).describe('Search / Recherche'),
  /** Stories, comments, or both. */
  kinds: z.enum(HN_ITEM_KINDS).default('all').describe('Items / Éléments'),
});

export type HackernewsSourceConfig = z.infer<typeof hackernewsSourceConfig>;

/**
 * Memory between polls: the newest `created_at_i` seen and the ids seen at that exact second, so
 * the next query (`created_at_i>=since`) neither misses an item posted in the same second nor
 * emits one twice.
 */
export const hackernewsSourceState = z.object({
  since: z.number().int().nonnegative().optional(),
  idsAtSince: z.array(z.string()).optional(),
});

export type HackernewsSourceState = z.infer<typeof hackernewsSourceState>;
