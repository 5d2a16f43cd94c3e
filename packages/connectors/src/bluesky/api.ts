/**
 * The part of the Bluesky (AT Protocol) XRPC API we call, typed from the lexicons, and the one
 * function that sends a request through kit/ and classifies the answer.
 *
 * - searchPosts: https://docs.bsky.app/docs/api/app-bsky-feed-search-posts
 * - getAuthorFeed: https://docs.bsky.app/docs/api/app-bsky-feed-get-author-feed
 * - PostView / FeedViewPost (app.bsky.feed.defs): https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/defs.json
 * - Post record (app.bsky.feed.post): https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/post.json
 * - listNotifications: https://docs.bsky.app/docs/api/app-bsky-notification-list-notifications
 * - XRPC errors `{ error, message }`: https://atproto.com/specs/xrpc#error-responses
 * - Rate limits (RateLimit-* headers): https://docs.bsky.app/docs/advanced-guides/rate-limits
 */
import { z } from 'zod';
import type { ConnectorContext, SkippedItem } from '../connector';
import { ConnectorError } from '../connector-error';
import { errorFromStatus } from '../kit/error-from-status';

const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date');
const count = z.number().int().nonnegative().optional();
const strongRef = z.object({ uri: z.string(), cid: z.string() });

/** app.bsky.feed.post, the fields we read. */
export const postRecord = z.object({
  text: z.string().max(30_000),
  createdAt: isoDate,
  langs: z.array(z.string()).optional(),
  reply: z.object({ root: strongRef, parent: strongRef }).optional(),
});

/** app.bsky.actor.defs#profileViewBasic, the fields we read. */
const profileViewBasic = z.object({
  did: z.string().startsWith('did:'),
  handle: z.string(),
  displayName: z.string().optional(),
  avatar: z.string().optional(),
});

/** app.bsky.feed.defs#postView, the fields we read. */
export const postView = z.object({
  uri: z.string().startsWith('at://'),
  cid: z.string(),
  author: profileViewBasic,
  record: postRecord,
  indexedAt: isoDate,
  likeCount: count,
  repostCount: count,
  replyCount: count,
  quoteCount: count,
});

export type PostView = z.infer<typeof postView>;
export type PostRecord = z.infer<typeof postRecord>;

/** A validated post, the object as received (kept as `raw`), and who reposted it when it came as a repost. */
export interface ReceivedPost {
  post: PostView;
  raw: unknown;
  /** When the feed item was a repost: the reposter's handle and when they reposted. */
  repostedBy?: { handle: string; indexedAt: string };
}

const xrpcError = z.object({ error: z.string(), message: z.string().optional() });

/** XRPC error names that mean the credentials must be renewed, whatever the status code. */
const AUTH_ERRORS = new Set(['ExpiredToken', 'InvalidToken', 'AuthenticationRequired', 'AuthMissing']);

/**
 * GET an XRPC query (with a session's access token when given). A non-2xx answer throws its ConnectorError, classified by status code and
 * by the documented XRPC error name (never by the message text); a body that is not JSON is
 * `invalid_payload`. `RateLimit-Reset` (epoch seconds) stands in for a missing `Retry-After`.
 *
 * @example
 * const json = await getXrpc(ctx, 'https://public.api.bsky.app', 'app.bsky.feed.searchPosts', { q: 'vigie', sort: 'latest' });
 */
export async function getXrpc(ctx: ConnectorContext, base: string, method: string, params: Record<string, string | readonly string[] | undefined>, token?: string): Promise<unknown> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    // An array parameter is repeated (`reasons=reply&reasons=mention`), as XRPC expects.
    if (typeof value === 'string') query.set(name, value);
    else if (value !== undefined) for (const item of value) query.append(name, item);
  }
  return sendXrpc(ctx, `${base}/xrpc/${method}?${query.toString()}`, { token });
}

/**
 * POST an XRPC procedure with a JSON body (and the session's access token when given); errors
 * are classified as for `getXrpc`.
 *
 * @example
 * const created = await postXrpc(ctx, 'https://bsky.social', 'com.atproto.repo.createRecord', { repo, collection, record }, accessJwt);
 */
