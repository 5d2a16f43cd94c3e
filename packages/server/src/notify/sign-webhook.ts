/**
 * Webhook signatures: `X-Vigie-Signature: sha256=<hex>` where the HMAC-SHA256 (key: the channel's
 * secret) covers `<timestamp>.<body>`, and `X-Vigie-Timestamp` holds the Unix seconds. A receiver
 * recomputes it, compares in constant time, and refuses timestamps older than a few minutes so a
 * captured request cannot be replayed (the scheme Stripe and Slack use for their own webhooks).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-vigie-signature';
export const TIMESTAMP_HEADER = 'x-vigie-timestamp';
/** Receivers should refuse older requests; the outbox never re-sends a signature, it re-signs. */
export const SIGNATURE_TOLERANCE_S = 300;

/**
 * @example
 * signWebhook('s3cret-s3cret-s3cret', '{"a":1}', 1_790_000_000);
 * // { 'x-vigie-timestamp': '1790000000', 'x-vigie-signature': 'sha256=…' }
 */
export function signWebhook(secret: string, body: string, timestampS: number): Record<string, string> {
  const mac = createHmac('sha256', secret).update(`${timestampS}.${body}`).digest('hex');
  return { [TIMESTAMP_HEADER]: String(timestampS), [SIGNATURE_HEADER]: `sha256=${mac}` };
}

/**
 * What a receiver does (documented in docs/alerts.md; used by our tests).
 *
 * @example
 * verifyWebhookSignature(secret, body, req.headers, Date.now() / 1000); // true | false
 */
export function verifyWebhookSignature(secret: string, body: string, headers: Record<string, string | string[] | undefined>, nowS: number): boolean {
  const timestamp = Number(headers[TIMESTAMP_HEADER]);
  const signature = headers[SIGNATURE_HEADER];
  if (!Number.isFinite(timestamp) || typeof signature !== 'string') return false;
  if (Math.abs(nowS - timestamp) > SIGNATURE_TOLERANCE_S) return false;
  const expected = Buffer.from(signWebhook(secret, body, timestamp)[SIGNATURE_HEADER] ?? '');
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
