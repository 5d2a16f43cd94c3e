import { z } from 'zod';

/** What an Instagram source follows (Graph API edges of the Instagram professional account). */
export const INSTAGRAM_EDGES = ['comments', 'tags'] as const;

/**
 * Settings of one Instagram source (a Business or Creator account linked to a Facebook Page).
 * The poll contract hands a capability only the source's settings, so the access token is carried
 * here (marked secret) until the worker passes the linked account.
 *
 * @example
 * instagramSourceConfig.parse({ igUserId: '17841400000000001', accessToken: 'EAAB…' });
 */
export const instagramSourceConfig = z.object({
  /** Instagram professional account id (`GET /{page-id}?fields=instagram_business_account`). */
  igUserId: z.string().trim().regex(/^\d{5,20}$/, 'the numeric Instagram account id / l’identifiant numérique du compte Instagram').describe('Instagram account id / Identifiant du compte Instagram'),
  /** Page or user access token with instagram_basic and instagram_manage_comments (secret). */
  accessToken: z.string().trim().min(20, 'paste an access token / collez un jeton d’accès').max(1000).describe('Access token (secret) / Jeton d’accès (secret)'),
  /** Comments on the account's latest media, and media other accounts tagged it in. */
  edges: z.array(z.enum(INSTAGRAM_EDGES)).min(1).default([...INSTAGRAM_EDGES]).describe('What to follow / Ce qui est suivi'),
  /** How many of the latest media have their comments read at each poll. */
  mediaToWatch: z.number().int().min(1).max(100).default(25).describe('Latest media watched for comments / Derniers médias surveillés'),
  /** Graph API version, e.g. v23.0. */
  graphVersion: z.string().regex(/^v\d+\.\d+$/).default('v23.0').describe('Graph API version / Version de l’API Graph'),
});

export type InstagramSourceConfig = z.infer<typeof instagramSourceConfig>;

/** Memory between polls: newest timestamp seen and the ids already emitted (newest first, bounded). */
export const instagramSourceState = z.object({
  watermark: z.string().optional(),
  seen: z.array(z.string()).optional(),
});

export type InstagramSourceState = z.infer<typeof instagramSourceState>;

/** The Graph API version used when an account does not say. */
export const DEFAULT_GRAPH_VERSION = 'v23.0';

/**
 * The Instagram professional account Vigie replies as. The same names as the source settings, so
 * an Instagram source's settings also work as its account.
 *
 * @example
 * instagramAccountConfig.parse({ accessToken: 'EAAB…', igUserId: '17841400000000001' });
 */
export const instagramAccountConfig = z.object({
  /** Access token (secret) with instagram_basic, instagram_manage_comments and pages_read_engagement. */
  accessToken: z
    .string()
    .trim()
    .min(20, 'paste an access token / collez un jeton d’accès')
    .max(1000)
    .meta({ secret: true, writeOnly: true, description: 'Access token (secret) / Jeton d’accès (secret)' }),
  /** Instagram professional account id (informative: replies need only the comment id). */
  igUserId: z.string().trim().regex(/^\d{5,20}$/, 'the numeric Instagram account id / l’identifiant numérique du compte Instagram').optional().describe('Instagram account id / Identifiant du compte Instagram'),
  /** Graph API version, e.g. v23.0 (default). */
  graphVersion: z.string().regex(/^v\d+\.\d+$/).optional().describe('Graph API version / Version de l’API Graph'),
});

export type InstagramAccountConfig = z.infer<typeof instagramAccountConfig>;
