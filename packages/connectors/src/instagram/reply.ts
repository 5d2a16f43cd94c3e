/**
 * Replying to a comment as the Instagram professional account: `POST /{ig-comment-id}/replies`
 * with `message` (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies#creating),
 * permission `instagram_manage_comments`. The answer is `{ id }`; the address (the post's
 * permalink, comments have none) is read with `GET /{id}?fields=media{permalink}`, best effort.
 *
 * No publish: an Instagram post needs an image or a video (a media container, then publishing
 * it), which Vigie does not upload. No idempotency key either: the server's draft status prevents
 * a double post.
 */
import { z } from 'zod';
import type { ConnectorContext, PublishedRef } from '../connector';
import { ConnectorError } from '../connector-error';
import { errorFromStatus } from '../kit/error-from-status';
import { codeOf } from './api';
import { DEFAULT_GRAPH_VERSION, type InstagramAccountConfig } from './config';

/** Instagram allows 2,200 characters in a comment (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments#creating). */
const MAX_LENGTH = 2200;
const ID = /^\d{1,25}$/;

const created = z.object({ id: z.string().regex(ID) });
const withMedia = z.object({ media: z.object({ permalink: z.string().startsWith('https://') }) });
const graphError = z.object({ error: z.object({ code: z.number().int(), error_subcode: z.number().int().optional(), type: z.string().optional() }) });

function parse(body: Buffer): { ok: true; json: unknown } | { ok: false; error: Error } {
  try {
    return { ok: true, json: JSON.parse(body.toString('utf8')) };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}

/** The media's permalink, or undefined (never throws: the reply exists). */
async function permalinkOf(ctx: ConnectorContext, base: string, version: string, id: string, token: string): Promise<string | undefined> {
  const url = `${base}/${version}/${id}?fields=${encodeURIComponent('media{permalink}')}`;
  try {
    const res = await ctx.http.get(url, { headers: { accept: 'application/json', authorization: `Bearer ${token}` }, signal: ctx.signal, throwHttpErrors: false });
    const body = parse(res.body);
    if (res.status >= 400 || !body.ok) return undefined;
    const parsed = withMedia.safeParse(body.json);
    return parsed.success ? parsed.data.media.permalink : undefined;
  } catch (error) {
    ctx.log('warn', 'instagram: replied, but the post’s address could not be read', { id, error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

/**
 * The reply capability: the mention's external id is the comment's id. A tagged post (not a
 * comment) cannot be answered this way: Instagram says so with Graph error 100.
 *
 * @example
 * const ref = await replyToComment(ctx, GRAPH_API_BASE, { account: { accessToken }, inReplyToExternalId: '17850000000000001', text: 'Merci !' });
 */
export async function replyToComment(ctx: ConnectorContext, base: string, request: { account: InstagramAccountConfig; inReplyToExternalId: string; text: string }): Promise<PublishedRef> {
  const target = request.inReplyToExternalId;
  if (!ID.test(target)) throw new ConnectorError('invalid_request', `${target} is not an Instagram comment id / n’est pas un identifiant de commentaire Instagram`);
  if (request.text.trim() === '') throw new ConnectorError('invalid_request', 'the reply is empty / la réponse est vide');
  if (request.text.length > MAX_LENGTH) throw new ConnectorError('invalid_request', `Instagram comments hold ${MAX_LENGTH} characters at most / les commentaires Instagram comptent ${MAX_LENGTH} caractères au plus`);
  const { accessToken } = request.account;
  const version = request.account.graphVersion ?? DEFAULT_GRAPH_VERSION;
  const url = `${base}/${version}/${target}/replies`;
  const res = await ctx.http.post(url, JSON.stringify({ message: request.text }), {
    headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    signal: ctx.signal,
    throwHttpErrors: false,
  });
  const body = parse(res.body);
  const failure = errorFromStatus(res.status, url, res.headers, ctx.now());
  if (failure !== undefined) {
    const named = body.ok ? graphError.safeParse(body.json) : undefined;
    if (named?.success !== true) throw failure;
    const { code, error_subcode: subcode, type } = named.data.error;
    const hint = code === 100 ? ': only comments can be answered (not a tagged post) / seuls les commentaires peuvent recevoir une réponse (pas une publication identifiée)' : '';
    throw new ConnectorError(codeOf(code) ?? failure.code, `${failure.message} (Graph error ${code}${subcode === undefined ? '' : `/${subcode}`}${type === undefined ? '' : ` ${type}`})${hint}`, {
      status: res.status,
      ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
    });
  }
  if (!body.ok) throw new ConnectorError('invalid_payload', `${url} did not return JSON (${body.error.message})`, { status: res.status, cause: body.error });
  const parsed = created.safeParse(body.json);
  if (!parsed.success) throw new ConnectorError('invalid_payload', `${url} did not return the id of the reply`, { status: res.status });
  const permalink = await permalinkOf(ctx, base, version, parsed.data.id, accessToken);
  return { externalId: parsed.data.id, ...(permalink !== undefined ? { url: permalink } : {}) };
}
