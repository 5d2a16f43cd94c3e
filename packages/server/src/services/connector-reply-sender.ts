/**
 * Sends inbox replies through the connector of the conversation: the answered mention → its
 * source → the credentials (`credentialsFor`) → the connector's `reply` capability. Where the
 * network cannot reply (no capability) or no account is connected, the reply is opened on the
 * network to be posted by hand and confirmed, with the reason shown.
 */
import { AppError, type Account, type Mention, type Source, type Store } from '@vigie/core';
import { getConnector, isConnectorError, type AnyConnector, type ConnectorContext, type HttpClient, type PublishedRef } from '@vigie/connectors';
import type { Logger } from '../logger';
import type { SecretBox } from '../security/secret-box';
import { markNeedsReauth, prepareSource, type AccountDeps } from './account-service';
import type { ReplySender, SendOutcome } from './conversation-reply-service';

/** What `credentialsFor` found: the account settings the connector's `accountConfig` accepts (and the connected account, if any), or why there are none. */
export type Credentials = { account: unknown; connected?: Account } | { missing: string };

/**
 * The credentials a source replies with: its own opened secrets merged with those of its
 * connected account (`prepareSource`, as a poll gets them), validated by the connector's
 * `accountConfig`. An account waiting for re-authorisation gives no credentials, with the reason.
 *
 * @example
 * const creds = await credentialsFor({ store, secrets, log, now }, mastodon, source); // { account: { instance, token } } or { missing: '…' }
 */
export async function credentialsFor(deps: AccountDeps, connector: AnyConnector, source: Source | undefined): Promise<Credentials> {
  const none = `no account connected for ${connector.name} / aucun compte connecté pour ${connector.name}`;
  if (!source || !connector.accountConfig) return { missing: none };
  const prepared = await prepareSource(deps, source);
  if (!prepared.ok) return { missing: prepared.error.message };
  const parsed = connector.accountConfig.safeParse(prepared.config);
  return parsed.success ? { account: parsed.data, ...(prepared.account && { connected: prepared.account }) } : { missing: none };
}

/** Why a network refused, in words a community manager can act on (FR/EN). */
export function describeSendError(error: unknown): { code: string; message: string } {
  if (isConnectorError(error)) {
    if (error.code === 'auth_expired') return { code: 'auth_expired', message: 'account needs re-authorisation / le compte doit être ré-autorisé' };
    if (error.code === 'forbidden') return { code: 'forbidden', message: `the account may not post this reply / le compte n’a pas le droit de publier cette réponse (${error.message})` };
    if (error.code === 'not_found') return { code: 'not_found', message: `the message no longer exists on the network / le message n’existe plus sur le réseau (${error.message})` };
    if (error.code === 'rate_limited') return { code: 'rate_limited', message: 'the network asks to wait before posting again / le réseau demande d’attendre avant de republier' };
    return { code: error.code, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return { code: typeof code === 'string' ? code : 'send_failed', message };
}

export interface ConnectorReplySenderDeps {
  store: Store;
  http: HttpClient;
  secrets: SecretBox;
  log: Logger;
  now: () => Date;
  /** A reply taking longer than this is abandoned (the draft is `failed`, a retry reuses its key). Default 30 s. */
  timeoutMs?: number;
}

/**
 * @example
 * const send = createConnectorReplySender({ store, http, secrets, log, now });
 * const replies = createConversationReplyService({ store, now, send, cooldownMinutes: 30 });
 */
export function createConnectorReplySender(deps: ConnectorReplySenderDeps): ReplySender {
  return async ({ workspaceId, conversation, mention, inReplyToExternalId, text, idempotencyKey }): Promise<SendOutcome> => {
    const connector = getConnector(conversation.connector);
    const name = connector?.name ?? conversation.connector;
    const open = (reason: string): SendOutcome => {
      if (!conversation.url) throw new AppError('conflict', `${reason}; this conversation has no address on its network to reply on`);
      return { kind: 'open', url: conversation.url, reason };
    };
    const reply = connector?.capabilities.reply;
    if (!connector || !reply) return open(`${name} cannot post replies from Vigie / ${name} ne permet pas de répondre depuis Vigie`);
    const answered: Mention | undefined = mention ?? (await deps.store.mentions.get(workspaceId, conversation.lastMentionId));
    const source = answered?.sourceId ? await deps.store.sources.get(workspaceId, answered.sourceId) : undefined;
    const credentials = await credentialsFor(deps, connector, source);
    if ('missing' in credentials) return open(credentials.missing);
    const ctx: ConnectorContext = {
      http: deps.http,
      signal: AbortSignal.timeout(deps.timeoutMs ?? 30_000),
      now: deps.now,
      log: (level, message, data) => deps.log[level]({ conversationId: conversation.id, connector: connector.id, ...data }, message),
    };
    const request = { account: credentials.account, inReplyToExternalId, text, idempotencyKey };
    let posted: PublishedRef;
    try {
      posted = await reply.reply(ctx, request);
    } catch (error) {
      // A refused token stops the account everywhere (its sources too) until it is re-authorised.
      if (credentials.connected && isConnectorError(error) && error.code === 'auth_expired') await markNeedsReauth(deps, credentials.connected, describeSendError(error));
      throw error;
    }
    return { kind: 'sent', externalId: posted.externalId, ...(posted.url !== undefined && { url: posted.url }), network: name };
  };
}
