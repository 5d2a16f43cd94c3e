import type { ConnectorContext, PublishedRef } from '../connector';
import { ConnectorError } from '../connector-error';
import { getMastodon, readSearchStatuses } from './api';
import type { MastodonAccountConfig } from './config';
import { postStatus } from './publish';

/**
 * The reply capability. A mention's external id is the status's global `uri`; the account's
 * instance knows it under its own local id, found with a resolving search
 * (https://docs.joinmastodon.org/methods/search/#v2, `resolve=true`), then the reply is posted.
 *
 * @example
 * const ref = await replyToStatus(ctx, { account, inReplyToExternalId: 'https://mastodon.social/users/a/statuses/1', text: 'Merci !' });
 */
export async function replyToStatus(ctx: ConnectorContext, request: { account: MastodonAccountConfig; inReplyToExternalId: string; text: string; idempotencyKey?: string }): Promise<PublishedRef> {
  const { account } = request;
  const params = new URLSearchParams({ q: request.inReplyToExternalId, type: 'statuses', resolve: 'true', limit: '1' });
  const url = `${account.instance}/api/v2/search?${params.toString()}`;
  const found = readSearchStatuses((await getMastodon(ctx, url, account.token)).json, url).statuses.find((s) => s.status.uri === request.inReplyToExternalId);
  if (found === undefined) {
    throw new ConnectorError('not_found', `${new URL(account.instance).host} cannot find the status ${request.inReplyToExternalId} (deleted, or not visible from this account)`);
  }
  return postStatus(ctx, account, { text: request.text, inReplyToId: found.status.id, ...(request.idempotencyKey !== undefined ? { idempotencyKey: request.idempotencyKey } : {}) });
}
