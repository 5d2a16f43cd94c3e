/** The reply capability of X: `POST /2/tweets` with `reply.in_reply_to_tweet_id` (see publish.ts). */
import type { ConnectorContext, PublishedRef } from '../connector';
import { ConnectorError } from '../connector-error';
import type { XAccountConfig } from './config';
import { createPost, POST_ID } from './publish';

/**
 * The reply capability.
 *
 * @example
 * const ref = await replyToPost(ctx, X_API_BASE, { account: { accessToken }, inReplyToExternalId: '1861400000000000014', text: 'Merci !' });
 */
export async function replyToPost(ctx: ConnectorContext, base: string, request: { account: XAccountConfig; inReplyToExternalId: string; text: string }): Promise<PublishedRef> {
  if (!POST_ID.test(request.inReplyToExternalId)) throw new ConnectorError('invalid_request', `${request.inReplyToExternalId} is not an X post id / n’est pas un identifiant de post X`);
  return createPost(ctx, base, request.account, request.text, request.inReplyToExternalId);
}
