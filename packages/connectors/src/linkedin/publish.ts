/**
 * Commenting and posting as an organisation, through the versioned Community Management API
 * (headers `LinkedIn-Version`, `X-Restli-Protocol-Version: 2.0.0`), permission `w_organization_social`:
 * - a comment on a post, or a reply to a comment: `POST /rest/socialActions/{URN}/comments` with
 *   `{ actor, object, message: { text }, parentComment? }`; the answer (201) is the created comment
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api#create-a-comment);
 * - a post: `POST /rest/posts`; the answer (201) has no body, the post's URN is in `x-restli-id`
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api#create-a-text-only-post).
 * LinkedIn comments have two levels: a reply to a reply must target the top-level comment.
 * No idempotency key: the server's draft status prevents a double post; LinkedIn refuses a post
 * that duplicates a recent one (422), reported as `invalid_request` with that reason.
 */
import type { ConnectorContext, PublishedRef } from '../connector';
import { ConnectorError } from '../connector-error';
import { errorFromStatus } from '../kit/error-from-status';
import type { HttpResponse } from '../kit/http-client';
import { CODES, linkedinError } from './api';
import { DEFAULT_API_VERSION, type LinkedinAccountConfig } from './config';

export const POST_URN = /^urn:li:(?:share|ugcPost|activity):\d{1,25}$/;
/** Posts hold 3,000 characters (LinkedIn's limit in its interface and API). */
const MAX_POST = 3000;

/** Posts' `commentary` is "little text": these characters must be escaped with a backslash (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format). */
export function escapeLittleText(text: string): string {
  return text.replace(/[\\|{}@[\]()<>#*_~]/g, (c) => `\\${c}`);
}

function headersOf(account: LinkedinAccountConfig): Record<string, string> {
  return {
    accept: 'application/json',
    'content-type': 'application/json',
    authorization: `Bearer ${account.accessToken}`,
    'linkedin-version': account.apiVersion ?? DEFAULT_API_VERSION,
    'x-restli-protocol-version': '2.0.0',
  };
}

function parseBody(res: HttpResponse): { json?: unknown; error?: Error } {
  const text = res.body.toString('utf8');
  if (text.trim() === '') return {};
  try {
    return { json: JSON.parse(text) };
  } catch (error) {
    return { error: error as Error };
  }
}

/**
 * POSTs a JSON body with the versioned headers; LinkedIn errors classified (a duplicate post is
 * `invalid_request` saying so).
 *
 * @example
 * const { res, json } = await send(ctx, `${base}/rest/posts`, account, body);
 */
export async function send(ctx: ConnectorContext, url: string, account: LinkedinAccountConfig, body: unknown): Promise<{ res: HttpResponse; json?: unknown; parseError?: Error }> {
  const res = await ctx.http.post(url, JSON.stringify(body), { headers: headersOf(account), signal: ctx.signal, throwHttpErrors: false });
  const parsed = parseBody(res);
  const failure = errorFromStatus(res.status, url, res.headers, ctx.now());
  if (failure !== undefined) {
    const named = linkedinError.safeParse(parsed.json);
    if (!named.success || (named.data.code === undefined && named.data.message === undefined)) throw failure;
    const { code, serviceErrorCode, message } = named.data;
    const detail = ` (${[code, serviceErrorCode, message].filter((part) => part !== undefined).join(' ')})`;
    const options = { status: res.status, ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}) };
    if (/duplicate/i.test(message ?? '') || code === 'DUPLICATE_POST') {
      throw new ConnectorError('invalid_request', `${failure.message}${detail}: duplicate content, LinkedIn refuses the same text twice / contenu en double, LinkedIn refuse deux fois le même texte`, options);
    }
    throw new ConnectorError((code === undefined ? undefined : CODES[code]) ?? failure.code, failure.message + detail, options);
  }
  return { res, ...(parsed.json !== undefined ? { json: parsed.json } : {}), ...(parsed.error !== undefined ? { parseError: parsed.error } : {}) };
}

/**
 * The publish capability: a public text post of the organisation.
 *
 * @example
 * const ref = await publishAsOrganisation(ctx, LINKEDIN_API_BASE, { account, text: 'Nouvelle version de Vigie !' });
 */
export async function publishAsOrganisation(ctx: ConnectorContext, base: string, request: { account: LinkedinAccountConfig; text: string; mediaUrls?: string[] }): Promise<PublishedRef> {
  if (request.mediaUrls !== undefined && request.mediaUrls.length > 0) {
    throw new ConnectorError('invalid_request', 'LinkedIn media upload is not supported yet / l’envoi de médias vers LinkedIn n’est pas encore pris en charge');
  }
  if (request.text.trim() === '') throw new ConnectorError('invalid_request', 'the post is empty / le post est vide');
  if (request.text.length > MAX_POST) throw new ConnectorError('invalid_request', `LinkedIn posts hold ${MAX_POST} characters at most / les posts LinkedIn comptent ${MAX_POST} caractères au plus`);
  const url = `${base}/rest/posts`;
  const body = {
    author: request.account.organizationUrn,
    commentary: escapeLittleText(request.text),
    visibility: 'PUBLIC',
    distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    lifecycleState: 'PUBLISHED',
    isReshareDisabledByAuthor: false,
  };
  const { res } = await send(ctx, url, request.account, body);
  const urn = res.headers['x-restli-id'];
  if (urn === undefined || !POST_URN.test(urn)) throw new ConnectorError('invalid_payload', `${url} did not return the URN of the created post (x-restli-id)`, { status: res.status });
  return { externalId: urn, url: `https://www.linkedin.com/feed/update/${encodeURIComponent(urn)}/` };
}
