import { z } from 'zod';

/** What a Facebook Page source follows (Graph API edges of the Page). */
export const FACEBOOK_EDGES = ['feed', 'ads_posts', 'tagged', 'ratings'] as const;

export type FacebookEdge = (typeof FACEBOOK_EDGES)[number];

/**
 * Settings of one Facebook Page source. The poll contract hands a capability only the source's
 * settings, so the Page access token is carried here (marked secret) until the worker passes the
 * linked account.
 *
 * @example
 * facebookSourceConfig.parse({ pageId: '104000000000001', accessToken: 'EAAB…' }); // edges feed, ads_posts, tagged, ratings
 */
export const facebookSourceConfig = z.object({
  /** Numeric id of the Page (Page settings → About → Page ID). */
  pageId: z.string().trim().regex(/^\d{5,20}$/, 'the numeric Page id / l’identifiant numérique de la Page').describe('Page id / Identifiant de la Page'),
  /** Page access token with pages_read_engagement and pages_read_user_content (secret). */
  accessToken: z.string().trim().min(20, 'paste a Page access token / collez un jeton d’accès de Page').max(1000).describe('Page access token (secret) / Jeton d’accès de Page (secret)'),
  /** Which edges to read: visitor posts and comments (`feed`), comments on ads (`ads_posts`), posts tagging the Page, ratings. */
  edges: z.array(z.enum(FACEBOOK_EDGES)).min(1).default([...FACEBOOK_EDGES]).describe('What to follow / Ce qui est suivi'),
  /** How many of the latest posts (own and ads) have their new comments read at each poll. */
  postsToWatch: z.number().int().min(1).max(100).default(25).describe('Latest posts watched for comments / Derniers posts surveillés'),
  /** Graph API version, e.g. v23.0. */
  graphVersion: z.string().regex(/^v\d+\.\d+$/).default('v23.0').describe('Graph API version / Version de l’API Graph'),
});

export type FacebookSourceConfig = z.infer<typeof facebookSourceConfig>;

/**
 * Memory between polls: the newest creation time seen (`watermark`, the next `since`) and `seen`
 * `[id, version]` pairs (version = a hash of the text), newest first and bounded, so an overlap is
 * never re-emitted while an edited comment is.
 */
export const facebookSourceState = z.object({
  watermark: z.string().optional(),
  seen: z.array(z.tuple([z.string(), z.string()])).optional(),
});

export type FacebookSourceState = z.infer<typeof facebookSourceState>;

/** The Graph API version used when an account does not say. */
export const DEFAULT_GRAPH_VERSION = 'v23.0';

/**
 * The Page Vigie replies and posts as. The same names as the source settings, so a Page source's
 * settings also work as its account.
 *
 * @example
 * facebookAccountConfig.parse({ pageId: '104000000000001', accessToken: 'EAAB…' });
 */
export const facebookAccountConfig = z.object({
  /** Page access token (secret) with pages_manage_engagement (reply), pages_manage_posts (publish) and pages_read_engagement. */
  accessToken: z
    .string()
    .trim()
    .min(20, 'paste a Page access token / collez un jeton d’accès de Page')
    .max(1000)
    .meta({ secret: true, writeOnly: true, description: 'Page access token (secret) / Jeton d’accès de Page (secret)' }),
  /** Numeric id of the Page; needed to publish on it. */
  pageId: z.string().trim().regex(/^\d{5,20}$/, 'the numeric Page id / l’identifiant numérique de la Page').optional().describe('Page id / Identifiant de la Page'),
  /** Graph API version, e.g. v23.0 (default). */
  graphVersion: z.string().regex(/^v\d+\.\d+$/).optional().describe('Graph API version / Version de l’API Graph'),
});

export type FacebookAccountConfig = z.infer<typeof facebookAccountConfig>;
