/**
 * Posting and replying as an X account: `POST /2/tweets` with `{ text }`, and for a reply
 * `reply.in_reply_to_tweet_id` (https://docs.x.com/x-api/posts/create-post). Needs a user-context
 * token (OAuth 2.0 with `tweet.write`); an app-only bearer token is refused by X (403).
 *
 * X takes no idempotency key: a retry after a lost answer could post twice, so the server's draft
 * status is what prevents a double post. X itself refuses a text identical to a recent post of the
 * account (403 "duplicate content"), reported as `invalid_request` with that reason.
 */
import { z } from 'zod';
import type { ConnectorContext, PublishedRef } from '../connector';
import { ConnectorError } from '../connector-error';
import { errorFromXAnswer, parseJson } from './api';
import type { XAccountConfig } from './config';

const created = z.object({ data: z.object({ id: z.string().regex(/^\d{1,20}$/), text: z.string().optional() }) });
const problem = z.object({ detail: z.string().optional(), title: z.string().optional() });

/** Post ids are numeric snowflakes; the mention's external id is the post's first id (its edit history's). */
export const POST_ID = /^\d{1,20}$/;

function isDuplicate(body: Buffer): boolean {
  try {
    const parsed = problem.safeParse(JSON.parse(body.toString('utf8')));
    return parsed.success && /duplicate/i.test(`${parsed.data.detail ?? ''} ${parsed.data.title ?? ''}`);
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  }
}

/**
 * `POST /2/tweets`, in reply to `inReplyTo` (a post id) when given.
 *
 * @example
 * const ref = await createPost(ctx, X_API_BASE, { accessToken }, 'Merci !', '1861400000000000014');
 */
export async function createPost(ctx: ConnectorContext, base: string, account: XAccountConfig, text: string, inReplyTo?: string): Promise<PublishedRef> {
  if (text.trim() === '') throw new ConnectorError('invalid_request', 'the post is empty / le post est vide');
  // An OAuth-connected account keeps its user token as `bearerToken`; a pasted one is `accessToken`.
  const token = account.accessToken ?? account.bearerToken;
  if (token === undefined) throw new ConnectorError('auth_expired', 'posting on X needs a user access token (tweet.write) / publier sur X demande un jeton d’accès utilisateur (tweet.write)');
  const url = `${base}/2/tweets`;
  const body = { text, ...(inReplyTo !== undefined ? { reply: { in_reply_to_tweet_id: inReplyTo } } : {}) };
  const res = await ctx.http.post(url, JSON.stringify(body), {
    headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${token}` },
    signal: ctx.signal,
    throwHttpErrors: false,
  });
  const error = errorFromXAnswer(res, url, ctx.now());
  if (error !== undefined) {
    if (res.status === 403 && isDuplicate(res.body)) {
      throw new ConnectorError('invalid_request', `${error.message}: duplicate content, X refuses a text identical to a recent post of the account / contenu en double, X refuse un texte identique à un post récent du compte`, { status: res.status });
    }
    throw error;
  }
  const parsed = created.safeParse(parseJson(res, url));
  if (!parsed.success) throw new ConnectorError('invalid_payload', `${url} did not return the created post`, { status: res.status });
  return { externalId: parsed.data.data.id, url: `https://x.com/i/web/status/${parsed.data.data.id}` };
}

/**
 * The publish capability (text only).
 *
 * @example
 * const ref = await publishPost(ctx, X_API_BASE, { account: { accessToken }, text: 'Vigie 2.0 est sortie.' });
 */
export async function publishPost(ctx: ConnectorContext, base: string, request: { account: XAccountConfig; text: string; mediaUrls?: string[] }): Promise<PublishedRef> {
  if (request.mediaUrls !== undefined && request.mediaUrls.length > 0) {
    throw new ConnectorError('invalid_request', 'X media upload is not supported yet / l’envoi de médias vers X n’est pas encore pris en charge');
  }
  return createPost(ctx, base, request.account, request.text);
}
