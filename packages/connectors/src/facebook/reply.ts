/** The reply capability of Facebook Pages: `POST /{object-id}/comments` as the Page (see publish.ts). */
import type { ConnectorContext, PublishedRef } from '../connector';
import { ConnectorError } from '../connector-error';
import { DEFAULT_GRAPH_VERSION, type FacebookAccountConfig } from './config';
import { checkText, OBJECT_ID, postMessage, posted } from './publish';

/**
 * The reply capability: a comment under a post, or a reply under a comment (Facebook shows
 * replies to a reply in the same thread). The mention's external id is the Graph object id.
 *
 * @example
 * const ref = await replyToObject(ctx, GRAPH_API_BASE, { account, inReplyToExternalId: '900000000000001_700000000000001', text: 'Merci !' });
 */
export async function replyToObject(ctx: ConnectorContext, base: string, request: { account: FacebookAccountConfig; inReplyToExternalId: string; text: string }): Promise<PublishedRef> {
  checkText(request.text);
  const target = request.inReplyToExternalId;
  if (!OBJECT_ID.test(target)) {
    throw new ConnectorError('invalid_request', `${target} cannot be answered through the Graph API (a rating, or not a Facebook id) / on ne peut pas y répondre par l’API Graph (un avis, ou pas un identifiant Facebook)`);
  }
  const { accessToken } = request.account;
  const version = request.account.graphVersion ?? DEFAULT_GRAPH_VERSION;
  const id = await postMessage(ctx, `${base}/${version}/${target}/comments`, accessToken, request.text);
  return posted(ctx, base, version, id, accessToken);
}
