import { z } from 'zod';

const postUrn = z.string().regex(/^urn:li:(share|ugcPost|activity):\d{1,25}$/, 'a post URN such as urn:li:share:7… / une URN de post comme urn:li:share:7…');

/**
 * Settings of one LinkedIn organisation source: comments on the organisation's posts. The poll
 * contract hands a capability only the source's settings, so the access token is carried here
 * (marked secret) until the worker passes the linked account.
 *
 * @example
 * linkedinSourceConfig.parse({ organizationUrn: 'urn:li:organization:2414183', accessToken: 'AQV…' });
 */
export const linkedinSourceConfig = z.object({
  /** The organisation page, as an URN (`urn:li:organization:<id>`, the id is in the admin URL). */
  organizationUrn: z.string().regex(/^urn:li:organization:\d{1,20}$/, 'an URN such as urn:li:organization:2414183 / une URN comme urn:li:organization:2414183').describe('Organisation URN / URN de l’organisation'),
  /** Member access token of a page admin with r_organization_social (secret). */
  accessToken: z.string().trim().min(20, 'paste an access token / collez un jeton d’accès').max(2000).describe('Access token (secret) / Jeton d’accès (secret)'),
  /** Follow these posts only; empty means the organisation's latest posts. */
  postUrns: z.array(postUrn).max(50).default([]).describe('Posts to follow (optional) / Posts suivis (facultatif)'),
  /** How many of the latest posts are watched for comments when `postUrns` is empty. */
  postsToWatch: z.number().int().min(1).max(50).default(10).describe('Latest posts watched / Derniers posts surveillés'),
  /** `LinkedIn-Version` header (YYYYMM); LinkedIn keeps each version for at least a year. */
  apiVersion: z.string().regex(/^\d{6}$/).default('202510').describe('API version (YYYYMM) / Version de l’API (AAAAMM)'),
});

export type LinkedinSourceConfig = z.infer<typeof linkedinSourceConfig>;

/** Memory between polls: `[comment URN, lastModified time]` pairs, newest first and bounded. */
export const linkedinSourceState = z.object({
  seen: z.array(z.tuple([z.string(), z.number()])).optional(),
  /** Creation time (ms) of the newest comment seen. */
  watermark: z.number().optional(),
});

export type LinkedinSourceState = z.infer<typeof linkedinSourceState>;

/** The `LinkedIn-Version` used when an account does not say. */
export const DEFAULT_API_VERSION = '202510';

/**
 * The organisation Vigie comments and posts as, with a page admin's token. The same names as the
 * source settings, so an organisation source's settings also work as its account.
 *
 * @example
 * linkedinAccountConfig.parse({ organizationUrn: 'urn:li:organization:2414183', accessToken: 'AQV…' });
 */
export const linkedinAccountConfig = z.object({
  /** The organisation that comments and posts (`urn:li:organization:<id>`). */
  organizationUrn: z.string().regex(/^urn:li:organization:\d{1,20}$/, 'an URN such as urn:li:organization:2414183 / une URN comme urn:li:organization:2414183').describe('Organisation URN / URN de l’organisation'),
  /** Member access token of a page admin (secret) with w_organization_social (and r_organization_social to read). */
  accessToken: z
    .string()
    .trim()
    .min(20, 'paste an access token / collez un jeton d’accès')
    .max(2000)
    .meta({ secret: true, writeOnly: true, description: 'Access token (secret) / Jeton d’accès (secret)' }),
  /** `LinkedIn-Version` header (YYYYMM). */
  apiVersion: z.string().regex(/^\d{6}$/).optional().describe('API version (YYYYMM) / Version de l’API (AAAAMM)'),
});

export type LinkedinAccountConfig = z.infer<typeof linkedinAccountConfig>;
