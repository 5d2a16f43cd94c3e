import { z } from 'zod';
import { chosenModes } from '../connector';

const apiKey = z.string().trim().min(20, 'paste a YouTube Data API key / collez une clé d’API YouTube Data').max(200);

/** What a YouTube source watches: exactly one of these settings (`sourceModes` of the connector). */
export const YOUTUBE_SOURCE_MODES = ['query', 'channelId', 'videoId'] as const;

/**
 * Settings of one YouTube source: exactly one of a video search, the comments of a channel (on
 * all its videos) or the comments of one video. The poll contract hands a capability only the
 * source's settings, so the API key is carried here (marked secret) until the worker passes the
 * linked account; `youtubeAccountConfig` holds the same key for the query tester.
 *
 * @example
 * youtubeSourceConfig.parse({ apiKey: 'AIza…', channelId: 'UCvigieExempleChaine00001' });
 */
export const youtubeSourceConfig = z
  .object({
    /** API key of a Google Cloud project with the YouTube Data API v3 enabled (secret). */
    apiKey: apiKey.describe('API key (secret) / Clé d’API (secret)'),
    /** Videos whose title or description match, newest first (`search.list`, 100 quota units a page). */
    query: z.string().trim().min(1).max(500).optional().describe('Video search / Recherche de vidéos'),
    /** Comments on every video of this channel (`allThreadsRelatedToChannelId`), e.g. your own. */
    channelId: z
      .string()
      .trim()
      .regex(/^UC[\w-]{22}$/, 'a channel id starts with UC and has 24 characters / un identifiant de chaîne commence par UC et compte 24 caractères')
      .optional()
      .describe('Channel id (comments) / Identifiant de chaîne (commentaires)'),
    /** Comments on one video. */
    videoId: z
      .string()
      .trim()
      .regex(/^[\w-]{11}$/, 'a video id has 11 characters, as in watch?v=… / un identifiant de vidéo compte 11 caractères, comme dans watch?v=…')
      .optional()
      .describe('Video id (comments) / Identifiant de vidéo (commentaires)'),
  })
  .superRefine((config, ctx) => {
    if (chosenModes(config, YOUTUBE_SOURCE_MODES).length !== 1) {
      ctx.addIssue({ code: 'custom', path: [YOUTUBE_SOURCE_MODES[0]], message: 'choose exactly one of a search, a channel or a video / choisissez exactement une recherche, une chaîne ou une vidéo' });
    }
  });

export type YoutubeSourceConfig = z.infer<typeof youtubeSourceConfig>;

/**
 * A YouTube account: a Data API key (the query tester) and/or an OAuth 2.0 access token of the
 * channel that replies (scope `https://www.googleapis.com/auth/youtube.force-ssl`).
 *
 * @example
 * youtubeAccountConfig.parse({ apiKey: 'AIza…' });
 * youtubeAccountConfig.parse({ accessToken: 'ya29.a0…' });
 */
export const youtubeAccountConfig = z
  .object({
    /** API key (secret): reads. */
    apiKey: apiKey.optional().meta({ secret: true, writeOnly: true, description: 'API key (secret) / Clé d’API (secret)' }),
    /** OAuth 2.0 access token (secret) with youtube.force-ssl: replying as the channel. */
    accessToken: z
      .string()
      .trim()
      .min(20, 'paste the OAuth access token / collez le jeton d’accès OAuth')
      .max(4000)
      .optional()
      .meta({ secret: true, writeOnly: true, description: 'OAuth access token (secret) / Jeton d’accès OAuth (secret)' }),
  })
  .refine((account) => account.apiKey !== undefined || account.accessToken !== undefined, {
    message: 'give an API key (reading) or an OAuth access token (replying) / donnez une clé d’API (lecture) ou un jeton d’accès OAuth (réponses)',
    path: ['apiKey'],
  });

export type YoutubeAccountConfig = z.infer<typeof youtubeAccountConfig>;

/**
 * Memory between polls: the newest publication time seen (`watermark`: the next search's
 * `publishedAfter`, and where comment paging stops) and `seen` `[id, updatedAt]` pairs, newest
 * first and bounded, so an overlap is never re-emitted while an edited comment is.
 */
export const youtubeSourceState = z.object({
  watermark: z.string().optional(),
  seen: z.array(z.tuple([z.string(), z.string()])).optional(),
});

export type YoutubeSourceState = z.infer<typeof youtubeSourceState>;
