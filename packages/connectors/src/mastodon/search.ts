import type { ConnectorContext, MentionPage } from '../connector';
import { ConnectorError } from '../connector-error';
import { getMastodon, readSearchStatuses } from './api';
import type { MastodonAccountConfig } from './config';
import { PAGE_SIZE, searchUrl } from './source-url';
import { toMentions } from './to-mention';

/**
 * The search capability: `GET /api/v2/search?type=statuses` on the account's instance. Mastodon
 * serves full-text status search only to signed-in users (and only over posts the instance
 * indexed), so an account is required. The cursor is the result offset.
 *
 * @example
 * const page = await searchStatuses(ctx, { query: 'vigie', account: { instance: 'https://mastodon.social', token } });
 * if (page.nextCursor !== null) await searchStatuses(ctx, { query: 'vigie', cursor: page.nextCursor, account });
 */
export async function searchStatuses(
  ctx: ConnectorContext,
  request: { query: string; since?: Date; cursor?: string; account?: MastodonAccountConfig },
): Promise<MentionPage> {
  const { account } = request;
  if (account === undefined) {
    throw new ConnectorError('invalid_request', 'Mastodon search needs an account with an access token / la recherche Mastodon nécessite un compte avec un jeton d’accès');
  }
  const offset = request.cursor === undefined ? 0 : Number.parseInt(request.cursor, 10);
  if (!Number.isSafeInteger(offset) || offset < 0) throw new ConnectorError('invalid_request', `invalid search cursor "${request.cursor ?? ''}"`);
  const url = searchUrl(account.instance, request.query, offset);
  const res = await getMastodon(ctx, url, account.token);
  const read = readSearchStatuses(res.json, url);
  const { mentions, skipped } = toMentions(read.statuses, { instanceHost: new URL(account.instance).host });
  const since = request.since?.getTime();
  const kept = since === undefined ? mentions : mentions.filter((mention) => Date.parse(mention.publishedAt) >= since);
  const returned = read.statuses.length + read.skipped.length;
  return { mentions: kept, skipped: [...read.skipped, ...skipped], nextCursor: returned >= PAGE_SIZE ? String(offset + returned) : null };
}
