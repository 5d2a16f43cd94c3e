/**
 * Mastodon Status → MentionInput. Pure: same input, same output.
 *
 * Choices (see README.md): a reblog becomes the original status (the reblog wrapper, with the
 * reblogging account, stays in `raw`), so boosts of one post collapse into one mention; the
 * external id is the status's ActivityPub `uri`, global across instances, so the same post seen
 * through two instances is one mention; the content warning becomes the title.
 */
import type { MentionInput } from '@vigie/core';
import type { SkippedItem } from '../connector';
import { htmlToText } from '../kit/html-to-text';
import { sanitizeHtml } from '../kit/sanitize-html';
import type { MastodonAccount, ReceivedStatus } from './api';

export interface MastodonNormaliseContext {
  /** Host of the instance the status was read from: local accounts' `acct` has no domain. */
  instanceHost: string;
  /**
   * Statuses addressed to the account (its notifications): followers-only and direct ones are
   * kept too, a direct one as `kind: 'message'`. Public timelines never set it.
   */
  addressedToAccount?: boolean;
}

/** Visibilities a listening tool may keep; the others should never reach a public timeline. */
const PUBLIC_VISIBILITIES = new Set(['public', 'unlisted']);

function httpUrl(value: string | null | undefined): string | undefined {
  return value !== null && value !== undefined && /^https?:\/\//i.test(value) ? value : undefined;
}

function primaryLanguage(tag: string | null | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary !== undefined && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

function handleOf(account: MastodonAccount, instanceHost: string): string {
  return account.acct.includes('@') ? `@${account.acct}` : `@${account.acct}@${instanceHost}`;
}

/**
 * One status → one mention, or why it was left out.
 *
 * @example
 * toMention({ status, raw }, { instanceHost: 'mastodon.social' });
 * // { mention: { connector: 'mastodon', externalId: 'https://mastodon.social/users/a/statuses/1', … } }
 */
export function toMention(received: ReceivedStatus, context: MastodonNormaliseContext): { mention: MentionInput } | { skipped: SkippedItem } {
  const status = received.status.reblog ?? received.status;
  const externalId = status.uri;
  if (context.addressedToAccount !== true && status.visibility !== null && status.visibility !== undefined && !PUBLIC_VISIBILITIES.has(status.visibility)) {
    return { skipped: { reason: `not public (visibility ${status.visibility})`, externalId } };
  }
  const html = sanitizeHtml(status.content);
  const text = htmlToText(status.content);
  const warning = status.spoiler_text?.trim() ?? '';
  if (text === '' && warning === '') return { skipped: { reason: 'no text (media only)', externalId } };
  const account = status.account;
  const name = account.display_name?.trim();
  const authorUrl = httpUrl(account.url);
  const avatarUrl = httpUrl(account.avatar);
  const mention: MentionInput = {
    connector: 'mastodon',
    externalId,
    author: {
      handle: handleOf(account, context.instanceHost),
      ...(name ? { name } : {}),
      ...(account.followers_count !== null && account.followers_count !== undefined ? { followers: account.followers_count } : {}),
      ...(authorUrl !== undefined ? { url: authorUrl } : {}),
      ...(avatarUrl !== undefined ? { avatarUrl } : {}),
    },
    text: text === '' ? warning : text,
    publishedAt: new Date(status.created_at).toISOString(),
    engagement: {
      ...(status.favourites_count !== null && status.favourites_count !== undefined ? { likes: status.favourites_count } : {}),
      ...(status.reblogs_count !== null && status.reblogs_count !== undefined ? { reposts: status.reblogs_count } : {}),
      ...(status.replies_count !== null && status.replies_count !== undefined ? { replies: status.replies_count } : {}),
      ...(status.quotes_count !== null && status.quotes_count !== undefined ? { quotes: status.quotes_count } : {}),
    },
    kind: context.addressedToAccount === true && status.visibility === 'direct' ? 'message' : status.in_reply_to_id !== null && status.in_reply_to_id !== undefined ? 'reply' : 'post',
    raw: received.raw,
  };
  const url = httpUrl(status.url) ?? httpUrl(status.uri);
  if (url !== undefined) mention.url = url;
  if (warning !== '') mention.title = warning;
  if (html.trim() !== '') mention.html = html;
  const lang = primaryLanguage(status.language);
  if (lang !== undefined) mention.lang = lang;
  return { mention };
}

/**
 * Normalises a page of statuses, collecting the skipped ones.
 *
 * @example
 * const { mentions, skipped } = toMentions(readStatuses(json, url).statuses, { instanceHost });
 */
export function toMentions(statuses: ReceivedStatus[], context: MastodonNormaliseContext): { mentions: MentionInput[]; skipped: SkippedItem[] } {
  const mentions: MentionInput[] = [];
  const skipped: SkippedItem[] = [];
  for (const received of statuses) {
    const result = toMention(received, context);
    if ('mention' in result) mentions.push(result.mention);
    else skipped.push(result.skipped);
  }
  return { mentions, skipped };
}
