/**
 * The part of the Facebook Graph API we call for a Page, through `ctx.http` only, with a Page
 * access token in the `Authorization: Bearer` header:
 * - `GET /{page-id}/feed` and `/{page-id}/ads_posts` with the `comments` edge expanded
 *   (https://developers.facebook.com/docs/graph-api/reference/page/feed,
 *   https://developers.facebook.com/docs/graph-api/reference/page/ads_posts,
 *   https://developers.facebook.com/docs/graph-api/reference/object/comments,
 *   field expansion: https://developers.facebook.com/docs/graph-api/guides/field-expansion);
 * - `GET /{page-id}/tagged` (https://developers.facebook.com/docs/graph-api/reference/page/tagged);
 * - `GET /{page-id}/ratings` (https://developers.facebook.com/docs/graph-api/reference/page/ratings).
 * Lists are `{ data, paging: { cursors: { before, after }, next } }`
 * (https://developers.facebook.com/docs/graph-api/results). Errors are
 * `{ error: { message, type, code, error_subcode, fbtrace_id } }`, classified by `code`
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 */
import { z } from 'zod';
import type { ConnectorContext } from '../connector';
import { ConnectorError, type ConnectorErrorCode } from '../connector-error';
import { errorFromStatus } from '../kit/error-from-status';
import type { HttpResponse } from '../kit/http-client';

export const GRAPH_API_BASE = 'https://graph.facebook.com';

