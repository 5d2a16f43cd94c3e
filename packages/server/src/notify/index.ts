/**
 * Notification channels (in-app, e-mail over SMTP, webhooks with Slack / Mattermost / Teams
 * payloads and an HMAC signature), digests, and the outbox that delivers them at least once.
 * Reference: docs/alerts.md.
 */
export * from './notification';
export { createEmailChannel, type EmailChannelOptions } from './email-channel';
export { createWebhookChannel, checkWebhookUrl, type WebhookChannelOptions } from './webhook-channel';
export { createInAppChannel } from './in-app-channel';
export { webhookPayload } from './webhook-payloads';
export { signWebhook, verifyWebhookSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER, SIGNATURE_TOLERANCE_S } from './sign-webhook';
export { renderEpisodeEmail, type RenderedEmail } from './render-email';
export { buildDigest, digestNotification, type DigestInput } from './build-digest';
export { svgLineChart, type ChartSeries } from './svg-chart';
export { nextAttempt, seededRandom, idempotencyKey, OUTBOX_POLICY, type OutboxPolicy, type IdempotencyParts } from './outbox-policy';
export { createOutboxWorker, createMemoryOutbox, outboxEntriesFor, deliveryTargets, type OutboxEntry, type OutboxStore, type OutboxStatus, type OutboxRun, type OutboxWorkerOptions } from './outbox';
