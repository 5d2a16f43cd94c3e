/**
 * The e-mail channel: SMTP through nodemailer, text + HTML bodies (episode notifications are
 * rendered here; digests arrive pre-rendered). SMTP answers decide the outcome: 2xx delivered,
 * 4xx and connection problems retried, 5xx (unknown mailbox, refused sender, bad credentials)
 * failed for good — retrying would not change the answer.
 */
import nodemailer from 'nodemailer';
import { renderEpisodeEmail } from './render-email';
import type { Notification, NotificationChannel, NotificationTarget, SendOutcome } from './notification';

export interface EmailChannelOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean;
  /** Refuse to send without STARTTLS (recommended outside a local relay). */
  requireTls?: boolean;
  auth?: { user: string; pass: string };
  /** Sender, e.g. `Vigie <alertes@velotys.example>`. */
  from: string;
  /** Connection, greeting and socket timeouts (default 10 s). */
  timeoutMs?: number;
  /** Accept self-signed certificates (a local relay in tests). */
  allowSelfSigned?: boolean;
}

interface SmtpError {
  responseCode?: number;
  code?: string;
  message?: string;
}

function isSmtpError(error: unknown): error is SmtpError {
  return typeof error === 'object' && error !== null && ('responseCode' in error || 'code' in error);
}

/**
 * @example
 * const email = createEmailChannel({ host: 'smtp.example', port: 587, from: 'Vigie <alertes@example.org>' });
 * await email.send(notification, { kind: 'email', to: 'cm@example.org' }); // 'sent'
 */
export function createEmailChannel(options: EmailChannelOptions): NotificationChannel & { close(): void } {
  const timeout = options.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    requireTLS: options.requireTls ?? false,
    auth: options.auth,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    tls: options.allowSelfSigned ? { rejectUnauthorized: false } : undefined,
  });
  return {
    kind: 'email',
    async send(notification: Notification, target: NotificationTarget): Promise<SendOutcome> {
      if (target.kind !== 'email') return { failed: `e-mail channel cannot send to ${target.kind}` };
      const body = notification.digest
        ? { subject: notification.title[notification.locale], text: notification.digest.text, html: notification.digest.html }
        : renderEpisodeEmail(notification);
      try {
        await transport.sendMail({
          from: options.from,
          to: target.to,
          subject: body.subject,
          text: body.text,
          html: body.html,
          // Lets mail filters and our own tests recognise duplicates of an at-least-once delivery.
          headers: { 'X-Vigie-Idempotency-Key': notification.key },
          messageId: `<${notification.key}.${encodeURIComponent(target.to)}@vigie>`,
        });
        return 'sent';
      } catch (error) {
        if (!isSmtpError(error)) throw error;
        const code = error.responseCode;
        const reason = `${code ?? error.code ?? 'SMTP'}: ${error.message ?? 'error'}`;
        if (code !== undefined && code >= 500) return { failed: reason };
        return { retryAfterMs: 0, reason };
      }
    },
    close() {
      transport.close();
    },
  };
}
