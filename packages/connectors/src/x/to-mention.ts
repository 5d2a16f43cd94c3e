/**
 * X post (with its author from `includes.users`) → MentionInput. Pure.
 */
import type { MentionInput } from '@vigie/core';
import type { SkippedItem } from '../connector';
import { xTweet, type XPartialError, type XTweet, type XUser } from './api';

/** X escapes these three in `text` (https://docs.x.com/x-api/fundamentals/data-dictionary — Post object). */
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

function unescapeText(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** `und`, `qme`, `zxx`… are X's "no language" codes: only real BCP-47 primary tags are kept. */
function languageOf(lang: string | undefined): string | undefined {
  return lang !== undefined && /^[a-z]{2}$/.test(lang) ? lang : undefined;
}

/** Reasons X gave for resources it could not return, by resource id. */
export function reasonsById(errors: XPartialError[]): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const error of errors) {
    const id = error.resource_id ?? error.value;
    if (id !== undefined) reasons.set(id, [error.title, error.detail].filter(Boolean).join(': ') || 'not returned by X');
  }
  return reasons;
}

/**
 * The mention's external id is the first id of the edit history: an edit gets a new post id on X,
 * and keeping the original one lets the store update the mention instead of adding a second.
 *
 * @example
 * toMention(tweet, users, reasons);
 * // { mention: { connector: 'x', externalId: '1861400000000000014', url: 'https://x.com/jeanne_ops/status/1861400000000000014', … } }
 */
export function toMention(tweet: XTweet, users: Map<string, XUser>, reasons: Map<string, string> = new Map()): { mention: MentionInput } | { skipped: SkippedItem } {
  const externalId = tweet.edit_history_tweet_ids?.[0] ?? tweet.id;
  const author = users.get(tweet.author_id);
  if (author === undefined) {
    const why = reasons.get(tweet.author_id) ?? reasons.get(tweet.id);
    return { skipped: { reason: `author not available${why === undefined ? '' : ` (${why})`}`, externalId } };
  }
  const text = unescapeText(tweet.text).trim();
  if (text === '') return { skipped: { reason: 'empty post', externalId } };
  const metrics = tweet.public_metrics;
  const engagement: MentionInput['engagement'] = {};
  if (metrics?.like_count !== undefined) engagement.likes = metrics.like_count;
  if (metrics?.retweet_count !== undefined) engagement.reposts = metrics.retweet_count;
  if (metrics?.reply_count !== undefined) engagement.replies = metrics.reply_count;
  if (metrics?.quote_count !== undefined) engagement.quotes = metrics.quote_count;
  if (metrics?.impression_count !== undefined) engagement.views = metrics.impression_count;
  const repliedTo = tweet.referenced_tweets?.find((ref) => ref.type === 'replied_to')?.id;
  const mention: MentionInput = {
    connector: 'x',
    externalId,
    url: `https://x.com/${encodeURIComponent(author.username)}/status/${tweet.id}`,
    author: {
      handle: `@${author.username}`,
      url: `https://x.com/${encodeURIComponent(author.username)}`,
      ...(author.name !== undefined ? { name: author.name } : {}),
      ...(author.public_metrics?.followers_count !== undefined ? { followers: author.public_metrics.followers_count } : {}),
      ...(author.profile_image_url?.startsWith('https://') === true ? { avatarUrl: author.profile_image_url } : {}),
    },
    text,
    publishedAt: new Date(tweet.created_at).toISOString(),
    engagement,
    kind: repliedTo === undefined ? 'post' : 'reply',
    raw: { tweet, author },
  };
  const lang = languageOf(tweet.lang);
  if (lang !== undefined) mention.lang = lang;
  if (repliedTo !== undefined) mention.replyToExternalId = repliedTo;
  if (tweet.conversation_id !== undefined) mention.threadExternalId = tweet.conversation_id;
  return { mention };
}

/**
 * Validates and normalises a page's raw posts: malformed ones and posts whose author X withheld
 * are skipped with the reason.
 *
 * @example
 * const { mentions, skipped, tweets } = toMentions(page.tweets, page.users, page.errors);
 */
export function toMentions(raw: unknown[], users: Map<string, XUser>, errors: XPartialError[]): { mentions: { mention: MentionInput; id: string }[]; skipped: SkippedItem[] } {
  const reasons = reasonsById(errors);
  const mentions: { mention: MentionInput; id: string }[] = [];
  const skipped: SkippedItem[] = [];
  for (const item of raw) {
    const tweet = xTweet.safeParse(item);
    if (!tweet.success) {
      const id = typeof item === 'object' && item !== null && 'id' in item ? String((item as { id: unknown }).id) : undefined;
      const issue = tweet.error.issues[0];
      skipped.push({ reason: `malformed post: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), ...(id !== undefined ? { externalId: id } : {}) });
      continue;
    }
    const result = toMention(tweet.data, users, reasons);
    if ('mention' in result) mentions.push({ mention: result.mention, id: tweet.data.id });
    else skipped.push(result.skipped);
  }
  return { mentions, skipped };
}
