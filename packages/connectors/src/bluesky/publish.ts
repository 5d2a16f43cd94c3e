/**
 * Posting and replying as a Bluesky account, through its PDS:
 * - session from an app password: `com.atproto.server.createSession`
 *   (https://docs.bsky.app/docs/api/com-atproto-server-create-session), created once and reused,
 *   refreshed when it expires (session.ts);
 * - the post replied to, for its `cid` and its thread's root: `app.bsky.feed.getPosts`
 *   (https://docs.bsky.app/docs/api/app-bsky-feed-get-posts), proxied by the PDS to the AppView;
 * - the post itself: `com.atproto.repo.createRecord` (https://docs.bsky.app/docs/api/com-atproto-repo-create-record)
 *   with an `app.bsky.feed.post` record whose `reply` holds `{ root, parent }` strong refs
 *   (https://docs.bsky.app/docs/advanced-guides/posts#replies).
 *
 * No idempotency key exists in the AT Protocol: a retry after a lost answer could post twice, so
 * the server's draft status (sent once, then marked) is what prevents a double post.
 */
import { z } from 'zod';
import type { ConnectorContext, PublishedRef } from '../connector';
import { ConnectorError } from '../connector-error';
import { getXrpc, postView, postXrpc } from './api';
import { serviceOf, type BlueskyAccountConfig } from './config';
import { withSession } from './session';
import { parseAtUri, postUrl } from './to-mention';

/** A post's text may hold 300 graphemes (app.bsky.feed.post lexicon, `maxGraphemes`). */
const MAX_GRAPHEMES = 300;

const createdRecord = z.object({ uri: z.string().startsWith('at://'), cid: z.string().min(1) });
const postsAnswer = z.object({ posts: z.array(z.unknown()) });

type StrongRef = { uri: string; cid: string };

function graphemes(text: string): number {
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;
}

function checkText(text: string): void {
  if (text.trim() === '') throw new ConnectorError('invalid_request', 'the post is empty / le post est vide');
  const length = graphemes(text);
  if (length > MAX_GRAPHEMES) {
    throw new ConnectorError('invalid_request', `Bluesky posts hold ${MAX_GRAPHEMES} characters at most, this one has ${length} / les posts Bluesky comptent ${MAX_GRAPHEMES} caractères au plus, celui-ci en a ${length}`);
  }
}

/** The parent's strong ref and its thread's root (the parent itself when it starts the thread). */
async function replyRefs(ctx: ConnectorContext, base: string, token: string, uri: string): Promise<{ root: StrongRef; parent: StrongRef }> {
  const json = await getXrpc(ctx, base, 'app.bsky.feed.getPosts', { uris: uri }, token);
  const answer = postsAnswer.safeParse(json);
  if (!answer.success) throw new ConnectorError('invalid_payload', `${base}/xrpc/app.bsky.feed.getPosts did not return a "posts" list`);
  const found = answer.data.posts.map((item) => postView.safeParse(item)).find((item) => item.success && item.data.uri === uri);
  if (found === undefined) throw new ConnectorError('not_found', `the post ${uri} no longer exists or is not visible / le post ${uri} n’existe plus ou n’est pas visible`);
  if (!found.success) throw new ConnectorError('invalid_payload', `${base}/xrpc/app.bsky.feed.getPosts returned a malformed post`);
  const parent = { uri: found.data.uri, cid: found.data.cid };
  return { root: found.data.record.reply?.root ?? parent, parent };
}

/**
 * Creates a post with the account's session (signing in only when none is kept), in reply to `inReplyTo` (an `at://` post URI) when given.
 *
 * @example
 * const ref = await createPost(ctx, account, 'Merci !', 'at://did:plc:abc/app.bsky.feed.post/3l3qo2vuowo2b');
 */
export async function createPost(ctx: ConnectorContext, account: BlueskyAccountConfig, text: string, inReplyTo?: string): Promise<PublishedRef> {
  checkText(text);
  if (inReplyTo !== undefined && parseAtUri(inReplyTo)?.collection !== 'app.bsky.feed.post') {
    throw new ConnectorError('invalid_request', `${inReplyTo} is not a Bluesky post (at://…/app.bsky.feed.post/…) / n’est pas un post Bluesky`);
  }
  const base = serviceOf(account);
  const { json, signedIn } = await withSession(ctx, account, async (session) => {
    const reply = inReplyTo === undefined ? undefined : await replyRefs(ctx, base, session.accessJwt, inReplyTo);
    const record = { $type: 'app.bsky.feed.post', text, createdAt: ctx.now().toISOString(), ...(reply !== undefined ? { reply } : {}) };
    return { json: await postXrpc(ctx, base, 'com.atproto.repo.createRecord', { repo: session.did, collection: 'app.bsky.feed.post', record }, session.accessJwt), signedIn: session };
  });
  const created = createdRecord.safeParse(json);
  const rkey = created.success ? parseAtUri(created.data.uri)?.rkey : undefined;
  if (!created.success || rkey === undefined) throw new ConnectorError('invalid_payload', `${base}/xrpc/com.atproto.repo.createRecord did not return the created record`);
  const handle = signedIn.handle === 'handle.invalid' ? signedIn.did : signedIn.handle;
  return { externalId: created.data.uri, url: postUrl(handle, rkey) };
}

/**
 * The publish capability: a top-level post (text only).
 *
 * @example
 * const ref = await publishPost(ctx, { account, text: 'Nouvelle version de Vigie !' });
 */
export async function publishPost(ctx: ConnectorContext, request: { account: BlueskyAccountConfig; text: string; mediaUrls?: string[] }): Promise<PublishedRef> {
  if (request.mediaUrls !== undefined && request.mediaUrls.length > 0) {
    throw new ConnectorError('invalid_request', 'Bluesky media upload is not supported yet / l’envoi de médias vers Bluesky n’est pas encore pris en charge');
  }
  return createPost(ctx, request.account, request.text);
}
