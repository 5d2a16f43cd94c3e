/** The reply capability of Bluesky: a post whose `reply` holds the thread's root and the mention as parent (see publish.ts). */
import type { ConnectorContext, PublishedRef } from '../connector';
import type { BlueskyAccountConfig } from './config';
import { createPost } from './publish';

/**
 * The reply capability: the mention's external id is the post's `at://` URI.
 *
 * @example
 * const ref = await replyToPost(ctx, { account, inReplyToExternalId: 'at://did:plc:abc/app.bsky.feed.post/3l3qo2vuowo2b', text: 'Merci !' });
 */
export async function replyToPost(ctx: ConnectorContext, request: { account: BlueskyAccountConfig; inReplyToExternalId: string; text: string }): Promise<PublishedRef> {
  return createPost(ctx, request.account, request.text, request.inReplyToExternalId);
}
