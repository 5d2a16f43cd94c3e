/**
 * The part of Reddit's public JSON API we call, typed from the documentation, and the one function
 * that sends a request through kit/ and classifies the answer.
 *
 * - Subreddit listing: https://www.reddit.com/dev/api/#GET_new
 * - Search: https://www.reddit.com/dev/api/#GET_search
 * - Listings (after/before/limit): https://www.reddit.com/dev/api/#listings
 * - Rules, User-Agent and rate limits (X-Ratelimit-*): https://github.com/reddit-archive/reddit/wiki/API
 * - `raw_json=1` (no HTML escaping of `&`, `<`, `>`): https://www.reddit.com/dev/api/#response_body_encoding
 */
import { z } from 'zod';
import type { ConnectorContext, SkippedItem } from '../connector';
import { ConnectorError } from '../connector-error';
import { errorFromStatus } from '../kit/error-from-status';
import { DEFAULT_USER_AGENT, REDDIT_ORIGIN, type RedditSourceConfig } from './config';

/** A link (post, `t3`) or a comment (`t1`), the fields we read. */
export const redditThing = z.object({
  kind: z.enum(['t1', 't3']),
  data: z.object({
    id: z.string().min(1).max(20),
    /** The fullname: `t3_<id>`. */
    name: z.string().min(4).max(24),
    title: z.string().optional(),
    selftext: z.string().optional(),
    selftext_html: z.string().nullish(),
    body: z.string().optional(),
    body_html: z.string().nullish(),
    author: z.string(),
    subreddit: z.string(),
    permalink: z.string().startsWith('/'),
    url: z.string().optional(),
    created_utc: z.number().positive(),
    /** `false`, or the time of the last edit in epoch seconds. */
    edited: z.union([z.boolean(), z.number()]).optional(),
    score: z.number().int().optional(),
    num_comments: z.number().int().nonnegative().optional(),
    over_18: z.boolean().optional(),
    removed_by_category: z.string().nullish(),
    link_id: z.string().optional(),
    parent_id: z.string().optional(),
  }),
});

export type RedditThing = z.infer<typeof redditThing>;

/** A validated thing and the object as received (kept as `raw`). */
export interface ReceivedThing {
  thing: RedditThing;
  raw: unknown;
}

export interface ListingPage {
  things: ReceivedThing[];
  skipped: SkippedItem[];
  /** Fullname to pass as `after` for older items; undefined at the end. */
  after?: string;
  /** `X-Ratelimit-Remaining`: requests left in the current 10-minute window. */
  rateRemaining?: number;
}

const listing = z.object({
  kind: z.literal('Listing'),
  data: z.object({ after: z.string().nullish(), before: z.string().nullish(), children: z.array(z.unknown()) }),
});

/** The base URL of a source. */
export function originOf(config: Pick<RedditSourceConfig, 'baseUrl'>): string {
  return (config.baseUrl ?? REDDIT_ORIGIN).replace(/\/+$/, '');
}

/**
 * The listing URL of a source, newest first, 100 items (the documented maximum).
 *
 * @example
 * listingUrl({ subreddit: 'france' }, { after: 't3_abc' }); // 'https://www.reddit.com/r/france/new.json?limit=100&raw_json=1&after=t3_abc'
 */
export function listingUrl(config: RedditSourceConfig, options: { after?: string; t?: string } = {}): string {
  const params = new URLSearchParams({ limit: '100', raw_json: '1' });
  let path: string;
  if (config.subreddit !== undefined) {
    path = `/r/${config.subreddit}/new.json`;
  } else {
    path = '/search.json';
    params.set('q', config.search ?? '');
    params.set('sort', 'new');
    params.set('type', 'link');
    params.set('t', options.t ?? 'all');
  }
  if (options.after !== undefined) params.set('after', options.after);
  return `${originOf(config)}${path}?${params.toString()}`;
}

/**
 * Reddit search's time window (`t`) that covers `until`, so the search does not rank in posts
 * older than asked.
 *
 * @example
 * searchWindow(new Date(Date.now() - 3 * 86_400_000), new Date()); // 'week'
 */
