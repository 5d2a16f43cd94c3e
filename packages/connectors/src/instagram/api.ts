/**
 * The part of the Instagram Graph API we call, through `ctx.http` only, with the token in the
 * `Authorization: Bearer` header:
 * - `GET /{ig-user-id}/media` with `comments{…,replies{…}}` expanded
 *   (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media,
 *   https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments,
 *   https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment);
 * - `GET /{ig-user-id}/tags` (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/tags).
 * Lists and errors are the Graph API's (https://developers.facebook.com/docs/graph-api/results,
 * https://developers.facebook.com/docs/graph-api/guides/error-handling).
 */
import { z } from 'zod';
import type { ConnectorContext } from '../connector';
import { ConnectorError, type ConnectorErrorCode } from '../connector-error';
import { errorFromStatus } from '../kit/error-from-status';

export const GRAPH_API_BASE = 'https://graph.facebook.com';

const graphList = z.object({ data: z.array(z.unknown()), paging: z.object({ next: z.string().optional() }).optional() });

export interface GraphPage {
  data: unknown[];
  next?: string;
}

/**
 * @example
 * readGraphList({ data: [] }, url); // { data: [] }
 */
export function readGraphList(payload: unknown, url: string): GraphPage {
  const page = graphList.safeParse(payload);
  if (!page.success) {
    const issue = page.error.issues[0];
    throw new ConnectorError('invalid_payload', `${url} did not return a Graph API list: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return { data: page.data.data, ...(page.data.paging?.next !== undefined ? { next: page.data.paging.next } : {}) };
}

const graphError = z.object({ error: z.object({ code: z.number().int(), error_subcode: z.number().int().optional(), type: z.string().optional() }) });

/** Documented Graph error codes → our codes (the same table as Facebook Pages). */
export function codeOf(code: number): ConnectorErrorCode | undefined {
  if (code === 190 || code === 102) return 'auth_expired';
  if (code === 4 || code === 17 || code === 32 || code === 613 || (code >= 80001 && code <= 80014)) return 'rate_limited';
  if (code === 10 || (code >= 200 && code <= 299)) return 'forbidden';
  if (code === 1 || code === 2) return 'upstream_unavailable';
  if (code === 100) return 'invalid_request';
  return undefined;
}

/** Only on the API's own origin, without the `access_token` the link embeds. */
export function followableNext(next: string | undefined, base: string): string | undefined {
  if (next === undefined || !URL.canParse(next)) return undefined;
  const url = new URL(next);
  if (url.origin !== new URL(base).origin) return undefined;
  url.searchParams.delete('access_token');
  return url.href;
}

/**
 * GETs one Graph list page; a 4xx/5xx is classified by its Graph `code` when it has one.
 *
 * @example
 * const page = await fetchGraphList(ctx, `${base}/v23.0/17841400000000001/tags?fields=…`, token);
 */
export async function fetchGraphList(ctx: ConnectorContext, url: string, token: string): Promise<GraphPage> {
  const res = await ctx.http.get(url, { headers: { accept: 'application/json', authorization: `Bearer ${token}` }, signal: ctx.signal, throwHttpErrors: false });
  const base = errorFromStatus(res.status, url, res.headers, ctx.now());
  let payload: unknown;
  try {
    payload = JSON.parse(res.body.toString('utf8'));
  } catch (e) {
    if (base !== undefined) throw base;
    throw new ConnectorError('invalid_payload', `${url} did not return JSON (${(e as Error).message})`, { cause: e });
  }
  if (base !== undefined) {
    const error = graphError.safeParse(payload);
    if (!error.success) throw base;
    const { code, error_subcode: subcode, type } = error.data.error;
    throw new ConnectorError(codeOf(code) ?? base.code, `${base.message} (Graph error ${code}${subcode === undefined ? '' : `/${subcode}`}${type === undefined ? '' : ` ${type}`})`, {
      status: res.status,
      ...(base.retryAfterMs !== undefined ? { retryAfterMs: base.retryAfterMs } : {}),
    });
  }
  return readGraphList(payload, url);
}

const COMMENT_FIELDS = 'id,text,timestamp,username,like_count,from{id,username},parent_id';

/** `/{ig-user-id}/media` with each medium's comments and their replies expanded. */
export function mediaUrl(base: string, version: string, igUserId: string, limit: number): string {
  const url = new URL(`${base}/${version}/${igUserId}/media`);
  url.searchParams.set('fields', `id,caption,timestamp,permalink,media_type,comments_count,comments.limit(50){${COMMENT_FIELDS},replies{${COMMENT_FIELDS}}}`);
  url.searchParams.set('limit', String(limit));
  return url.href;
}

/** `/{ig-user-id}/tags`: media where other accounts tagged this one. */
export function tagsUrl(base: string, version: string, igUserId: string): string {
  const url = new URL(`${base}/${version}/${igUserId}/tags`);
  url.searchParams.set('fields', 'id,caption,timestamp,permalink,username,media_type,comments_count,like_count');
  url.searchParams.set('limit', '50');
  return url.href;
}
