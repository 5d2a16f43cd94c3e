/**
 * Bluesky post → MentionInput. Pure: same input, same output.
 *
 * Choices (see README.md): the external id is the post's `at://` URI; a repost in an author feed
 * becomes the reposted post (the feed item, with the reposter, stays in `raw`); posts are plain
 * text (no `html`); the date is the earlier of the record's `createdAt` (set by the client) and
 * the AppView's `indexedAt`, so a post dated in the future cannot jump the queue.
 */
import type { MentionInput } from '@vigie/core';
import type { SkippedItem } from '../connector';
import type { PostRecord, ReceivedPost } from './api';

/** `at://<did>/app.bsky.feed.post/<rkey>` → its parts. */
export function parseAtUri(uri: string): { did: string; collection: string; rkey: string } | undefined {
  const match = /^at:\/\/([^/]+)\/([^/]+)\/([^/?#]+)$/.exec(uri);
  return match?.[1] === undefined || match[2] === undefined || match[3] === undefined ? undefined : { did: match[1], collection: match[2], rkey: match[3] };
}

/**
 * The bsky.app address of a post (the handle when valid, else the DID).
 *
 * @example
 * postUrl('alice.bsky.social', 'at://did:plc:abc/app.bsky.feed.post/3l3qo2vuowo2b'); // 'https://bsky.app/profile/alice.bsky.social/post/3l3qo2vuowo2b'
 */
export function postUrl(handleOrDid: string, rkey: string): string {
  return `https://bsky.app/profile/${encodeURIComponent(handleOrDid)}/post/${encodeURIComponent(rkey)}`;
}

function primaryLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary !== undefined && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

function earlier(a: string, b: string | undefined): string {
  const first = Date.parse(a);
  const second = b === undefined ? Number.NaN : Date.parse(b);
  return new Date(Number.isNaN(second) || first <= second ? first : second).toISOString();
}

/** What both a PostView and a Jetstream commit provide about a post. */
export interface PostParts {
  uri: string;
  did: string;
  /** Undefined when only the DID is known (Jetstream events carry no handle). */
  handle?: string;
  displayName?: string;
  avatar?: string;
  record: PostRecord;
  indexedAt?: string;
  engagement: MentionInput['engagement'];
  raw: unknown;
}

/**
 * The mention of one post, or why it was left out.
 *
 * @example
 * fromPostParts({ uri, did, handle: 'alice.bsky.social', record, engagement: {}, raw });
 */
export function fromPostParts(parts: PostParts): { mention: MentionInput } | { skipped: SkippedItem } {
  const location = parseAtUri(parts.uri);
  if (location === undefined) return { skipped: { reason: 'not an at:// post URI', externalId: parts.uri } };
  const text = parts.record.text.trim();
  if (text === '') return { skipped: { reason: 'no text (media or quote only)', externalId: parts.uri } };
  const handle = parts.handle !== undefined && parts.handle !== 'handle.invalid' ? parts.handle : undefined;
  const profile = handle ?? parts.did;
  const name = parts.displayName?.trim();
  const reply = parts.record.reply;
  const mention: MentionInput = {
    connector: 'bluesky',
    externalId: parts.uri,
    url: postUrl(profile, location.rkey),
    author: {
      handle: handle === undefined ? parts.did : `@${handle}`,
      ...(name ? { name } : {}),
      url: `https://bsky.app/profile/${encodeURIComponent(profile)}`,
      ...(parts.avatar !== undefined && /^https:\/\//.test(parts.avatar) ? { avatarUrl: parts.avatar } : {}),
    },
    text,
    publishedAt: earlier(parts.record.createdAt, parts.indexedAt),
    engagement: parts.engagement,
    kind: reply === undefined ? 'post' : 'reply',
    raw: parts.raw,
  };
  if (reply !== undefined) {
    mention.replyToExternalId = reply.parent.uri;
    mention.threadExternalId = reply.root.uri;
  }
  const lang = primaryLanguage(parts.record.langs?.[0]);
  if (lang !== undefined) mention.lang = lang;
  return { mention };
}

/**
 * A post from searchPosts or getAuthorFeed → its mention.
 *
 * @example
 * toMention({ post, raw: post }); // { mention: { connector: 'bluesky', externalId: 'at://…', … } }
 */
export function toMention(received: ReceivedPost): { mention: MentionInput } | { skipped: SkippedItem } {
  const { post } = received;
  const engagement: MentionInput['engagement'] = {};
  if (post.likeCount !== undefined) engagement.likes = post.likeCount;
  if (post.repostCount !== undefined) engagement.reposts = post.repostCount;
  if (post.replyCount !== undefined) engagement.replies = post.replyCount;
  if (post.quoteCount !== undefined) engagement.quotes = post.quoteCount;
  return fromPostParts({
    uri: post.uri,
    did: post.author.did,
    handle: post.author.handle,
    ...(post.author.displayName !== undefined ? { displayName: post.author.displayName } : {}),
    ...(post.author.avatar !== undefined ? { avatar: post.author.avatar } : {}),
    record: post.record,
    indexedAt: post.indexedAt,
    engagement,
    raw: received.raw,
  });
}

/**
 * Normalises a page of posts, collecting the skipped ones.
 *
 * @example
 * const { mentions, skipped } = toMentions(readSearchPage(json, url).posts);
 */
export function toMentions(posts: ReceivedPost[]): { mentions: MentionInput[]; skipped: SkippedItem[] } {
  const mentions: MentionInput[] = [];
  const skipped: SkippedItem[] = [];
  for (const received of posts) {
    const result = toMention(received);
    if ('mention' in result) mentions.push(result.mention);
    else skipped.push(result.skipped);
  }
  return { mentions, skipped };
}
