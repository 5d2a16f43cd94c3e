import { createHash } from 'node:crypto';
import type { ConnectorContext, PublishedRef } from '../connector';
import { ConnectorError } from '../connector-error';
import { mastodonStatus, postMastodon } from './api';
import type { MastodonAccountConfig } from './config';

/**
 * Posts a status on the account's instance and returns its global id (`uri`) and address.
 * The idempotency key is derived from what is posted, so a retry after a timeout does not post
 * twice. Media are not supported yet (they need an upload first).
 *
 * @example
 * await postStatus(ctx, account, { text: 'Merci pour vos retours !', inReplyToId: '1093' });
 */
export async function postStatus(ctx: ConnectorContext, account: MastodonAccountConfig, request: { text: string; inReplyToId?: string; idempotencyKey?: string }): Promise<PublishedRef> {
  const url = `${account.instance}/api/v1/statuses`;
  // The caller's key (a draft id) when given, else one derived from what is posted.
  const key = request.idempotencyKey ?? createHash('sha256').update(JSON.stringify([account.instance, request.inReplyToId ?? '', request.text])).digest('hex');
  const json = await postMastodon(ctx, url, { status: request.text, ...(request.inReplyToId !== undefined ? { in_reply_to_id: request.inReplyToId } : {}) }, account.token, key);
  const created = mastodonStatus.safeParse(json);
  if (!created.success) throw new ConnectorError('invalid_payload', `${url} did not answer with the created status`);
  return { externalId: created.data.uri, ...(created.data.url ? { url: created.data.url } : {}) };
}

/**
 * The publish capability: a public status from the account (text only).
 *
 * @example
 * const ref = await publishStatus(ctx, { account, text: 'Nouvelle version de Vigie !' });
 */
export async function publishStatus(ctx: ConnectorContext, request: { account: MastodonAccountConfig; text: string; mediaUrls?: string[]; idempotencyKey?: string }): Promise<PublishedRef> {
  if (request.mediaUrls !== undefined && request.mediaUrls.length > 0) {
    throw new ConnectorError('invalid_request', 'Mastodon media upload is not supported yet / l’envoi de médias vers Mastodon n’est pas encore pris en charge');
  }
  return postStatus(ctx, request.account, { text: request.text, ...(request.idempotencyKey !== undefined ? { idempotencyKey: request.idempotencyKey } : {}) });
}
