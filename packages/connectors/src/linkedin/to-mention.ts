/**
 * LinkedIn comment → MentionInput. Pure.
 */
import type { MentionInput } from '@vigie/core';
import { z } from 'zod';
import type { SkippedItem } from '../connector';

export const liComment = z.object({
  id: z.string().optional(),
  commentUrn: z.string().optional(),
  actor: z.string().min(1),
  object: z.string().optional(),
  parentComment: z.string().optional(),
  message: z.object({ text: z.string() }).optional(),
  created: z.object({ time: z.number() }),
  lastModified: z.object({ time: z.number() }).optional(),
  likesSummary: z.object({ totalLikes: z.number().optional(), aggregatedTotalLikes: z.number().optional() }).optional(),
  commentsSummary: z.object({ aggregatedTotalComments: z.number().optional(), totalFirstLevelComments: z.number().optional() }).optional(),
});

/** A normalised comment and its version (`lastModified.time`: an edit changes it). */
export type LiOutcome = { mention: MentionInput; version: number; createdAt: number; actor: string } | { skipped: SkippedItem };

/** Organisations have a public page by id; members' URNs are opaque without the profile API. */
function authorOf(actor: string): MentionInput['author'] {
  const organisation = /^urn:li:organization:(\d+)$/.exec(actor);
  if (organisation !== null) return { handle: actor, url: `https://www.linkedin.com/company/${organisation[1] ?? ''}/` };
  return { handle: actor };
}

/**
 * @example
 * commentToMention({ commentUrn: 'urn:li:comment:(urn:li:activity:7…,7…)', actor: 'urn:li:person:abc', message: { text: 'Bravo' }, created: { time: 1764148320000 } }, 'urn:li:activity:7…');
 */
export function commentToMention(raw: unknown, postUrn: string): LiOutcome {
  const parsed = liComment.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { skipped: { reason: `malformed comment: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() } };
  }
  const comment = parsed.data;
  const object = comment.object ?? postUrn;
  const externalId = comment.commentUrn ?? (comment.id === undefined ? undefined : `urn:li:comment:(${object},${comment.id})`);
  if (externalId === undefined) return { skipped: { reason: 'comment without id or URN' } };
  const text = (comment.message?.text ?? '').trim();
  if (text === '') return { skipped: { reason: 'comment without text (image or deleted)', externalId } };
  const engagement: MentionInput['engagement'] = {};
  const likes = comment.likesSummary?.aggregatedTotalLikes ?? comment.likesSummary?.totalLikes;
  if (likes !== undefined) engagement.likes = likes;
  const replies = comment.commentsSummary?.aggregatedTotalComments;
  if (replies !== undefined) engagement.replies = replies;
  const mention: MentionInput = {
    connector: 'linkedin',
    externalId,
    url: `https://www.linkedin.com/feed/update/${encodeURIComponent(object)}/?commentUrn=${encodeURIComponent(externalId)}`,
    author: authorOf(comment.actor),
    text,
    publishedAt: new Date(comment.created.time).toISOString(),
    engagement,
    kind: comment.parentComment === undefined ? 'comment' : 'reply',
    replyToExternalId: comment.parentComment ?? object,
    threadExternalId: object,
    raw: comment,
  };
  return { mention, version: comment.lastModified?.time ?? comment.created.time, createdAt: comment.created.time, actor: comment.actor };
}
