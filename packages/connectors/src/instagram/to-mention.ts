/**
 * Instagram media, comments and tags → MentionInput. Pure.
 */
import type { MentionInput } from '@vigie/core';
import { z } from 'zod';
import type { SkippedItem } from '../connector';

export const igComment = z.object({
  id: z.string().min(1),
  text: z.string().optional(),
  timestamp: z.string().min(1),
  username: z.string().optional(),
  like_count: z.number().int().optional(),
  from: z.object({ id: z.string(), username: z.string().optional() }).optional(),
  parent_id: z.string().optional(),
  replies: z.object({ data: z.array(z.unknown()) }).optional(),
});

export const igMedia = z.object({
  id: z.string().min(1),
  caption: z.string().optional(),
  timestamp: z.string().min(1),
  permalink: z.string().optional(),
  username: z.string().optional(),
  media_type: z.string().optional(),
  comments_count: z.number().int().optional(),
  like_count: z.number().int().optional(),
  comments: z.object({ data: z.array(z.unknown()), paging: z.object({ next: z.string().optional() }).optional() }).optional(),
});

export type IgMedia = z.infer<typeof igMedia>;

export type IgOutcome = { mention: MentionInput } | { skipped: SkippedItem };

/** Graph times look like `2026-11-26T09:12:00+0000`; ISO needs the colon in the offset. */
export function graphTime(value: string): string | undefined {
  const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function idOf(raw: unknown): string | undefined {
  return typeof raw === 'object' && raw !== null && 'id' in raw && typeof (raw as { id: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
}

function skippedMalformed(kind: string, raw: unknown, issue: z.core.$ZodIssue | undefined): IgOutcome {
  const id = idOf(raw);
  return { skipped: { reason: `malformed ${kind}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), ...(id !== undefined ? { externalId: id } : {}) } };
}

function profile(username: string): MentionInput['author'] {
  return { handle: `@${username}`, url: `https://www.instagram.com/${encodeURIComponent(username)}/` };
}

function permalink(value: string | undefined): string | undefined {
  return value !== undefined && URL.canParse(value) && new URL(value).protocol === 'https:' ? value : undefined;
}

/**
 * A comment (or a reply, with `parentId`) on a medium, with its replies after it.
 *
 * @example
 * commentToMentions({ id: '1790…', text: 'Trop beau', timestamp: '2026-11-26T09:12:00+0000', username: 'jeanne' }, media);
 */
export function commentToMentions(raw: unknown, media: IgMedia, parentId?: string): IgOutcome[] {
  const parsed = igComment.safeParse(raw);
  if (!parsed.success) return [skippedMalformed('comment', raw, parsed.error.issues[0])];
  const comment = parsed.data;
  const publishedAt = graphTime(comment.timestamp);
  const username = comment.username ?? comment.from?.username;
  const replies = (comment.replies?.data ?? []).flatMap((reply) => commentToMentions(reply, media, comment.id));
  if (publishedAt === undefined) return [{ skipped: { reason: `unreadable timestamp "${comment.timestamp}"`, externalId: comment.id } }, ...replies];
  if (username === undefined) return [{ skipped: { reason: 'comment without username', externalId: comment.id } }, ...replies];
  const text = (comment.text ?? '').trim();
  if (text === '') return [{ skipped: { reason: 'empty comment', externalId: comment.id } }, ...replies];
  const parent = comment.parent_id ?? parentId;
  const url = permalink(media.permalink);
  const mention: MentionInput = {
    connector: 'instagram',
    externalId: comment.id,
    author: profile(username),
    text,
    publishedAt,
    engagement: comment.like_count === undefined ? {} : { likes: comment.like_count },
    kind: parent === undefined ? 'comment' : 'reply',
    replyToExternalId: parent ?? media.id,
    threadExternalId: media.id,
    raw: { ...comment, replies: undefined },
    ...(url !== undefined ? { url } : {}),
  };
  return [{ mention }, ...replies];
}

/**
 * A medium another account tagged this one in.
 *
 * @example
 * taggedToMention({ id: '1800…', caption: 'Avec @mairie', timestamp: '2026-11-26T07:00:00+0000', username: 'lea' });
 */
export function taggedToMention(raw: unknown): IgOutcome {
  const parsed = igMedia.safeParse(raw);
  if (!parsed.success) return skippedMalformed('tagged media', raw, parsed.error.issues[0]);
  const media = parsed.data;
  const publishedAt = graphTime(media.timestamp);
  if (publishedAt === undefined) return { skipped: { reason: `unreadable timestamp "${media.timestamp}"`, externalId: media.id } };
  if (media.username === undefined) return { skipped: { reason: 'tagged media without username', externalId: media.id } };
  const url = permalink(media.permalink);
  const engagement: MentionInput['engagement'] = {};
  if (media.like_count !== undefined) engagement.likes = media.like_count;
  if (media.comments_count !== undefined) engagement.replies = media.comments_count;
  // A photo without caption is still a mention of the account: say what it is.
  const text = (media.caption ?? '').trim() || `[${(media.media_type ?? 'media').toLowerCase()}]`;
  return { mention: { connector: 'instagram', externalId: media.id, author: profile(media.username), text, publishedAt, engagement, kind: 'post', threadExternalId: media.id, raw: media, ...(url !== undefined ? { url } : {}) } };
}
