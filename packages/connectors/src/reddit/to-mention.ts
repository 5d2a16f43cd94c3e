/**
 * Reddit post (`t3`) or comment (`t1`) → MentionInput. Pure: same input, same output.
 *
 * Choices (see README.md): the external id is the fullname (`t3_abc`); deleted and removed items
 * are skipped with the reason; `text` is the body as plain text, or the title for a link post;
 * `html` is the sanitised body; score → likes, comment count → replies.
 */
import type { MentionInput } from '@vigie/core';
import type { SkippedItem } from '../connector';
import { htmlToText } from '../kit/html-to-text';
import { sanitizeHtml } from '../kit/sanitize-html';
import type { ReceivedThing } from './api';

/** Where permalinks point. */
const WEB_ORIGIN = 'https://www.reddit.com';
/** Placeholders Reddit leaves in place of a deleted or removed body. */
const PLACEHOLDERS = new Set(['[deleted]', '[removed]']);

/** Why an item is gone, or undefined when it is still there. */
export function deletionReason(thing: ReceivedThing['thing']): string | undefined {
  const { data } = thing;
  if (data.removed_by_category !== null && data.removed_by_category !== undefined) return `removed (${data.removed_by_category})`;
  const body = (thing.kind === 't3' ? data.selftext : data.body)?.trim() ?? '';
  if (PLACEHOLDERS.has(body)) return body === '[removed]' ? 'removed by the moderators' : 'deleted by its author';
  if (data.author === '[deleted]') return 'deleted by its author';
  return undefined;
}

/**
 * One thing → one mention, or why it was left out.
 *
 * @example
 * toMention({ thing, raw }); // { mention: { connector: 'reddit', externalId: 't3_1h2abc', … } }
 */
export function toMention(received: ReceivedThing): { mention: MentionInput } | { skipped: SkippedItem } {
  const { thing } = received;
  const { data } = thing;
  const gone = deletionReason(thing);
  if (gone !== undefined) return { skipped: { reason: gone, externalId: data.name } };
  const isPost = thing.kind === 't3';
  const bodyHtml = (isPost ? data.selftext_html : data.body_html) ?? undefined;
  const bodyText = bodyHtml !== undefined ? htmlToText(bodyHtml) : ((isPost ? data.selftext : data.body)?.trim() ?? '');
  const title = data.title?.replace(/\s+/g, ' ').trim();
  const text = bodyText !== '' ? bodyText : (title ?? '');
  if (text === '') return { skipped: { reason: 'no title and no text', externalId: data.name } };
  const mention: MentionInput = {
    connector: 'reddit',
    externalId: data.name,
    url: `${WEB_ORIGIN}${data.permalink}`,
    author: { handle: `u/${data.author}`, url: `${WEB_ORIGIN}/user/${encodeURIComponent(data.author)}` },
    text,
    publishedAt: new Date(data.created_utc * 1000).toISOString(),
    engagement: {
      ...(data.score !== undefined ? { likes: data.score } : {}),
      ...(data.num_comments !== undefined ? { replies: data.num_comments } : {}),
    },
    kind: isPost ? 'post' : 'comment',
    raw: received.raw,
  };
  if (isPost && title) mention.title = title;
  if (bodyHtml !== undefined) {
    const html = sanitizeHtml(bodyHtml);
    if (html.trim() !== '') mention.html = html;
  }
  if (!isPost) {
    if (data.parent_id !== undefined) mention.replyToExternalId = data.parent_id;
    if (data.link_id !== undefined) mention.threadExternalId = data.link_id;
  }
  return { mention };
}

/**
 * Normalises a listing page, collecting the skipped items.
 *
 * @example
 * const { mentions, skipped } = toMentions(page.things);
 */
export function toMentions(things: ReceivedThing[]): { mentions: MentionInput[]; skipped: SkippedItem[] } {
  const mentions: MentionInput[] = [];
  const skipped: SkippedItem[] = [];
  for (const received of things) {
    const result = toMention(received);
    if ('mention' in result) mentions.push(result.mention);
    else skipped.push(result.skipped);
  }
  return { mentions, skipped };
}
