/**
 * Webhook signing secrets at rest. A rule's webhook `secret` is stored sealed with the SecretBox
 * (`vigie-sealed:` + `v1:<keyId>:…`, the scheme of source and account credentials): sealed when a
 * rule is created or updated, copied sealed into the outbox entries, and opened only by the webhook
 * channel when it signs a delivery. A value stored before sealing existed has no prefix: it opens
 * as itself and is sealed the next time its rule is saved.
 */
import type { AlertChannel } from '@vigie/core';
import type { SecretBox } from '../security/secret-box';
import { SEALED } from '../security/source-secrets';

/** True when the stored value is sealed (else it is a clear value from before sealing). */
export function isSealedWebhookSecret(stored: string): boolean {
  return stored.startsWith(SEALED);
}

/**
 * @example
 * sealWebhookSecret(box, 'sixteen-chars-secret'); // 'vigie-sealed:v1:…'
 * sealWebhookSecret(box, 'vigie-sealed:v1:…');    // unchanged
 */
export function sealWebhookSecret(box: SecretBox, secret: string): string {
  return isSealedWebhookSecret(secret) ? secret : SEALED + box.seal(secret);
}

/** The clear secret, to sign with; a clear (legacy) value is returned as is. Throws `config_invalid` when no configured key opens it. */
export function openWebhookSecret(box: SecretBox, stored: string): string {
  return isSealedWebhookSecret(stored) ? box.open(stored.slice(SEALED.length)) : stored;
}

/** The channels of a rule with every webhook secret sealed (ready to store). */
export function sealChannelSecrets(box: SecretBox, channels: readonly AlertChannel[]): AlertChannel[] {
  return channels.map((channel) => (channel.kind === 'webhook' && channel.secret !== undefined ? { ...channel, secret: sealWebhookSecret(box, channel.secret) } : channel));
}
