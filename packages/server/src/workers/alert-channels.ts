/**
 * The notification channels the configuration allows: in-app (always, into the notifications
 * table), webhooks (always; private addresses only with VIGIE_ALLOW_PRIVATE_URLS), e-mail when
 * VIGIE_SMTP_URL is set. Without SMTP, e-mail deliveries fail for good and show why.
 */
import type { Store } from '@vigie/core';
import type { Config } from '../config';
import { createEmailChannel, createInAppChannel, createWebhookChannel, type NotificationChannel } from '../notify';

/**
 * @example
 * const { channels, close } = createAlertChannels(config, store);
 */
export function createAlertChannels(config: Pick<Config, 'smtp' | 'mailFrom' | 'allowPrivateUrls'>, store: Store): { channels: NotificationChannel[]; close(): void } {
  const inApp = createInAppChannel(async (workspaceId, notification) => {
    await store.notifications.add(workspaceId, notification);
  });
  const webhooks = createWebhookChannel({ allowPrivate: config.allowPrivateUrls });
  const email = config.smtp
    ? createEmailChannel({ host: config.smtp.host, port: config.smtp.port, secure: config.smtp.secure, auth: config.smtp.auth, from: config.mailFrom })
    : undefined;
  return {
    channels: email ? [inApp, webhooks, email] : [inApp, webhooks],
    close: () => email?.close(),
  };
}
