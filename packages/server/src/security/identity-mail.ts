/**
 * E-mails of the sign-in flows (password reset, invitation), in the recipient's language, sent
 * through the SMTP server of VIGIE_SMTP_URL. The link is the only secret in them; it is never logged.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../config';
import { escapeHtml } from '../notify/escape-markup';

export interface IdentityMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface IdentityMailer {
  send(mail: IdentityMail): Promise<void>;
  close(): void;
}

type Locale = 'fr' | 'en';

function html(paragraphs: string[], link: { url: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  return `<!doctype html><html><body style="font-family:sans-serif">${body}<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p></body></html>`;
}

/** The password-reset e-mail (link valid one hour, one use). */
export function passwordResetMail(to: string, locale: Locale, url: string): IdentityMail {
  const t =
    locale === 'fr'
      ? {
          subject: 'Vigie : réinitialiser votre mot de passe',
          lines: ['Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte Vigie.', 'Ce lien est valable une heure et ne sert qu’une fois. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe ne change pas.'],
          label: 'Choisir un nouveau mot de passe',
        }
      : {
          subject: 'Vigie: reset your password',
          lines: ['Someone (you, we hope) asked to reset the password of your Vigie account.', 'This link works for one hour and only once. If you did not ask for it, ignore this message: your password stays the same.'],
          label: 'Choose a new password',
        };
  return { to, subject: t.subject, text: `${t.lines.join('\n\n')}\n\n${t.label}: ${url}\n`, html: html(t.lines, { url, label: t.label }) };
}

/** The invitation e-mail (link valid seven days, one use). */
export function invitationMail(to: string, locale: Locale, workspaceName: string, inviter: string, url: string): IdentityMail {
  const t =
    locale === 'fr'
      ? {
          subject: `Vigie : invitation à rejoindre « ${workspaceName} »`,
          lines: [`${inviter} vous invite à rejoindre l’espace « ${workspaceName} » sur Vigie.`, 'Ce lien est valable sept jours et ne sert qu’une fois : il vous permet de choisir votre mot de passe.'],
          label: 'Accepter l’invitation',
        }
      : {
          subject: `Vigie: invitation to join "${workspaceName}"`,
          lines: [`${inviter} invites you to join the "${workspaceName}" workspace on Vigie.`, 'This link works for seven days and only once: it lets you choose your password.'],
          label: 'Accept the invitation',
        };
  return { to, subject: t.subject, text: `${t.lines.join('\n\n')}\n\n${t.label}: ${url}\n`, html: html(t.lines, { url, label: t.label }) };
}

/** An SMTP mailer from the config; undefined when no SMTP server is configured. */
export function createIdentityMailer(config: Pick<Config, 'smtp' | 'mailFrom'>): IdentityMailer | undefined {
  const smtp = config.smtp;
  if (!smtp) return undefined;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.auth,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 10_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close() {
      transport.close();
    },
  };
}
