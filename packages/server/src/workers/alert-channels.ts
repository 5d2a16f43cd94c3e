/**
 * The notification channels the configuration allows: in-app (always, into the notifications
 * table), webhooks (always; private addresses only with VIGIE_ALLOW_PRIVATE_URLS), e-mail when
 * VIGIE_SMTP_URL is set. Without SMTP, e-mail deliveries fail for good and show why.
 * Webhook secrets are stored sealed; the webhook channel opens them with the data folder's keys.
 */
import type { Store } from '@vigie/core';
import type { Config } from '../config';
import type { SecretBox } from '../security/secret-box';
import { loadSecretBox } from '../security/source-secrets';
import { createEmailChannel, createInAppChannel, createWebhookChannel, type NotificationChannel } from '../notify';

/**
 * @example
 * const { channels, close } = createAlertChannels(config, store);
 */
export function createAlertChannels(
  config: Pick<Config, 'smtp' | 'mailFrom' | 'allowPrivateUrls' | 'dataDir' | 'secretKey' | 'previousSecretKeys'>,
  store: Store,
  secrets: SecretBox = loadSecretBox(config as Config),
): { channels: NotificationChannel[]; close(): void } {
  const inApp = createInAppChannel(async (workspaceId, notification) => {
    await store.notifications.add(workspaceId, notification);
  });
  const webhooks = createWebhookChannel({ allowPrivate: config.allowPrivateUrls, secrets });
  const email = config.smtp
    ? createEmailChannel({ host: config.smtp.host, port: config.smtp.port, secure: config.smtp.secure, auth: config.smtp.auth, from: config.mailFrom })
    : undefined;
  return {
    channels: email ? [inApp, webhooks, email] : [inApp, webhooks],
    close: () => email?.close(),
  };
}
