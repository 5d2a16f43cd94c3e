import { z } from 'zod';

/** X bills reads per post; this is what a new source may read per month unless told otherwise. */
export const DEFAULT_MONTHLY_READ_BUDGET = 10_000;

const bearerToken = z.string().trim().min(20, 'paste the app’s bearer token / collez le jeton « bearer » de l’application').max(2000);
const monthlyReadBudget = z
  .number()
  .int()
  .min(10, 'at least 10 posts, the smallest page X serves / au moins 10 posts, la plus petite page servie par X')
  .max(100_000_000)
  .default(DEFAULT_MONTHLY_READ_BUDGET);

/**
 * Settings of one X source: a recent-search query. The poll contract hands a capability only the
 * source's settings, so the bearer token and the read budget are carried here (marked secret) until
 * the worker passes the linked account; `xAccountConfig` is the same pair for the query tester.
 *
 * @example
 * xSourceConfig.parse({ query: 'vigie lang:fr -is:retweet', bearerToken: 'AAAA…' }); // monthlyReadBudget 10000, lookbackHours 24
 */
export const xSourceConfig = z.object({
  /** A recent-search query in X's operator syntax (https://docs.x.com/x-api/posts/search/integrate/build-a-query), 512 characters at most on self-serve plans. */
  query: z.string().trim().min(1, 'enter a query / saisissez une requête').max(512, 'X accepts 512 characters at most / X accepte 512 caractères au plus').describe('Query / Requête'),
  /** App-only bearer token (secret). */
  bearerToken: bearerToken.describe('Bearer token (secret) / Jeton bearer (secret)'),
  /** Posts this source may read per calendar month (UTC); polling stops once spent. */
  monthlyReadBudget: monthlyReadBudget.describe('Monthly read budget (posts) / Budget mensuel de lecture (posts)'),
  /** How far back the first poll reads (recent search covers the last 7 days). */
  lookbackHours: z.number().int().min(1).max(168).default(24).describe('First poll looks back (hours) / Premier relevé : heures en arrière'),
});

export type XSourceConfig = z.infer<typeof xSourceConfig>;

/**
 * An X app's credentials (for the query tester and, once the worker passes it, polling) and, to
 * post and reply, a user access token.
 *
 * @example
 * xAccountConfig.parse({ bearerToken: 'AAAA…', monthlyReadBudget: 15000 });
 * xAccountConfig.parse({ accessToken: 'dGhpcyBpcyBhIHVzZXIgdG9rZW4…' });
 */
export const xAccountConfig = z
  .object({
    /** App-only bearer token (secret): reads (search, the query tester). */
    bearerToken: bearerToken.optional().meta({ secret: true, writeOnly: true, description: 'Bearer token (secret) / Jeton bearer (secret)' }),
    /**
     * OAuth 2.0 user access token (secret), scopes `tweet.read tweet.write users.read`: posting and
     * replying as the account (an app-only bearer token cannot post). Also reads, when no bearer token is set.
     */
    accessToken: z
      .string()
      .trim()
      .min(20, 'paste the user access token / collez le jeton d’accès utilisateur')
      .max(2000)
      .optional()
      .meta({ secret: true, writeOnly: true, description: 'User access token (secret) / Jeton d’accès utilisateur (secret)' }),
    /** Posts per calendar month (UTC). */
    monthlyReadBudget,
  })
  .refine((account) => account.bearerToken !== undefined || account.accessToken !== undefined, {
    message: 'give a bearer token (reading) or a user access token (posting) / donnez un jeton bearer (lecture) ou un jeton d’accès utilisateur (publication)',
    path: ['bearerToken'],
  });

export type XAccountConfig = z.infer<typeof xAccountConfig>;

/** Reads spent in one calendar month (UTC), `month` as `YYYY-MM`. */
export const xReads = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), count: z.number().int().nonnegative() });

export type XReads = z.infer<typeof xReads>;

/**
 * Memory between polls. `sinceId` is the newest post id fully read (the next `since_id`);
 * `resume` is a round of pages cut short (by the read budget or the page cap): its `next_token`,
 * the `newest_id` the round will end on and the window it was asked with, so the next poll
 * finishes it before moving on. `reads` is this month's spend.
 */
export const xSourceState = z.object({
  sinceId: z.string().regex(/^\d{1,20}$/).optional(),
  resume: z
    .object({
      nextToken: z.string().min(1).max(512),
      newestId: z.string().regex(/^\d{1,20}$/),
      sinceId: z.string().regex(/^\d{1,20}$/).optional(),
      startTime: z.string().optional(),
    })
    .optional(),
  reads: xReads.optional(),
});

export type XSourceState = z.infer<typeof xSourceState>;
