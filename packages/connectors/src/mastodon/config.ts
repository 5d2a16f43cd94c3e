import { z } from 'zod';
import { chosenModes } from '../connector';

/** A hashtag as Mastodon stores it: letters, digits, underscores, no leading `#`. */
const HASHTAG = /^[\p{L}\p{N}_]{1,100}$/u;

const instanceUrl = z
  .url({ protocol: /^https?$/, error: 'expected the instance address, e.g. https://mastodon.social / l’adresse de l’instance, ex. https://mastodon.social' })
  .max(512)
  .transform((value) => value.replace(/\/+$/, ''));

/** An access token: sent as `Authorization: Bearer`, stored encrypted, never presented back. */
const accessToken = z
  .string()
  .trim()
  .min(8, 'the access token looks truncated / le jeton d’accès semble tronqué')
  .max(512)
  .meta({ secret: true, writeOnly: true, description: 'Access token (secret) / Jeton d’accès (secret)' });

/** What a Mastodon source watches: exactly one of these settings (`sourceModes` of the connector). */
export const MASTODON_SOURCE_MODES = ['hashtag', 'timeline', 'search', 'notifications'] as const;

/**
 * Settings of one Mastodon source: exactly one of `hashtag`, `timeline`, `search` or `notifications` on one instance.
 *
 * @example
 * mastodonSourceConfig.parse({ instance: 'https://mastodon.social', hashtag: 'vigie' });
 * mastodonSourceConfig.parse({ instance: 'https://piaille.fr', timeline: 'local' });
 * mastodonSourceConfig.parse({ instance: 'https://mastodon.social', search: 'vigie', token: '…' });
 * mastodonSourceConfig.parse({ instance: 'https://mastodon.social', notifications: true, token: '…' });
 */
export const mastodonSourceConfig = z
  .object({
    /** Base address of the instance whose timelines are read (also where a token was issued). */
    instance: instanceUrl.describe('Instance / Instance'),
    /** Follow a hashtag's timeline (public, no token needed on most instances). Without the `#`. */
    hashtag: z
      .string()
      .trim()
      .regex(HASHTAG, 'write the hashtag without “#”, letters, digits and _ only / le mot-dièse sans « # », lettres, chiffres et _ seulement')
      .optional()
      .describe('Hashtag (without #) / Mot-dièse (sans #)'),
    /** Follow the federated (`public`) or the instance-only (`local`) public timeline. */
    timeline: z.enum(['public', 'local']).optional().describe('Public timeline / Fil public'),
    /** Full-text status search; needs `token` on almost every instance (Mastodon limits anonymous search). */
    search: z.string().trim().min(1).max(500).optional().describe('Search (needs a token) / Recherche (jeton requis)'),
    /**
     * Mentions of the account (`GET /api/v1/notifications?types[]=mention`): replies to its posts,
     * posts naming it and direct messages. Needs `token` (scope `read:notifications` or `read`).
     */
    notifications: z.boolean().optional().describe('Mentions of my account (needs a token) / Mentions de mon compte (jeton requis)'),
    /** Optional account token (secret): needed for search and notifications, and by instances that close their public timelines. */
    token: accessToken.optional(),
  })
  .superRefine((config, ctx) => {
    if (chosenModes(config, MASTODON_SOURCE_MODES).length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [MASTODON_SOURCE_MODES[0]],
        message:
          'choose exactly one of hashtag, timeline, search or mentions of my account / choisissez exactement un mot-dièse, un fil, une recherche ou les mentions de mon compte',
      });
    }
    if (config.notifications === true && config.token === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['token'],
        message: 'mentions of my account need the account’s access token / les mentions de mon compte nécessitent le jeton d’accès du compte',
      });
    }
  });

export type MastodonSourceConfig = z.infer<typeof mastodonSourceConfig>;

/**
 * An account on one instance (for search, and later replies). The token is a secret.
 *
 * @example
 * mastodonAccountConfig.parse({ instance: 'https://mastodon.social', token: 'abc…' });
 */
export const mastodonAccountConfig = z.object({
  /** The instance that issued the token. */
  instance: instanceUrl,
  /** OAuth access token (secret): `read` for search, `write:statuses` to publish and reply. */
  token: accessToken,
});

export type MastodonAccountConfig = z.infer<typeof mastodonAccountConfig>;

/**
 * Memory between polls. `newestId` is the highest status (or notification) id read (the `min_id` of the next
 * poll); `seen` holds `[externalId, editedAt]` pairs, newest first and bounded, so an overlap is
 * never re-emitted while an edited status is.
 */
export const mastodonSourceState = z.object({
  /** Newest status id (timelines) or notification id (notifications) already read: the next poll's `min_id`. */
  newestId: z.string().max(64).optional(),
  seen: z.array(z.tuple([z.string(), z.string()])).optional(),
  /**
   * Parents already resolved, newest first and bounded: `[local id on the polled instance, global uri,
   * thread root uri or '']`; uri `''` = the parent could not be read (deleted, private), not asked again.
   */
  parents: z.array(z.tuple([z.string(), z.string(), z.string()])).optional(),
});

export type MastodonSourceState = z.infer<typeof mastodonSourceState>;
