/**
 * The webhook channel: renders the notification in the target's format (generic JSON, Slack,
 * Mattermost, Teams), signs it, and POSTs it through connectors' kit HTTP client — so private
 * and loopback addresses are refused at every connection and redirect (SSRF), with a timeout.
 * 2xx is delivered; 429/5xx/408/timeouts are retried (honouring Retry-After); other 4xx and
 * blocked URLs fail for good. The signing secret arrives sealed (as stored in the rule and the
 * outbox) and is opened here only, for the HMAC; a secret no configured key opens fails for good.
 */
import { assertPublicUrl, createHttpClient, isConnectorError, parseRetryAfter, type AddressPolicy, type HttpClient } from '@vigie/connectors';
import type { SecretBox } from '../security/secret-box';
import { signWebhook } from './sign-webhook';
import { isSealedWebhookSecret, openWebhookSecret } from './webhook-secret';
import { webhookPayload } from './webhook-payloads';
import type { Notification, NotificationChannel, NotificationTarget, SendOutcome } from './notification';

export interface WebhookChannelOptions extends AddressPolicy {
  /** Per request (default 10 s). */
  timeoutMs?: number;
  now?: () => Date;
  /** Injected for tests; default: kit's client with the same policy. */
  http?: HttpClient;
  /** Opens the sealed secrets of targets (webhook-secret.ts), right before signing; without it a sealed secret cannot be used. */
  secrets?: SecretBox;
}

/** Errors that will not get better by retrying. */
const PERMANENT = new Set(['blocked_url', 'invalid_request', 'forbidden', 'not_found', 'auth_expired']);

/**
 * Refuses a webhook URL before a rule is saved: http(s), no credentials, a public address.
 *
 * @example
 * await checkWebhookUrl('https://hooks.slack.com/services/T/B/X', { allowPrivate: false });
 */
export async function checkWebhookUrl(url: string, policy: AddressPolicy): Promise<URL> {
  return assertPublicUrl(url, policy);
}

/**
 * @example
 * const webhooks = createWebhookChannel({ allowPrivate: config.allowPrivateUrls });
 * await webhooks.send(notification, { kind: 'webhook', url, format: 'slack', secret: sealedSecret });
 */
export function createWebhookChannel(options: WebhookChannelOptions): NotificationChannel {
  const now = options.now ?? (() => new Date());
  const open = (stored: string): string => {
    if (options.secrets) return openWebhookSecret(options.secrets, stored);
    if (isSealedWebhookSecret(stored)) throw new Error('no key to open the sealed webhook secret');
    return stored;
  };
  const http = options.http ?? createHttpClient({ ...options, timeoutMs: options.timeoutMs ?? 10_000, userAgent: 'Vigie-Webhook/1' });
  return {
    kind: 'webhook',
    async send(notification: Notification, target: NotificationTarget): Promise<SendOutcome> {
      if (target.kind !== 'webhook') return { failed: `webhook channel cannot send to ${target.kind}` };
      const body = JSON.stringify(webhookPayload(notification, target.format));
      let secret: string | undefined;
      try {
        secret = target.secret ? open(target.secret) : undefined;
      } catch (error) {
        return { failed: `the webhook secret cannot be decrypted with the configured keys / le secret du webhook ne peut pas être déchiffré (${error instanceof Error ? error.message : String(error)})` };
      }
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'x-vigie-idempotency-key': notification.key,
        ...(secret ? signWebhook(secret, body, Math.floor(now().getTime() / 1000)) : {}),
      };
      try {
        const res = await http.post(target.url, body, { headers, throwHttpErrors: false });
        if (res.status >= 200 && res.status < 300) return 'sent';
        const retryAfter = parseRetryAfter(res.headers['retry-after'], now()) ?? 0;
        if (res.status === 429 || res.status === 408 || res.status >= 500) return { retryAfterMs: retryAfter, reason: `HTTP ${res.status}` };
        return { failed: `HTTP ${res.status}` };
      } catch (error) {
        if (isConnectorError(error)) {
          return PERMANENT.has(error.code) ? { failed: `${error.code}: ${error.message}` } : { retryAfterMs: error.retryAfterMs ?? 0, reason: `${error.code}: ${error.message}` };
        }
        throw error;
      }
    },
  };
}
