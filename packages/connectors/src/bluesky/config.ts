import { z } from 'zod';
import { chosenModes } from '../connector';

/** The public, unauthenticated AppView: https://docs.bsky.app/docs/advanced-guides/api-directory */
export const PUBLIC_APPVIEW = 'https://public.api.bsky.app';

/** A handle (`alice.bsky.social`, a domain) or a DID (`did:plc:…`, `did:web:…`). */
const ACTOR = /^(?:did:(?:plc|web):[a-zA-Z0-9._:%-]{1,2048}|(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)$/;

/** A handle without `@`, a DID or an e-mail: what createSession accepts as `identifier`. */
const identifier = z
  .string()
  .trim()
  .transform((value) => value.replace(/^@/, ''))
  .pipe(z.string().min(3).max(253));

/** An app password (secret): stored encrypted, never presented back. */
const appPassword = z
  .string()
  .trim()
  .min(8, 'paste an app password, e.g. abcd-efgh-ijkl-mnop / collez un mot de passe d’application, ex. abcd-efgh-ijkl-mnop')
  .max(256)
  .meta({ secret: true, writeOnly: true, description: 'App password (secret) / Mot de passe d’application (secret)' });

const serviceUrl = z
  .url({ protocol: /^https?$/, error: 'expected an http or https URL / une URL http ou https' })
  .max(512);

/** What a Bluesky source watches: exactly one of these settings (`sourceModes` of the connector). */
export const BLUESKY_SOURCE_MODES = ['search', 'author', 'notifications'] as const;

/**
 * Settings of one Bluesky source: exactly one of `search`, `author` or `notifications`. Search
 * and author read the public AppView with no credentials; `notifications` reads the account's
 * replies, mentions and quotes and needs its `identifier` and `appPassword` (given by the
 * connected account).
 *
 * @example
 * blueskySourceConfig.parse({ search: 'vigie lang:fr' });
 * blueskySourceConfig.parse({ author: 'vigie.bsky.social' });
 * blueskySourceConfig.parse({ notifications: true, identifier: 'vigie.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' });
 */
export const blueskySourceConfig = z
  .object({
    /** Post search (`app.bsky.feed.searchPosts`); Lucene-like syntax, e.g. `vigie lang:fr`, `from:alice.bsky.social`. */
    search: z.string().trim().min(1).max(300).optional().describe('Search / Recherche'),
    /** One account's posts, replies and reposts (`app.bsky.feed.getAuthorFeed`): a handle without `@`, or a DID. */
    author: z
      .string()
      .trim()
      .transform((value) => value.replace(/^@/, ''))
      .pipe(z.string().max(253).regex(ACTOR, 'expected a handle such as alice.bsky.social or a DID / un identifiant comme alice.bsky.social ou un DID'))
      .optional()
      .describe('Author (handle or DID) / Auteur (identifiant ou DID)'),
    /** Replies, mentions and quotes of the account (`app.bsky.notification.listNotifications`); needs the account. */
    notifications: z.boolean().optional().describe('Notifications of my account (needs the account) / Notifications de mon compte (compte requis)'),
    /** The account signed in for `notifications` (usually from the connected account). */
    identifier: identifier.optional().describe('Handle or DID / Identifiant ou DID'),
    appPassword: appPassword.optional(),
    /** The account's PDS or entryway; empty means https://bsky.social. */
    service: serviceUrl.optional().describe('PDS URL (advanced) / URL du PDS (avancé)'),
    /**
     * AppView base URL. Leave empty for the public AppView; set it for a self-hosted AppView or,
     * in tests, a local fixture server.
     */
    baseUrl: serviceUrl.optional().describe('AppView URL (advanced) / URL de l’AppView (avancé)'),
  })
  .superRefine((config, ctx) => {
    if (chosenModes(config, BLUESKY_SOURCE_MODES).length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [BLUESKY_SOURCE_MODES[0]],
        message: 'choose exactly one of search, author or notifications of my account / choisissez soit une recherche, soit un auteur, soit les notifications de mon compte',
      });
    }
    if (config.notifications === true && (config.identifier === undefined || config.appPassword === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['appPassword'],
        message: 'notifications of my account need the account (handle and app password) / les notifications de mon compte nécessitent le compte (identifiant et mot de passe d’application)',
      });
    }
  });

export type BlueskySourceConfig = z.infer<typeof blueskySourceConfig>;

/**
 * Memory between polls: the newest "sortAt" emitted (the earlier of `createdAt` and `indexedAt`,
 * what the next search's `since` compares with, minus an overlap) and `[uri, cid]` pairs of recent posts (bounded), so a restart neither loses nor repeats.
 */
export const blueskySourceState = z.object({
  /** The newest date read: sortAt of search and author posts, `indexedAt` of notifications. */
  newestAt: z.string().optional(),
  seen: z.array(z.tuple([z.string(), z.string()])).optional(),
});

export type BlueskySourceState = z.infer<typeof blueskySourceState>;

/** The AppView to call for a source. */
export function appViewOf(config: { baseUrl?: string }): string {
  return (config.baseUrl ?? PUBLIC_APPVIEW).replace(/\/+$/, '');
}

/** The entryway that hosts most accounts (it forwards to the account's own PDS). */
export const DEFAULT_SERVICE = 'https://bsky.social';

/**
 * The account Vigie posts and replies as: a handle (or DID, or the account's e-mail) and an
 * **app password** (Settings → Privacy and security → App passwords), never the main password.
 * The app password is a secret: stored encrypted, never presented back.
 *
 * @example
 * blueskyAccountConfig.parse({ identifier: 'vigie.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' });
 */
export const blueskyAccountConfig = z.object({
  /** Handle without `@` (`vigie.bsky.social`), DID or e-mail. */
  identifier: identifier.describe('Handle or DID / Identifiant ou DID'),
  /** An app password (secret). */
  appPassword,
  /** The account's PDS or entryway; empty means https://bsky.social. Tests point it at a fixture server. */
  service: serviceUrl.optional().describe('PDS URL (advanced) / URL du PDS (avancé)'),
});

export type BlueskyAccountConfig = z.infer<typeof blueskyAccountConfig>;

/** The service an account signs in to. */
export function serviceOf(account: { service?: string }): string {
  return (account.service ?? DEFAULT_SERVICE).replace(/\/+$/, '');
}
