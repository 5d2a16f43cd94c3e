/**
 * YouTube comment threads and video search results → MentionInput. Pure.
 */
import type { MentionInput } from '@vigie/core';
import type { SkippedItem } from '../connector';
import { htmlToText } from '../kit/html-to-text';
import { ytComment, ytCommentThread, ytSearchResult, type YtComment } from './api';

/** A normalised item and what the poll needs to deduplicate it (edits change `updatedAt`). */
export interface YtItem {
  mention: MentionInput;
  updatedAt: string;
}

type Outcome = { item: YtItem } | { skipped: SkippedItem };

function https(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  // The API still hands out some channel URLs as http://www.youtube.com/…
  if (parsed.protocol === 'http:' && parsed.hostname.endsWith('youtube.com')) parsed.protocol = 'https:';
  return parsed.protocol === 'https:' ? parsed.href : undefined;
}

function idOf(raw: unknown): string | undefined {
  return typeof raw === 'object' && raw !== null && 'id' in raw && typeof (raw as { id: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
}

function commentToItem(comment: YtComment, thread: { videoId?: string; totalReplyCount?: number }, isReply: boolean): Outcome {
  const s = comment.snippet;
  const videoId = s.videoId ?? thread.videoId;
  const handle = s.authorDisplayName?.trim() || s.authorChannelId?.value;
  if (handle === undefined) return { skipped: { reason: 'comment without author (deleted channel)', externalId: comment.id } };
  const text = (s.textOriginal ?? (s.textDisplay === undefined ? '' : htmlToText(s.textDisplay))).trim();
  if (text === '') return { skipped: { reason: 'empty comment', externalId: comment.id } };
  const engagement: MentionInput['engagement'] = {};
  if (s.likeCount !== undefined) engagement.likes = s.likeCount;
  if (!isReply && thread.totalReplyCount !== undefined) engagement.replies = thread.totalReplyCount;
  const authorUrl = https(s.authorChannelUrl);
  const avatarUrl = https(s.authorProfileImageUrl);
  const mention: MentionInput = {
    connector: 'youtube',
    externalId: comment.id,
    author: { handle, ...(authorUrl !== undefined ? { url: authorUrl } : {}), ...(avatarUrl !== undefined ? { avatarUrl } : {}) },
    text,
    publishedAt: new Date(s.publishedAt).toISOString(),
    engagement,
    kind: isReply ? 'reply' : 'comment',
    raw: comment,
  };
  if (videoId !== undefined) {
    mention.url = `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&lc=${encodeURIComponent(comment.id)}`;
    mention.threadExternalId = videoId;
  }
  const parent = isReply ? s.parentId : videoId;
  if (parent !== undefined) mention.replyToExternalId = parent;
  return { item: { mention, updatedAt: s.updatedAt ?? s.publishedAt } };
}

/**
 * A comment thread → its top-level comment and the replies the API embeds (at most five; see
 * README). Each malformed part is skipped with the reason.
 *
 * @example
 * threadToItems(thread); // [{ item: { mention: { kind: 'comment', … }, updatedAt } }, { item: { mention: { kind: 'reply', … } } }]
 */
export function threadToItems(raw: unknown): Outcome[] {
  const thread = ytCommentThread.safeParse(raw);
  if (!thread.success) {
    const issue = thread.error.issues[0];
    const id = idOf(raw);
    return [{ skipped: { reason: `malformed comment thread: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), ...(id !== undefined ? { externalId: id } : {}) } }];
  }
  const context = { ...(thread.data.snippet.videoId !== undefined ? { videoId: thread.data.snippet.videoId } : {}), ...(thread.data.snippet.totalReplyCount !== undefined ? { totalReplyCount: thread.data.snippet.totalReplyCount } : {}) };
  const outcomes = [commentToItem(thread.data.snippet.topLevelComment, context, false)];
  for (const rawReply of thread.data.replies?.comments ?? []) {
    const reply = ytComment.safeParse(rawReply);
    const id = idOf(rawReply);
    outcomes.push(reply.success ? commentToItem(reply.data, context, true) : { skipped: { reason: 'malformed reply', ...(id !== undefined ? { externalId: id } : {}) } });
  }
  return outcomes;
}

/**
 * A `search.list` result → a video mention. Titles and descriptions come HTML-escaped.
 *
 * @example
 * searchResultToItem({ id: { kind: 'youtube#video', videoId: 'dQw4w9WgXcQ' }, snippet: { … } });
 */
export function searchResultToItem(raw: unknown): Outcome {
  const result = ytSearchResult.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { skipped: { reason: `malformed search result: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() } };
  }
  const { id, snippet } = result.data;
  if (id.kind !== 'youtube#video' || id.videoId === undefined) return { skipped: { reason: `not a video (${id.kind})` } };
  const title = htmlToText(snippet.title).trim();
  const description = snippet.description === undefined ? '' : htmlToText(snippet.description).trim();
  const mention: MentionInput = {
    connector: 'youtube',
    externalId: id.videoId,
    url: `https://www.youtube.com/watch?v=${encodeURIComponent(id.videoId)}`,
    author: {
      handle: snippet.channelTitle?.trim() || snippet.channelId,
      url: `https://www.youtube.com/channel/${encodeURIComponent(snippet.channelId)}`,
    },
    text: description === '' ? title : description,
    publishedAt: new Date(snippet.publishedAt).toISOString(),
    engagement: {},
    kind: 'post',
    threadExternalId: id.videoId,
    raw: result.data,
  };
  if (title !== '') mention.title = title;
  if (mention.text === '') return { skipped: { reason: 'video without title or description', externalId: id.videoId } };
  return { item: { mention, updatedAt: snippet.publishedAt } };
}