export function searchWindow(until: Date, now: Date): string {
  const days = (now.getTime() - until.getTime()) / 86_400_000;
  if (days <= 1 / 24) return 'hour';
  if (days <= 1) return 'day';
  if (days <= 7) return 'week';
  if (days <= 31) return 'month';
  if (days <= 365) return 'year';
  return 'all';
}

/** Reddit's `X-Ratelimit-Reset` is the number of seconds until the window resets. */
function retryAfterFromReset(value: string | undefined): number | undefined {
  const seconds = Number(value);
  return value !== undefined && Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) * 1000 : undefined;
}

function readReason(body: Buffer): string | undefined {
  try {
    const reason = (JSON.parse(body.toString('utf8')) as { reason?: unknown } | null)?.reason;
    return typeof reason === 'string' && /^[a-z_]{1,40}$/.test(reason) ? reason : undefined;
  } catch {
    // Error pages are often HTML: no reason to read, the status code says enough.
    return undefined;
  }
}

/**
 * GET one listing with the configured User-Agent. A non-2xx answer throws its ConnectorError; a
 * redirect away from the listing (Reddit sends unknown subreddits to a search page) is
 * `not_found`; a body that is not a Listing is `invalid_payload`; malformed items are skipped.
 *
 * @example
 * const page = await getListing(ctx, config, listingUrl(config));
 */
export async function getListing(ctx: ConnectorContext, config: RedditSourceConfig, url: string): Promise<ListingPage> {
  const headers = { accept: 'application/json', 'user-agent': config.userAgent ?? DEFAULT_USER_AGENT };
  const res = await ctx.http.get(url, { headers, signal: ctx.signal, throwHttpErrors: false });
  const failure = errorFromStatus(res.status, url, res.headers, ctx.now());
  if (failure !== undefined) {
    // Reddit names the cause of a 403/404 in a documented `reason` field (private, banned, quarantined…).
    const reason = readReason(res.body);
    if (reason !== undefined) throw new ConnectorError(failure.code, `${failure.message} (${reason})`, { status: res.status, retryAfterMs: failure.retryAfterMs });
    if (failure.code === 'rate_limited' && failure.retryAfterMs === undefined) {
      throw new ConnectorError('rate_limited', failure.message, { status: res.status, retryAfterMs: retryAfterFromReset(res.headers['x-ratelimit-reset']) });
    }
    throw failure;
  }
  if (new URL(res.url).pathname !== new URL(url).pathname) {
    throw new ConnectorError('not_found', `${url} redirected to ${res.url}: the subreddit does not exist / le subreddit n’existe pas`, { status: res.status });
  }
  let json: unknown;
  try {
    json = JSON.parse(res.body.toString('utf8'));
  } catch (error) {
    throw new ConnectorError('invalid_payload', `${url} did not return JSON: ${(error as Error).message}`, { status: res.status, cause: error });
  }
  const parsed = listing.safeParse(json);
  if (!parsed.success) throw new ConnectorError('invalid_payload', `${url} did not return a Listing`, { status: res.status });
  const things: ReceivedThing[] = [];
  const skipped: SkippedItem[] = [];
  for (const child of parsed.data.data.children) {
    const thing = redditThing.safeParse(child);
    if (thing.success) {
      things.push({ thing: thing.data, raw: child });
      continue;
    }
    const name = (child as { data?: { name?: unknown } } | null)?.data?.name;
    const issue = thing.error.issues[0];
    skipped.push({ reason: `malformed item: ${issue?.path.join('.') || 'item'} ${issue?.message ?? 'is invalid'}`, ...(typeof name === 'string' ? { externalId: name } : {}) });
  }
  const remaining = Number(res.headers['x-ratelimit-remaining']);
  const after = parsed.data.data.after ?? undefined;
  return {
    things,
    skipped,
    ...(after !== undefined ? { after } : {}),
    ...(res.headers['x-ratelimit-remaining'] !== undefined && Number.isFinite(remaining) ? { rateRemaining: remaining } : {}),
  };
}