export async function postXrpc(ctx: ConnectorContext, base: string, method: string, body: Record<string, unknown> | undefined, token?: string): Promise<unknown> {
  return sendXrpc(ctx, `${base}/xrpc/${method}`, { token, post: true, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

async function sendXrpc(ctx: ConnectorContext, url: string, options: { token?: string; body?: string; post?: boolean }): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const request = { headers, signal: ctx.signal, throwHttpErrors: false };
  // A procedure without input (refreshSession) is a POST with an empty body.
  const res = options.post === true ? await ctx.http.post(url, options.body ?? '', request) : await ctx.http.get(url, request);
  let json: unknown;
  let parseError: Error | undefined;
  try {
    json = JSON.parse(res.body.toString('utf8'));
  } catch (error) {
    parseError = error as Error;
  }
  const failure = errorFromStatus(res.status, url, res.headers, ctx.now());
  if (failure !== undefined) {
    const named = xrpcError.safeParse(json);
    const detail = named.success ? ` (${named.data.error}${named.data.message === undefined ? '' : `: ${named.data.message}`})` : '';
    const classified = { status: res.status, retryAfterMs: failure.retryAfterMs };
    if (named.success && AUTH_ERRORS.has(named.data.error)) throw new ConnectorError('auth_expired', failure.message + detail, classified);
    if (failure.code === 'rate_limited' && failure.retryAfterMs === undefined) {
      const reset = Number(res.headers['ratelimit-reset']);
      const retryAfterMs = Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - ctx.now().getTime()) : undefined;
      throw new ConnectorError('rate_limited', failure.message + detail, { status: res.status, retryAfterMs });
    }
    throw new ConnectorError(failure.code, failure.message + detail, classified);
  }
  if (parseError !== undefined) throw new ConnectorError('invalid_payload', `${url} did not return JSON: ${parseError.message}`, { status: res.status, cause: parseError });
  return json;
}

function skippedFrom(item: unknown, error: { issues: readonly z.core.$ZodIssue[] } | undefined): SkippedItem {
  const uri = typeof item === 'object' && item !== null ? (item as { uri?: unknown; post?: { uri?: unknown } }) : {};
  const id = typeof uri.uri === 'string' ? uri.uri : typeof uri.post?.uri === 'string' ? uri.post.uri : undefined;
  const issue = error?.issues[0];
  return { reason: `malformed post: ${issue?.path.join('.') || 'item'} ${issue?.message ?? 'is invalid'}`, ...(id !== undefined ? { externalId: id } : {}) };
}

function listOf(json: unknown, key: string, url: string): { list: unknown[]; cursor?: string } {
  const body = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : undefined;
  const list = body?.[key];
  if (!Array.isArray(list)) throw new ConnectorError('invalid_payload', `${url} did not return a "${key}" list`);
  const cursor = typeof body?.cursor === 'string' && body.cursor !== '' ? body.cursor : undefined;
  return { list, ...(cursor !== undefined ? { cursor } : {}) };
}

/** A page of posts: the validated ones, the skipped ones and the cursor of the next page. */
export interface PostPage {
  posts: ReceivedPost[];
  skipped: SkippedItem[];
  cursor?: string;
}

/**
 * Reads a searchPosts answer `{ cursor?, hitsTotal?, posts: PostView[] }`, item by item.
 *
 * @example
 * const page = readSearchPage(await getXrpc(ctx, base, 'app.bsky.feed.searchPosts', { q }), 'searchPosts');
 */
export function readSearchPage(json: unknown, url: string): PostPage {
  const { list, cursor } = listOf(json, 'posts', url);
  const posts: ReceivedPost[] = [];
  const skipped: SkippedItem[] = [];
  for (const item of list) {
    const parsed = postView.safeParse(item);
    if (parsed.success) posts.push({ post: parsed.data, raw: item });
    else skipped.push(skippedFrom(item, parsed.error));
  }
  return { posts, skipped, ...(cursor !== undefined ? { cursor } : {}) };
}

const feedViewPost = z.object({
  post: z.unknown(),
  reason: z.object({ $type: z.string(), by: profileViewBasic.optional(), indexedAt: isoDate.optional() }).optional(),
});

/**
 * Reads a getAuthorFeed answer `{ cursor?, feed: FeedViewPost[] }`; a repost item keeps the
 * reposter in `repostedBy`, a pinned item is read as the post it pins.
 *
 * @example
 * const page = readAuthorFeedPage(await getXrpc(ctx, base, 'app.bsky.feed.getAuthorFeed', { actor }), 'getAuthorFeed');
 */
export function readAuthorFeedPage(json: unknown, url: string): PostPage {
  const { list, cursor } = listOf(json, 'feed', url);
  const posts: ReceivedPost[] = [];
  const skipped: SkippedItem[] = [];
  for (const item of list) {
    const wrapper = feedViewPost.safeParse(item);
    const parsed = postView.safeParse(wrapper.success ? wrapper.data.post : undefined);
    if (!wrapper.success || !parsed.success) {
      skipped.push(skippedFrom(item, wrapper.success ? parsed.error : wrapper.error));
      continue;
    }
    const reason = wrapper.data.reason;
    const isRepost = reason?.$type === 'app.bsky.feed.defs#reasonRepost' && reason.by !== undefined && reason.indexedAt !== undefined;
    posts.push({ post: parsed.data, raw: item, ...(isRepost ? { repostedBy: { handle: reason.by?.handle ?? '', indexedAt: reason.indexedAt ?? '' } } : {}) });
  }
  return { posts, skipped, ...(cursor !== undefined ? { cursor } : {}) };
}

/** Notification reasons that carry someone's post addressed to the account. */
export const NOTIFICATION_REASONS = ['reply', 'mention', 'quote'] as const;

const notificationItem = z.object({ uri: z.string(), cid: z.string(), author: z.unknown(), reason: z.string(), record: z.unknown(), indexedAt: z.string() });

/**
 * Reads a listNotifications answer `{ cursor?, notifications: Notification[] }`: a reply, mention
 * or quote becomes the post it carries (the notification is kept as `raw`); other reasons (like,
 * repost, follow) are left out silently.
 *
 * @example
 * const page = readNotificationsPage(await getXrpc(ctx, pds, 'app.bsky.notification.listNotifications', { reasons }, jwt), 'listNotifications');
 */
export function readNotificationsPage(json: unknown, url: string): PostPage {
  const { list, cursor } = listOf(json, 'notifications', url);
  const posts: ReceivedPost[] = [];
  const skipped: SkippedItem[] = [];
  for (const item of list) {
    const notification = notificationItem.safeParse(item);
    if (notification.success && !(NOTIFICATION_REASONS as readonly string[]).includes(notification.data.reason)) continue;
    const { uri, cid, author, record, indexedAt } = notification.success ? notification.data : { uri: undefined, cid: undefined, author: undefined, record: undefined, indexedAt: undefined };
    const parsed = postView.safeParse({ uri, cid, author, record, indexedAt });
    if (notification.success && parsed.success) posts.push({ post: parsed.data, raw: item });
    else skipped.push(skippedFrom(item, notification.success ? parsed.error : notification.error));
  }
  return { posts, skipped, ...(cursor !== undefined ? { cursor } : {}) };
}
