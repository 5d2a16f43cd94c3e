import { z } from 'zod';
import { chosenModes } from '../connector';

/** Reddit's own host for the JSON listings. */
export const REDDIT_ORIGIN = 'https://www.reddit.com';

/**
 * Reddit asks every client for a unique, descriptive User-Agent naming the app and its author,
 * and throttles or blocks generic ones: https://github.com/reddit-archive/reddit/wiki/API#rules
 */
export const DEFAULT_USER_AGENT = 'web:vigie:0.1.0 (self-hosted social listening; +https://github.com/vigie-app/vigie)';

/** What a Reddit source watches: exactly one of these settings (`sourceModes` of the connector). */
export const REDDIT_SOURCE_MODES = ['subreddit', 'search'] as const;

/**
 * Settings of one Reddit source: exactly one of `subreddit` or `search`. No credentials: both
 * read the public JSON listings.
 *
 * @example
 * redditSourceConfig.parse({ subreddit: 'france' });
 * redditSourceConfig.parse({ search: '"vigie" self-hosted', userAgent: 'web:vigie:0.1.0 (by /u/jeanne)' });
 */
export const redditSourceConfig = z
  .object({
    /** A subreddit's newest posts (`/r/<name>/new.json`); the name without `r/`. */
    subreddit: z
      .string()
      .trim()
      .transform((value) => value.replace(/^\/?r\//i, ''))
      .pipe(z.string().regex(/^[A-Za-z0-9_]{2,21}$/, 'a subreddit name is 2 to 21 letters, digits or _, without r/ / un nom de subreddit fait 2 à 21 lettres, chiffres ou _, sans r/'))
      .optional()
      .describe('Subreddit (without r/) / Subreddit (sans r/)'),
    /** A site-wide search of posts, newest first (`/search.json?sort=new`); Reddit's search syntax. */
    search: z.string().trim().min(1).max(512).optional().describe('Search / Recherche'),
    /**
     * How to read Reddit: `json` (default; score and comment counts, paging) or `rss`, the Atom
     * twin of the listing, for servers whose IP range Reddit refuses JSON to.
     */
    via: z.enum(['json', 'rss']).optional().describe('Read as JSON (default) or RSS / Lire en JSON (défaut) ou en RSS'),
    /** The User-Agent sent to Reddit; name yourself, e.g. `web:vigie:0.1.0 (by /u/jeanne)`, to avoid being throttled. */
    userAgent: z.string().trim().min(8).max(256).optional().describe('User-Agent (by /u/…) / User-Agent (par /u/…)'),
    /** Reddit's base URL; only for tests (a local fixture server) or a compatible mirror. */
    baseUrl: z
      .url({ protocol: /^https?$/, error: 'expected an http or https URL / une URL http ou https' })
      .max(512)
      .optional()
      .describe('Base URL (advanced) / URL de base (avancé)'),
  })
  .superRefine((config, ctx) => {
    if (chosenModes(config, REDDIT_SOURCE_MODES).length !== 1) {
      ctx.addIssue({ code: 'custom', path: [REDDIT_SOURCE_MODES[0]], message: 'choose exactly one of subreddit or search / choisissez soit un subreddit, soit une recherche' });
    }
  });

export type RedditSourceConfig = z.infer<typeof redditSourceConfig>;

/**
 * Memory between polls: the newest post's fullname and creation time, and `[fullname, edited]`
 * pairs of recent posts (bounded), so a restart neither loses nor repeats and an edit re-emits.
 */
export const redditSourceState = z.object({
  newestName: z.string().optional(),
  newestCreated: z.number().optional(),
  seen: z.array(z.tuple([z.string(), z.string()])).optional(),
});

export type RedditSourceState = z.infer<typeof redditSourceState>;
