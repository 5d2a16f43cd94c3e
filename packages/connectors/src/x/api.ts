/**
 * The part of the X API v2 we call, through `ctx.http` only:
 * - recent search `GET /2/tweets/search/recent`
 *   (https://docs.x.com/x-api/posts/search-recent-posts — fields, expansions, `meta`, `next_token`);
 * - filtered stream `GET /2/tweets/search/stream` and its rules `GET|POST /2/tweets/search/stream/rules`
 *   (https://docs.x.com/x-api/posts/filtered-stream/introduction).
 * Errors are RFC 7807-style problems `{ title, detail, type, status }`; a 200 may carry partial
 * `errors[]` (deleted, suspended, protected resources)
 * (https://docs.x.com/x-api/fundamentals/response-codes-and-errors). Rate limits come as
 * `x-rate-limit-limit/remaining/reset` headers, `reset` in epoch seconds
 * (https://docs.x.com/x-api/fundamentals/rate-limits).
 */
import { z } from 'zod';
import type { ConnectorContext } from '../connector';
import { ConnectorError } from '../connector-error';
import { errorFromStatus } from '../kit/error-from-status';
import type { HttpResponse } from '../kit/http-client';

export const X_API_BASE = 'https://api.x.com';

/** The fields Vigie asks for on every read (the default object is only `id` and `text`). */
export const TWEET_FIELDS = 'created_at,lang,public_metrics,conversation_id,in_reply_to_user_id,referenced_tweets,entities,author_id,edit_history_tweet_ids';
export const USER_FIELDS = 'username,name,public_metrics,verified,profile_image_url';

export const xTweet = z.object({
  id: z.string().regex(/^\d{1,20}$/),
  text: z.string(),
  author_id: z.string().min(1),
  created_at: z.string().datetime({ offset: true }),
  lang: z.string().optional(),
  conversation_id: z.string().optional(),
  in_reply_to_user_id: z.string().optional(),
  edit_history_tweet_ids: z.array(z.string()).optional(),
  referenced_tweets: z.array(z.object({ type: z.string(), id: z.string() })).optional(),
  public_metrics: z
    .object({
      retweet_count: z.number().optional(),
      reply_count: z.number().optional(),
      like_count: z.number().optional(),
      quote_count: z.number().optional(),
      impression_count: z.number().optional(),
    })
    .optional(),
});

export type XTweet = z.infer<typeof xTweet>;

export const xUser = z.object({
  id: z.string(),
  username: z.string().min(1),
  name: z.string().optional(),
  verified: z.boolean().optional(),
  profile_image_url: z.string().optional(),
  public_metrics: z.object({ followers_count: z.number().optional() }).optional(),
});

export type XUser = z.infer<typeof xUser>;

/** A partial error inside a 200 answer: a resource that could not be returned, and why. */
export const xPartialError = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
  type: z.string().optional(),
  resource_type: z.string().optional(),
  resource_id: z.string().optional(),
  value: z.string().optional(),
});

export type XPartialError = z.infer<typeof xPartialError>;

const xSearchEnvelope = z.object({
  data: z.array(z.unknown()).optional(),
  includes: z.object({ users: z.array(z.unknown()).optional() }).optional(),
  errors: z.array(z.unknown()).optional(),
  meta: z.object({
    result_count: z.number().int().nonnegative(),
    newest_id: z.string().optional(),
    oldest_id: z.string().optional(),
    next_token: z.string().optional(),
  }),
});

/** A validated page: raw tweets are checked one by one later, so one bad item never sinks a page. */
export interface XSearchPage {
  tweets: unknown[];
  users: Map<string, XUser>;
  errors: XPartialError[];
  resultCount: number;
  newestId?: string;
  nextToken?: string;
}

/** Reads the `includes.users` join table; a malformed user is left out (its posts are then skipped). */
export function readUsers(raw: unknown[] | undefined): Map<string, XUser> {
  const users = new Map<string, XUser>();
  for (const item of raw ?? []) {
    const user = xUser.safeParse(item);
    if (user.success) users.set(user.data.id, user.data);
  }
  return users;
}

/** Reads partial errors; unreadable ones are kept as an empty problem rather than failing the page. */
export function readPartialErrors(raw: unknown[] | undefined): XPartialError[] {
  return (raw ?? []).map((item) => {
    const parsed = xPartialError.safeParse(item);
    return parsed.success ? parsed.data : {};
  });
}

