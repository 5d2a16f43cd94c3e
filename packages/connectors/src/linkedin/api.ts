/**
 * The part of LinkedIn's Community Management API we call (versioned `/rest` APIs, headers
 * `LinkedIn-Version: YYYYMM` and `X-Restli-Protocol-Version: 2.0.0`), through `ctx.http` only:
 * - `GET /rest/posts?q=author&author={org URN}&sortBy=LAST_MODIFIED`
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api);
 * - `GET /rest/socialActions/{post URN}/comments?start=&count=`
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api).
 * Collections are `{ elements, paging: { start, count, total } }`
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/pagination); errors are
 * `{ status, serviceErrorCode, code, message }`
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling).
 */
import { z } from 'zod';
import type { ConnectorContext } from '../connector';
import { ConnectorError, type ConnectorErrorCode } from '../connector-error';
import { errorFromStatus } from '../kit/error-from-status';

export const LINKEDIN_API_BASE = 'https://api.linkedin.com';

const collection = z.object({
  elements: z.array(z.unknown()),
  paging: z.object({ start: z.number().int().optional(), count: z.number().int().optional(), total: z.number().int().optional() }).optional(),
});

export interface LinkedinPage {
  elements: unknown[];
  /** The `start` of the next page, when there is one. */
  nextStart?: number;
}

/**
 * @example
 * readCollection({ elements: [], paging: { start: 0, count: 10, total: 0 } }, url); // { elements: [] }
 */
export function readCollection(payload: unknown, url: string, start: number): LinkedinPage {
  const page = collection.safeParse(payload);
  if (!page.success) {
    const issue = page.error.issues[0];
    throw new ConnectorError('invalid_payload', `${url} did not return a LinkedIn collection: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const { elements, paging } = page.data;
  const next = start + elements.length;
  const more = elements.length > 0 && paging?.total !== undefined && next < paging.total;
  return { elements, ...(more ? { nextStart: next } : {}) };
}

export const linkedinError = z.object({ code: z.string().optional(), serviceErrorCode: z.number().optional(), message: z.string().optional() });

/** Documented error `code`s → our codes; others keep kit's status classification. */
export const CODES: Record<string, ConnectorErrorCode> = {
  EXPIRED_ACCESS_TOKEN: 'auth_expired',
  REVOKED_ACCESS_TOKEN: 'auth_expired',
  INVALID_ACCESS_TOKEN: 'auth_expired',
  ACCESS_DENIED: 'forbidden',
  TOO_MANY_REQUESTS: 'rate_limited',
};

/**
 * GETs one collection page with the versioned headers.
 *
 * @example
 * const page = await fetchCollection(ctx, commentsUrl(base, 'urn:li:share:7…', 0), token, '202510', 0);
 */
export async function fetchCollection(ctx: ConnectorContext, url: string, token: string, version: string, start: number): Promise<LinkedinPage> {
  const res = await ctx.http.get(url, {
    headers: { accept: 'application/json', authorization: `Bearer ${token}`, 'linkedin-version': version, 'x-restli-protocol-version': '2.0.0' },
    signal: ctx.signal,
    throwHttpErrors: false,
  });
  const base = errorFromStatus(res.status, url, res.headers, ctx.now());
  let payload: unknown;
  try {
    payload = JSON.parse(res.body.toString('utf8'));
  } catch (e) {
    if (base !== undefined) throw base;
    throw new ConnectorError('invalid_payload', `${url} did not return JSON (${(e as Error).message})`, { cause: e });
  }
  if (base !== undefined) {
    const error = linkedinError.safeParse(payload);
    const code = error.success ? error.data.code : undefined;
    if (code === undefined) throw base;
    throw new ConnectorError(CODES[code] ?? base.code, `${base.message} (${code}${error.success && error.data.serviceErrorCode !== undefined ? ` ${error.data.serviceErrorCode}` : ''})`, {
      status: res.status,
      ...(base.retryAfterMs !== undefined ? { retryAfterMs: base.retryAfterMs } : {}),
    });
  }
  return readCollection(payload, url, start);
}

/** Comments on one post (share, ugcPost or activity URN), a page of up to 100 from `start`. */
export function commentsUrl(base: string, postUrn: string, start: number): string {
  return `${base}/rest/socialActions/${encodeURIComponent(postUrn)}/comments?start=${start}&count=100`;
}

/** The organisation's latest posts. */
export function postsUrl(base: string, organizationUrn: string, count: number): string {
  return `${base}/rest/posts?q=author&author=${encodeURIComponent(organizationUrn)}&count=${count}&sortBy=LAST_MODIFIED`;
}
