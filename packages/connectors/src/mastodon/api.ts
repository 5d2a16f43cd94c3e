/**
 * The part of the Mastodon REST API we call, typed from the documentation, and the one function
 * that sends a request through kit/ and classifies the answer.
 *
 * - Status entity: https://docs.joinmastodon.org/entities/Status/
 * - Hashtag timeline: https://docs.joinmastodon.org/methods/timelines/#tag
 * - Public timeline: https://docs.joinmastodon.org/methods/timelines/#public
 * - Search (v2): https://docs.joinmastodon.org/methods/search/#v2
 * - Notifications: https://docs.joinmastodon.org/methods/notifications/#get (Notification entity:
 *   https://docs.joinmastodon.org/entities/Notification/)
 * - One status: https://docs.joinmastodon.org/methods/statuses/#get
 * - Pagination (Link header, max_id/min_id/since_id): https://docs.joinmastodon.org/api/guidelines/#pagination
 * - Rate limits (X-RateLimit-*): https://docs.joinmastodon.org/api/rate-limits/
 */
import { z } from 'zod';
import type { ConnectorContext, SkippedItem } from '../connector';
import type { HttpResponse } from '../kit/http-client';
import { ConnectorError } from '../connector-error';
import { errorFromStatus } from '../kit/error-from-status';

const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date');
const count = z.number().int().nonnegative().nullish();

/** Account entity, the fields we read: https://docs.joinmastodon.org/entities/Account/ */
const mastodonAccount = z.object({
  id: z.string(),
  username: z.string(),
  /** `user` for local accounts, `user@domain` for remote ones. */
  acct: z.string().min(1),
  display_name: z.string().nullish(),
  url: z.string().nullish(),
  avatar: z.string().nullish(),
  followers_count: count,
  bot: z.boolean().nullish(),
});

const statusFields = {
  /** Local to the instance; numeric on Mastodon, base62 flake ids on Pleroma/Akkoma. */
  id: z.string().min(1).max(64),
  /** The ActivityPub id, global. */
  uri: z.string(),
  url: z.string().nullish(),
  created_at: isoDate,
  edited_at: isoDate.nullish(),
  account: mastodonAccount,
  /** HTML. */
  content: z.string(),
  spoiler_text: z.string().nullish(),
  visibility: z.string().nullish(),
  language: z.string().nullish(),
  in_reply_to_id: z.string().nullish(),
  replies_count: count,
  reblogs_count: count,
  favourites_count: count,
  quotes_count: count,
};

/** A Status that is itself reblogged (its own `reblog` is always null). */
const rebloggedStatus = z.object(statusFields);

/** Status entity, the fields we read: https://docs.joinmastodon.org/entities/Status/ */
export const mastodonStatus = z.object({ ...statusFields, reblog: rebloggedStatus.nullish() });

export type MastodonStatus = z.infer<typeof mastodonStatus>;
export type MastodonAccount = z.infer<typeof mastodonAccount>;

/** A validated status with the object exactly as received (kept as the mention's `raw`). */
export interface ReceivedStatus {
  status: MastodonStatus;
  raw: unknown;
}

/** Links of a paginated answer (`Link: <…?max_id=1>; rel="next", <…?min_id=9>; rel="prev"`). */
export interface PageLinks {
  /** Older statuses. */
  next?: string;
  /** Newer statuses. */
  prev?: string;
}

export interface MastodonResponse {
  json: unknown;
  links: PageLinks;
  /** `X-RateLimit-Remaining`, when the instance sends it. */
  rateRemaining?: number;
}

/**
 * Reads an RFC 8288 `Link` header into Mastodon's `next`/`prev` URLs.
 *
 * @example
 * parseLinkHeader('<https://m.example/api/v1/timelines/tag/a?max_id=7>; rel="next"'); // { next: 'https://m.example/…?max_id=7' }
 */
export function parseLinkHeader(header: string | undefined): PageLinks {
  const links: PageLinks = {};
  for (const match of (header ?? '').matchAll(/<([^>]+)>\s*;\s*rel="?(next|prev)"?/g)) {
    const [, url, rel] = match;
    if (url !== undefined && (rel === 'next' || rel === 'prev')) links[rel] = url;
  }
  return links;
}

