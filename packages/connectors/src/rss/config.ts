import { z } from 'zod';

/**
 * Settings of one feed source. No secret here: feeds are public (a feed behind a login is out of
 * scope for now; see README.md).
 *
 * @example
 * rssSourceConfig.parse({ url: 'https://blog.example/feed/' });
 */
export const rssSourceConfig = z.object({
  /** The feed's address (RSS 0.9x/2.0, Atom, RDF/RSS 1.0 or JSON Feed), http or https. */
  url: z
    .url({ protocol: /^https?$/, error: 'expected an http or https feed URL / une URL de flux http ou https' })
    .max(2048)
    .describe('Feed URL / URL du flux'),
});

export type RssSourceConfig = z.infer<typeof rssSourceConfig>;

/**
 * Memory between polls, persisted by the server after each successful poll.
 * `seen` holds `[externalId, contentHash]` pairs, newest first and bounded, so a restart neither
 * re-emits unchanged items nor misses an edited one.
 */
export const rssSourceState = z.object({
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  seen: z.array(z.tuple([z.string(), z.string()])).optional(),
});

export type RssSourceState = z.infer<typeof rssSourceState>;
