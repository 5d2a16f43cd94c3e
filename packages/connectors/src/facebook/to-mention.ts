/**
 * Graph API posts, comments and ratings → MentionInput. Pure.
 */
import type { MentionInput } from '@vigie/core';
import { z } from 'zod';
import type { SkippedItem } from '../connector';

const from = z.object({ id: z.string(), name: z.string().optional() });

export const fbComment = z.object({
  id: z.string().min(1),
  message: z.string().optional(),
  created_time: z.string().min(1),
  from: from.optional(),
  like_count: z.number().int().optional(),
  comment_count: z.number().int().optional(),
  parent: z.object({ id: z.string() }).optional(),
  permalink_url: z.string().optional(),
});

export const fbPost = z.object({
  id: z.string().min(1),
  message: z.string().optional(),
  created_time: z.string().min(1),
  updated_time: z.string().optional(),
  permalink_url: z.string().optional(),
  from: from.optional(),
  comments: z.object({ data: z.array(z.unknown()), paging: z.object({ next: z.string().optional() }).optional() }).optional(),
});

export type FbPost = z.infer<typeof fbPost>;

export const fbRating = z.object({
  created_time: z.string().min(1),
  recommendation_type: z.enum(['positive', 'negative']).optional(),
  rating: z.number().optional(),
  review_text: z.string().optional(),
  reviewer: from.optional(),
  open_graph_story: z.object({ id: z.string() }).optional(),
});

/** A normalised item and its version (a hash of its text: Graph gives comments no edit time). */
export interface FbItem {
  mention: MentionInput;
  version: string;
}

export type FbOutcome = { item: FbItem } | { skipped: SkippedItem };

/** FNV-1a, 32 bits: enough to notice an edited text, small in the state. */
export function textVersion(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** Graph times look like `2026-11-26T10:15:00+0000`; ISO needs the colon in the offset. */
export function graphTime(value: string): string | undefined {
  const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function https(url: string | undefined): string | undefined {
  return url !== undefined && URL.canParse(url) && new URL(url).protocol === 'https:' ? url : undefined;
}

function author(who: z.infer<typeof from> | undefined): MentionInput['author'] {
  // Graph withholds `from` for people who have not granted the app access in some contexts.
  if (who === undefined) return { handle: 'facebook-user', name: 'Facebook user / Utilisateur Facebook' };
  return { handle: who.name ?? who.id, ...(who.name !== undefined ? { name: who.name } : {}), url: `https://www.facebook.com/${encodeURIComponent(who.id)}` };
}

function idOf(raw: unknown): string | undefined {
  return typeof raw === 'object' && raw !== null && 'id' in raw && typeof (raw as { id: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
}

function malformed(kind: string, raw: unknown, issue: z.core.$ZodIssue | undefined): FbOutcome {
  const id = idOf(raw);
  return { skipped: { reason: `malformed ${kind}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), ...(id !== undefined ? { externalId: id } : {}) } };
}

/**
 * A comment on a Page post (or on an ad's post): a reply to the post, or to another comment.
 *
 * @example
 * commentToItem({ id: '1_2', message: 'Merci !', created_time: '2026-11-26T10:15:00+0000', from: { id: '9', name: 'Jeanne' } }, '1');
 */
export function commentToItem(raw: unknown, postId: string): FbOutcome {
  const parsed = fbComment.safeParse(raw);
  if (!parsed.success) return malformed('comment', raw, parsed.error.issues[0]);
  const comment = parsed.data;
  const publishedAt = graphTime(comment.created_time);
  if (publishedAt === undefined) return { skipped: { reason: `unreadable created_time "${comment.created_time}"`, externalId: comment.id } };
  const text = (comment.message ?? '').trim();
  // A sticker or photo comment has no message: nothing to read or answer in text.
  if (text === '') return { skipped: { reason: 'comment without text (sticker or photo)', externalId: comment.id } };
  const engagement: MentionInput['engagement'] = {};
  if (comment.like_count !== undefined) engagement.likes = comment.like_count;
  if (comment.comment_count !== undefined) engagement.replies = comment.comment_count;
  const url = https(comment.permalink_url);
  const mention: MentionInput = {
    connector: 'facebook',
    externalId: comment.id,
    author: author(comment.from),
    text,
    publishedAt,
    engagement,
    kind: comment.parent === undefined ? 'comment' : 'reply',
    replyToExternalId: comment.parent?.id ?? postId,
    threadExternalId: postId,
    raw: comment,
    ...(url !== undefined ? { url } : {}),
  };
  return { item: { mention, version: textVersion(text) } };
}

/**
 * A post by someone else: a visitor post on the Page, or a post tagging the Page.
 *
 * @example
 * postToItem({ id: '1_3', message: 'Bravo', created_time: '2026-11-26T10:15:00+0000', from: { id: '9', name: 'Jeanne' } });
 */
export function postToItem(post: FbPost): FbOutcome {
  const publishedAt = graphTime(post.created_time);
  if (publishedAt === undefined) return { skipped: { reason: `unreadable created_time "${post.created_time}"`, externalId: post.id } };
  const text = (post.message ?? '').trim();
  if (text === '') return { skipped: { reason: 'post without text', externalId: post.id } };
  const url = https(post.permalink_url);
  const mention: MentionInput = { connector: 'facebook', externalId: post.id, author: author(post.from), text, publishedAt, engagement: {}, kind: 'post', threadExternalId: post.id, raw: { ...post, comments: undefined }, ...(url !== undefined ? { url } : {}) };
  return { item: { mention, version: textVersion(text) } };
}

/**
 * A rating or recommendation of the Page. Ratings have no id of their own: the story id when
 * Graph gives it, else reviewer and time.
 *
 * @example
 * ratingToItem({ created_time: '2026-11-26T10:15:00+0000', recommendation_type: 'positive', review_text: 'Top', reviewer: { id: '9', name: 'Jeanne' } }, '104000000000001');
 */
export function ratingToItem(raw: unknown, pageId: string): FbOutcome {
  const parsed = fbRating.safeParse(raw);
  if (!parsed.success) return malformed('rating', raw, parsed.error.issues[0]);
  const rating = parsed.data;
  const publishedAt = graphTime(rating.created_time);
  const externalId = rating.open_graph_story?.id ?? `rating:${pageId}:${rating.reviewer?.id ?? 'anonymous'}:${rating.created_time}`;
  if (publishedAt === undefined) return { skipped: { reason: `unreadable created_time "${rating.created_time}"`, externalId } };
  const verdict = rating.recommendation_type === 'negative' ? 'Does not recommend / Ne recommande pas' : rating.recommendation_type === 'positive' ? 'Recommends / Recommande' : rating.rating !== undefined ? `${rating.rating}/5` : '';
  const text = (rating.review_text ?? '').trim() || verdict;
  if (text === '') return { skipped: { reason: 'rating without text or verdict', externalId } };
  const mention: MentionInput = { connector: 'facebook', externalId, author: author(rating.reviewer), title: verdict || undefined, text, publishedAt, engagement: {}, kind: 'post', raw: rating };
  if (mention.title === undefined) delete mention.title;
  return { item: { mention, version: textVersion(`${verdict}|${text}`) } };
}

/** Reads a post envelope (with its expanded comments) or says why not. */
export function readPost(raw: unknown): { post: FbPost } | { skipped: SkippedItem } {
  const parsed = fbPost.safeParse(raw);
  if (!parsed.success) {
    const outcome = malformed('post', raw, parsed.error.issues[0]);
    return 'skipped' in outcome ? outcome : { skipped: { reason: 'malformed post' } };
  }
  return { post: parsed.data };
}