/**
 * Orders status ids: numeric ids by value (they grow with time), others (flake ids) by length then text.
 *
 * @example
 * compareIds('109', '1000'); // < 0
 */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `X-RateLimit-Reset` is an ISO date; Mastodon's 429 often has no `Retry-After`. */
function retryAfterFromReset(reset: string | undefined, now: Date): number | undefined {
  const at = reset === undefined ? Number.NaN : Date.parse(reset);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** Throws the classified ConnectorError of a non-2xx answer; Mastodon's 429 often lacks `Retry-After`. */
function throwIfFailed(res: HttpResponse, url: string, token: string | undefined, now: Date): void {
  const failure = errorFromStatus(res.status, url, res.headers, now);
  if (failure === undefined) return;
  if (failure.code === 'rate_limited' && failure.retryAfterMs === undefined) {
    throw new ConnectorError('rate_limited', failure.message, { status: res.status, retryAfterMs: retryAfterFromReset(res.headers['x-ratelimit-reset'], now) });
  }
  if (failure.code === 'auth_expired') {
    const why = token === undefined ? 'this instance requires an access token for it' : 'the access token was revoked or expired';
    throw new ConnectorError('auth_expired', `${failure.message} (${why})`, { status: res.status });
  }
  throw failure;
}

function readJson(res: HttpResponse, url: string): unknown {
  try {
    return JSON.parse(res.body.toString('utf8'));
  } catch (error) {
    throw new ConnectorError('invalid_payload', `${url} did not return JSON: ${(error as Error).message}`, { status: res.status, cause: error });
  }
}

/**
 * GET a Mastodon API URL, with the token when given; a non-2xx answer throws its classified
 * ConnectorError, and a body that is not JSON is `invalid_payload`.
 *
 * @example
 * const { json, links } = await getMastodon(ctx, 'https://mastodon.social/api/v1/timelines/tag/vigie?limit=40');
 */
export async function getMastodon(ctx: ConnectorContext, url: string, token?: string): Promise<MastodonResponse> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const res = await ctx.http.get(url, { headers, signal: ctx.signal, throwHttpErrors: false });
  throwIfFailed(res, url, token, ctx.now());
  const json = readJson(res, url);
  const remaining = Number(res.headers['x-ratelimit-remaining']);
  return { json, links: parseLinkHeader(res.headers.link), ...(Number.isFinite(remaining) && res.headers['x-ratelimit-remaining'] !== undefined ? { rateRemaining: remaining } : {}) };
}

/**
 * POST a JSON body to a Mastodon API URL with the account's token. `idempotencyKey` makes a
 * retried post safe: Mastodon answers the first status again instead of posting twice
 * (https://docs.joinmastodon.org/methods/statuses/#create, `Idempotency-Key`).
 *
 * @example
 * const json = await postMastodon(ctx, 'https://mastodon.social/api/v1/statuses', { status: 'Merci !' }, token, key);
 */