/**
 * Validates one recent-search page.
 *
 * @example
 * const page = readSearchPage(JSON.parse(body), url); // { tweets, users, errors, resultCount, newestId, nextToken }
 */
export function readSearchPage(payload: unknown, url: string): XSearchPage {
  const page = xSearchEnvelope.safeParse(payload);
  if (!page.success) {
    const issue = page.error.issues[0];
    throw new ConnectorError('invalid_payload', `${url} did not return an X search page: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const { data, includes, errors, meta } = page.data;
  return {
    tweets: data ?? [],
    users: readUsers(includes?.users),
    errors: readPartialErrors(errors),
    resultCount: meta.result_count,
    ...(meta.newest_id !== undefined ? { newestId: meta.newest_id } : {}),
    ...(meta.next_token !== undefined ? { nextToken: meta.next_token } : {}),
  };
}

const xProblem = z.object({ title: z.string().optional(), detail: z.string().optional(), type: z.string().optional() });

/**
 * Turns a 4xx/5xx into its ConnectorError: classified by status (kit), the problem's `detail`
 * added for the user, and on 429 without `Retry-After` the documented `x-rate-limit-reset`.
 */
export function errorFromXAnswer(res: HttpResponse, url: string, now: Date): ConnectorError | undefined {
  const base = errorFromStatus(res.status, url, res.headers, now);
  if (base === undefined) return undefined;
  let retryAfterMs = base.retryAfterMs;
  const reset = Number.parseInt(res.headers['x-rate-limit-reset'] ?? '', 10);
  if (res.status === 429 && retryAfterMs === undefined && Number.isFinite(reset)) retryAfterMs = Math.max(0, reset * 1000 - now.getTime());
  let detail = '';
  try {
    const problem = xProblem.safeParse(JSON.parse(res.body.toString('utf8')));
    if (problem.success && (problem.data.detail ?? problem.data.title)) detail = ` (${problem.data.detail ?? problem.data.title})`;
  } catch (error) {
    // The body is only used to enrich the message; an HTML or empty error page keeps kit's wording.
    if (!(error instanceof SyntaxError)) throw error;
  }
  return new ConnectorError(base.code, `${base.message}${detail}`, { status: res.status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
}

/** Parameters of one recent-search request. */
export interface SearchRequest {
  query: string;
  maxResults: number;
  sinceId?: string;
  startTime?: string;
  endTime?: string;
  nextToken?: string;
}

export function searchUrl(base: string, request: SearchRequest): string {
  const url = new URL(`${base}/2/tweets/search/recent`);
  url.searchParams.set('query', request.query);
  url.searchParams.set('max_results', String(request.maxResults));
  url.searchParams.set('tweet.fields', TWEET_FIELDS);
  url.searchParams.set('expansions', 'author_id');
  url.searchParams.set('user.fields', USER_FIELDS);
  if (request.sinceId !== undefined) url.searchParams.set('since_id', request.sinceId);
  if (request.startTime !== undefined) url.searchParams.set('start_time', request.startTime);
  if (request.endTime !== undefined) url.searchParams.set('end_time', request.endTime);
  if (request.nextToken !== undefined) url.searchParams.set('next_token', request.nextToken);
  return url.href;
}

/** Parses a JSON body or reports `invalid_payload`. */
export function parseJson(res: HttpResponse, url: string): unknown {
  try {
    return JSON.parse(res.body.toString('utf8'));
  } catch (error) {
    throw new ConnectorError('invalid_payload', `${url} did not return JSON (${(error as Error).message})`, { cause: error });
  }
}

/**
 * One page of recent search, authenticated with the app's bearer token.
 *
 * @example
 * const page = await fetchSearchPage(ctx, X_API_BASE, token, { query: 'vigie', maxResults: 100, sinceId: '1861400000000000015' });
 */
export async function fetchSearchPage(ctx: ConnectorContext, base: string, bearerToken: string, request: SearchRequest): Promise<XSearchPage> {
  const url = searchUrl(base, request);
  const res = await ctx.http.get(url, { headers: { accept: 'application/json', authorization: `Bearer ${bearerToken}` }, signal: ctx.signal, throwHttpErrors: false });
  const error = errorFromXAnswer(res, url, ctx.now());
  if (error !== undefined) throw error;
  return readSearchPage(parseJson(res, url), url);
}