const graphList = z.object({
  data: z.array(z.unknown()),
  paging: z.object({ cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
});

/** A list page: items are validated one by one later, so one bad item never sinks a page. */
export interface GraphPage {
  data: unknown[];
  next?: string;
}

/**
 * @example
 * readGraphList({ data: [], paging: { cursors: { after: 'QVFI…' } } }, url); // { data: [] }
 */
export function readGraphList(payload: unknown, url: string): GraphPage {
  const page = graphList.safeParse(payload);
  if (!page.success) {
    const issue = page.error.issues[0];
    throw new ConnectorError('invalid_payload', `${url} did not return a Graph API list: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return { data: page.data.data, ...(page.data.paging?.next !== undefined ? { next: page.data.paging.next } : {}) };
}

const graphError = z.object({
  error: z.object({ message: z.string().optional(), type: z.string().optional(), code: z.number().int(), error_subcode: z.number().int().optional(), fbtrace_id: z.string().optional() }),
});

/** Documented Graph error codes → our codes. */
export function codeOfGraphError(code: number): ConnectorErrorCode | undefined {
  if (code === 190 || code === 102) return 'auth_expired';
  if (code === 4 || code === 17 || code === 32 || code === 613 || (code >= 80001 && code <= 80014)) return 'rate_limited';
  if (code === 10 || (code >= 200 && code <= 299)) return 'forbidden';
  if (code === 1 || code === 2) return 'upstream_unavailable';
  if (code === 100) return 'invalid_request';
  return undefined;
}

/** `estimated_time_to_regain_access` (minutes) from the usage headers, when Meta tells. */
function regainAccessMs(headers: Record<string, string>): number | undefined {
  let minutes: number | undefined;
  for (const name of ['x-business-use-case-usage', 'x-app-usage', 'x-page-usage']) {
    const value = headers[name];
    if (value === undefined) continue;
    // The headers are JSON keyed by object id; the one number we need is read where it appears.
    const found = [...value.matchAll(/"estimated_time_to_regain_access"\s*:\s*(\d+)/g)].map((match) => Number(match[1]));
    if (found.length > 0) minutes = Math.max(minutes ?? 0, ...found);
  }
  return minutes === undefined || minutes === 0 ? undefined : minutes * 60_000;
}

/**
 * Classifies a 4xx/5xx by the Graph error `code` when the body has one, else by status (kit);
 * rate limits take their wait from `Retry-After` or the usage headers, never invented.
 *
 * @example
 * errorFromGraphAnswer(res, url, now); // code 190 → auth_expired, 4/17/32/613 → rate_limited, 10/200-299 → forbidden
 */
export function errorFromGraphAnswer(res: HttpResponse, url: string, now: Date): ConnectorError | undefined {
  const base = errorFromStatus(res.status, url, res.headers, now);
  if (base === undefined) return undefined;
  let parsed: z.infer<typeof graphError> | undefined;
  try {
    const body = graphError.safeParse(JSON.parse(res.body.toString('utf8')));
    if (body.success) parsed = body.data;
  } catch (error) {
    // Without a Graph error body the status alone classifies the answer.
    if (!(error instanceof SyntaxError)) throw error;
  }
  if (parsed === undefined) return base;
  const { code, error_subcode: subcode, type } = parsed.error;
  const mapped = codeOfGraphError(code) ?? base.code;
  const retryAfterMs = base.retryAfterMs ?? (mapped === 'rate_limited' ? regainAccessMs(res.headers) : undefined);
  const message = `${base.message} (Graph error ${code}${subcode === undefined ? '' : `/${subcode}`}${type === undefined ? '' : ` ${type}`}${parsed.error.fbtrace_id === undefined ? '' : `, fbtrace_id ${parsed.error.fbtrace_id}`})`;
  return new ConnectorError(mapped, message, { status: res.status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
}

/**
 * A `paging.next` URL is followed only on the API's own origin (it would carry the token), and
 * without the `access_token` it embeds (the token travels in the header).
 */
export function followableNext(next: string | undefined, base: string): string | undefined {
  if (next === undefined || !URL.canParse(next)) return undefined;
  const url = new URL(next);
  if (url.origin !== new URL(base).origin) return undefined;
  url.searchParams.delete('access_token');
  return url.href;
}

/**
 * GETs one Graph list page with the token in the header.
 *
 * @example
 * const page = await fetchGraphList(ctx, `${base}/v23.0/104000000000001/tagged?fields=…`, token);
 */
export async function fetchGraphList(ctx: ConnectorContext, url: string, token: string): Promise<GraphPage> {
  const res = await ctx.http.get(url, { headers: { accept: 'application/json', authorization: `Bearer ${token}` }, signal: ctx.signal, throwHttpErrors: false });
  const error = errorFromGraphAnswer(res, url, ctx.now());
  if (error !== undefined) throw error;
  let payload: unknown;
  try {
    payload = JSON.parse(res.body.toString('utf8'));
  } catch (e) {
    throw new ConnectorError('invalid_payload', `${url} did not return JSON (${(e as Error).message})`, { cause: e });
  }
  return readGraphList(payload, url);
}

export const COMMENT_FIELDS = 'id,message,created_time,from{id,name},like_count,comment_count,parent{id},permalink_url';
export const POST_FIELDS = 'id,message,created_time,updated_time,permalink_url,from{id,name}';

/** `/{page-id}/{feed|ads_posts}` with the comments created since `since` expanded. */
export function postsUrl(base: string, version: string, pageId: string, edge: 'feed' | 'ads_posts', since: number, limit: number): string {
  const url = new URL(`${base}/${version}/${pageId}/${edge}`);
  url.searchParams.set('fields', `${POST_FIELDS},comments.filter(stream).order(reverse_chronological).since(${since}).limit(100){${COMMENT_FIELDS}}`);
  url.searchParams.set('limit', String(limit));
  return url.href;
}

/** `/{page-id}/tagged` since a Unix time. */
export function taggedUrl(base: string, version: string, pageId: string, since: number): string {
  const url = new URL(`${base}/${version}/${pageId}/tagged`);
  url.searchParams.set('fields', POST_FIELDS);
  url.searchParams.set('since', String(since));
  url.searchParams.set('limit', '100');
  return url.href;
}

/** `/{page-id}/ratings` (newest first; no `since` on this edge). */
export function ratingsUrl(base: string, version: string, pageId: string): string {
  const url = new URL(`${base}/${version}/${pageId}/ratings`);
  url.searchParams.set('fields', 'created_time,recommendation_type,rating,review_text,reviewer{id,name},open_graph_story{id}');
  url.searchParams.set('limit', '100');
  return url.href;
}