export async function postMastodon(ctx: ConnectorContext, url: string, body: Record<string, unknown>, token: string, idempotencyKey?: string): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${token}` };
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
  const res = await ctx.http.post(url, JSON.stringify(body), { headers, signal: ctx.signal, throwHttpErrors: false });
  throwIfFailed(res, url, token, ctx.now());
  return readJson(res, url);
}

/** The timeline id of an entry, even a malformed one, so the cursor moves past a page of bad entries. */
function timelineIdOf(item: unknown): string | undefined {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' && /^[0-9A-Za-z]{1,64}$/.test(id) ? id : undefined;
}

/**
 * Validates a list of statuses one by one: a malformed item is skipped with its reason, a
 * payload that is not a list at all is `invalid_payload`.
 *
 * @example
 * const { statuses, skipped } = readStatuses(json, url);
 */
export function readStatuses(json: unknown, url: string): { statuses: ReceivedStatus[]; skipped: SkippedItem[]; ids: string[] } {
  if (!Array.isArray(json)) throw new ConnectorError('invalid_payload', `${url} did not return a list of statuses`);
  const statuses: ReceivedStatus[] = [];
  const skipped: SkippedItem[] = [];
  // Timeline ids of every entry, malformed ones included, so the cursor moves past a page of bad entries.
  const ids: string[] = [];
  for (const item of json) {
    const id = timelineIdOf(item);
    if (id !== undefined) ids.push(id);
    const parsed = mastodonStatus.safeParse(item);
    if (parsed.success) {
      statuses.push({ status: parsed.data, raw: item });
      continue;
    }
    const uri = typeof item === 'object' && item !== null ? (item as { uri?: unknown }).uri : undefined;
    const issue = parsed.error.issues[0];
    skipped.push({ reason: `malformed status: ${issue?.path.join('.') || 'item'} ${issue?.message ?? 'is invalid'}`, ...(typeof uri === 'string' ? { externalId: uri } : {}) });
  }
  return { statuses, skipped, ids };
}

/** The v2 search answer: https://docs.joinmastodon.org/methods/search/#v2 (Search entity). */
export function readSearchStatuses(json: unknown, url: string): { statuses: ReceivedStatus[]; skipped: SkippedItem[]; ids: string[] } {
  const statuses = typeof json === 'object' && json !== null ? (json as { statuses?: unknown }).statuses : undefined;
  if (!Array.isArray(statuses)) throw new ConnectorError('invalid_payload', `${url} did not return a Search result with statuses`);
  return readStatuses(statuses, url);
}

/** Notification entity, the fields we read: https://docs.joinmastodon.org/entities/Notification/ */
const mastodonNotification = z.object({
  id: z.string().min(1).max(64),
  /** `mention` (a reply or a post naming the account), `quote`, `status`, `reblog`, `favourite`, … */
  type: z.string(),
  created_at: isoDate,
  status: z.unknown().optional(),
});

/** Notification types that carry someone else's status addressed to the account. */
export const NOTIFICATION_TYPES = ['mention', 'quote'] as const;

/**
 * Reads a notifications page (`GET /api/v1/notifications`): the statuses of `mention` and
 * `quote` notifications, item by item; `ids` are the notification ids (the cursor), malformed
 * items included, so a page of bad entries is not read again.
 *
 * @example
 * const { statuses, ids } = readNotifications(json, url);
 */
export function readNotifications(json: unknown, url: string): { statuses: ReceivedStatus[]; skipped: SkippedItem[]; ids: string[] } {
  if (!Array.isArray(json)) throw new ConnectorError('invalid_payload', `${url} did not return a list of notifications`);
  const statuses: ReceivedStatus[] = [];
  const skipped: SkippedItem[] = [];
  const ids: string[] = [];
  for (const item of json) {
    const id = timelineIdOf(item);
    if (id !== undefined) ids.push(id);
    const notification = mastodonNotification.safeParse(item);
    if (!notification.success) {
      skipped.push({ reason: `malformed notification: ${notification.error.issues[0]?.path.join('.') || 'item'} ${notification.error.issues[0]?.message ?? 'is invalid'}` });
      continue;
    }
    if (!(NOTIFICATION_TYPES as readonly string[]).includes(notification.data.type)) continue;
    if (notification.data.status === null || notification.data.status === undefined) {
      skipped.push({ reason: `${notification.data.type} notification ${notification.data.id} without its status (deleted since)` });
      continue;
    }
    const read = readStatuses([notification.data.status], url);
    statuses.push(...read.statuses);
    skipped.push(...read.skipped);
  }
  return { statuses, skipped, ids };
}

/**
 * One status by its local id on the instance (`GET /api/v1/statuses/:id`), validated.
 *
 * @example
 * const parent = await getStatus(ctx, 'https://mastodon.social', '109', token);
 */
export async function getStatus(ctx: ConnectorContext, instance: string, id: string, token?: string): Promise<MastodonStatus> {
  const url = `${instance}/api/v1/statuses/${encodeURIComponent(id)}`;
  const parsed = mastodonStatus.safeParse((await getMastodon(ctx, url, token)).json);
  if (!parsed.success) throw new ConnectorError('invalid_payload', `${url} did not return a status`);
  return parsed.data;
}
