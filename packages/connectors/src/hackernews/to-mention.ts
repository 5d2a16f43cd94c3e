/**
 * HN Search hit → MentionInput. Pure.
 */
import type { MentionInput } from '@vigie/core';
import type { SkippedItem } from '../connector';
import { htmlToText } from '../kit/html-to-text';
import { sanitizeHtml } from '../kit/sanitize-html';
import type { HnHit } from './api';

const HN_ITEM = 'https://news.ycombinator.com/item?id=';
const HN_USER = 'https://news.ycombinator.com/user?id=';

function httpUrl(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

/**
 * @example
 * toMention({ objectID: '42', created_at_i: 1764150000, author: 'pg', title: 'Show HN: Vigie', points: 12, num_comments: 3, _tags: ['story'] });
 * // { mention: { externalId: '42', kind: 'post', url: 'https://news.ycombinator.com/item?id=42', … } }
 */
export function toMention(hit: HnHit): { mention: MentionInput } | { skipped: SkippedItem } {
  const isComment = hit._tags?.includes('comment') === true || (hit.comment_text !== null && hit.comment_text !== undefined && !hit.title);
  const body = isComment ? hit.comment_text : hit.story_text;
  const title = isComment ? undefined : hit.title?.trim() || undefined;
  const text = body ? htmlToText(body) : '';
  // Deleted and dead items come back without author or text.
  if (!hit.author) return { skipped: { reason: 'deleted item (no author)', externalId: hit.objectID } };
  if (!title && !text) return { skipped: { reason: 'no title and no text', externalId: hit.objectID } };
  const engagement: MentionInput['engagement'] = {};
  if (typeof hit.points === 'number') engagement.likes = hit.points;
  if (typeof hit.num_comments === 'number') engagement.replies = hit.num_comments;
  const mention: MentionInput = {
    connector: 'hackernews',
    externalId: hit.objectID,
    url: `${HN_ITEM}${encodeURIComponent(hit.objectID)}`,
    author: { handle: hit.author, url: `${HN_USER}${encodeURIComponent(hit.author)}` },
    text,
    publishedAt: new Date(hit.created_at_i * 1000).toISOString(),
    engagement,
    kind: isComment ? 'comment' : 'post',
    raw: hit,
  };
  if (title !== undefined) mention.title = title;
  if (body) mention.html = sanitizeHtml(body);
  if (isComment) {
    if (typeof hit.parent_id === 'number') mention.replyToExternalId = String(hit.parent_id);
    if (typeof hit.story_id === 'number') mention.threadExternalId = String(hit.story_id);
  } else {
    mention.threadExternalId = hit.objectID;
    // `url` stays the HN discussion (where a reply would go); the story's own link is kept in the text.
    const link = httpUrl(hit.url);
    if (link !== undefined && !mention.text.includes(link)) mention.text = mention.text === '' ? link : `${mention.text}\n${link}`;
  }
  return { mention };
}
