/**
 * Replying and posting as a Page, with a Page access token:
 * - a comment on a post or a reply to a comment: `POST /{object-id}/comments` with `message`
 *   (https://developers.facebook.com/docs/graph-api/reference/object/comments#publish), permission
 *   `pages_manage_engagement`;
 * - a Page post: `POST /{page-id}/feed` with `message`
 *   (https://developers.facebook.com/docs/graph-api/reference/page/feed#publish), `pages_manage_posts`.
 * Both answer `{ id }`; the address is then read with `GET /{id}?fields=permalink_url`, best effort:
 * once the post exists, a failed lookup must not turn into an error that invites a second post.
 *
 * The Graph API takes no idempotency key: the server's draft status prevents a double post. A
 * duplicate Page post (Graph error 506) is reported as `invalid_request` with that reason.
 */
import { z } from 'zod';
import type { ConnectorContext, PublishedRef } from '../connector';
import { ConnectorError } from '../connector-error';
import { errorFromGraphAnswer } from './api';
import { DEFAULT_GRAPH_VERSION, type FacebookAccountConfig } from './config';

/** Ids of Page posts (`{page-id}_{post-id}`) and of comments (`{post-id}_{comment-id}`). */
export const OBJECT_ID = /^\d{1,25}(?:_\d{1,25})*$/;

const created = z.object({ id: z.string().regex(OBJECT_ID) });
const permalink = z.object({ permalink_url: z.string().startsWith('https://') });
const graphCode = z.object({ error: z.object({ code: z.number() }) });

function graphErrorCode(body: Buffer): number | undefined {
  try {
    const parsed = graphCode.safeParse(JSON.parse(body.toString('utf8')));
    return parsed.success ? parsed.data.error.code : undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/**
 * POSTs `{ message }` with the Page token and returns the new object's id; Graph errors classified.
 *
 * @example
 * const id = await postMessage(ctx, `${base}/v23.0/104000000000001/feed`, token, 'Nouvelle version !');
 */
export async function postMessage(ctx: ConnectorContext, url: string, token: string, message: string): Promise<string> {
  const res = await ctx.http.post(url, JSON.stringify({ message }), {
    headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${token}` },
    signal: ctx.signal,
    throwHttpErrors: false,
  });
  const error = errorFromGraphAnswer(res, url, ctx.now());
  if (error !== undefined) {
    const code = graphErrorCode(res.body);
    if (code === 506) throw new ConnectorError('invalid_request', `${error.message}: duplicate content, Facebook refuses the same message twice / contenu en double, Facebook refuse deux fois le même message`, { status: res.status });
    if (code === 368) throw new ConnectorError('forbidden', `${error.message}: the Page is temporarily blocked from posting / la Page est temporairement bloquée pour publier`, { status: res.status });
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(res.body.toString('utf8'));
  } catch (e) {
    throw new ConnectorError('invalid_payload', `${url} did not return JSON (${(e as Error).message})`, { status: res.status, cause: e });
  }
  const parsed = created.safeParse(json);
  if (!parsed.success) throw new ConnectorError('invalid_payload', `${url} did not return the id of what was posted`, { status: res.status });
  return parsed.data.id;
}

/** The object's `permalink_url`, or undefined when Facebook does not give it (never throws). */
async function permalinkOf(ctx: ConnectorContext, base: string, version: string, id: string, token: string): Promise<string | undefined> {
  const url = `${base}/${version}/${id}?fields=permalink_url`;
  try {
    const res = await ctx.http.get(url, { headers: { accept: 'application/json', authorization: `Bearer ${token}` }, signal: ctx.signal, throwHttpErrors: false });
    if (res.status >= 400) return undefined;
    const parsed = permalink.safeParse(JSON.parse(res.body.toString('utf8')));
    return parsed.success ? parsed.data.permalink_url : undefined;
  } catch (error) {
    ctx.log('warn', 'facebook: posted, but its address could not be read', { id, error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

/**
 * The published reference: the id, and the permalink when Facebook gives it.
 *
 * @example
 * await posted(ctx, base, 'v23.0', '104000000000001_900000000000099', token); // { externalId, url? }
 */
export async function posted(ctx: ConnectorContext, base: string, version: string, id: string, token: string): Promise<PublishedRef> {
  const url = await permalinkOf(ctx, base, version, id, token);
  return { externalId: id, ...(url !== undefined ? { url } : {}) };
}

/** Refuses an empty message before any call. */
export function checkText(text: string): void {
  if (text.trim() === '') throw new ConnectorError('invalid_request', 'the message is empty / le message est vide');
}

/**
 * The publish capability: a text post on the account's Page.
 *
 * @example
 * const ref = await publishOnPage(ctx, GRAPH_API_BASE, { account: { pageId: '104000000000001', accessToken }, text: 'Nouvelle version !' });
 */
export async function publishOnPage(ctx: ConnectorContext, base: string, request: { account: FacebookAccountConfig; text: string; mediaUrls?: string[] }): Promise<PublishedRef> {
  checkText(request.text);
  if (request.mediaUrls !== undefined && request.mediaUrls.length > 0) {
    throw new ConnectorError('invalid_request', 'Facebook media upload is not supported yet / l’envoi de médias vers Facebook n’est pas encore pris en charge');
  }
  const { accessToken, pageId } = request.account;
  if (pageId === undefined) throw new ConnectorError('invalid_request', 'publishing needs the Page id in the account / publier demande l’identifiant de la Page dans le compte');
  const version = request.account.graphVersion ?? DEFAULT_GRAPH_VERSION;
  const id = await postMessage(ctx, `${base}/${version}/${pageId}/feed`, accessToken, request.text);
  return posted(ctx, base, version, id, accessToken);
}
