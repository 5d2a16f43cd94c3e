/**
 * Alert rules: what to watch (a topic or a query), with which detectors and sensitivity, when to
 * stay quiet, how long to wait between two notifications, and whom to tell through which channels.
 * `parseAlertRule` is the one validator the API, the CLI and the UI share: impossible settings are
 * refused with the field path and the reason, in French and English.
 */
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../errors';
import { DETECTOR_KINDS } from './detectors/signal';
import { SENSITIVITIES } from './sensitivity';
import { isTimeZone, minuteOfDay } from './time-buckets';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (00:00–23:59) / format HH:MM attendu');

export const WEBHOOK_FORMATS = ['generic', 'slack', 'mattermost', 'teams'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

const channelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('in_app') }),
  z.object({ kind: z.literal('email') }),
  z.object({
    kind: z.literal('webhook'),
    /** http(s) only; the server also refuses private addresses (SSRF) before saving. */
    url: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL / URL http(s) attendue' }),
    format: z.enum(WEBHOOK_FORMATS).default('generic'),
    /** HMAC key for the signature header; at least 16 characters. Secret: never returned by the API. */
    secret: z.string().min(16, 'at least 16 characters / au moins 16 caractères').max(200).optional(),
  }),
]);

export const alertRuleSchema = z
  .object({
    id: z.string().min(1).max(100).optional(),
    name: z.string().trim().min(1, 'required / obligatoire').max(120),
    scope: z.object({ kind: z.enum(['topic', 'query']), id: z.string().min(1, 'required / obligatoire') }),
    detectors: z
      .array(z.enum(DETECTOR_KINDS))
      .min(1, 'choose at least one detector / choisissez au moins un détecteur')
      .refine((list) => new Set(list).size === list.length, 'a detector is listed twice / détecteur en double'),
    sensitivity: z.enum(SENSITIVITIES).default('normal'),
    /** Notifications wait until the end of quiet hours (detection goes on). `from` > `to` spans midnight. */
    quietHours: z
      .object({
        from: clock,
        to: clock,
        timeZone: z.string().refine(isTimeZone, 'unknown time zone / fuseau horaire inconnu'),
      })
      .refine((q) => q.from !== q.to, { message: 'from and to are equal: quiet all day? / début et fin identiques', path: ['to'] })
      .optional(),
    /** Least time between two notifications of the same episode, and before a closed episode can reopen as new. */
    cooldownMinutes: z.number().int('whole minutes / minutes entières').min(0, 'cannot be negative / ne peut être négatif').max(7 * 24 * 60, 'at most 7 days / 7 jours au plus').default(60),
    channels: z.array(channelSchema).min(1, 'choose at least one channel / choisissez au moins un canal').max(10),
    recipients: z.array(z.email('not an e-mail address / adresse e-mail invalide')).max(50).default([]),
    /** Digest e-mails for this rule's recipients, besides live notifications. */
    digest: z.enum(['none', 'daily', 'weekly']).default('none'),
    /** Language of e-mails and chat messages. */
    locale: z.enum(['fr', 'en']).default('fr'),
    enabled: z.boolean().default(true),
  })
  .superRefine((rule, ctx) => {
    const wantsMail = rule.channels.some((c) => c.kind === 'email') || rule.digest !== 'none';
    if (wantsMail && rule.recipients.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['recipients'], message: 'e-mail needs at least one recipient / l’e-mail demande au moins un destinataire' });
    }
    const kinds = rule.channels.map((c) => (c.kind === 'webhook' ? `webhook:${c.url}` : c.kind));
    if (new Set(kinds).size !== kinds.length) {
      ctx.addIssue({ code: 'custom', path: ['channels'], message: 'a channel is listed twice / canal en double' });
    }
  });

/** A valid rule, defaults applied. */
export type AlertRule = z.output<typeof alertRuleSchema>;
/** What a caller sends (defaults optional). */
export type AlertRuleInput = z.input<typeof alertRuleSchema>;
export type AlertChannel = AlertRule['channels'][number];

/**
 * Validates a rule; throws AppError('validation_failed') listing every problem with its field path.
 *
 * @example
 * parseAlertRule({ name: 'Ondine', scope: { kind: 'topic', id: 't1' }, detectors: ['volume_spike'], channels: [{ kind: 'in_app' }] });
 * parseAlertRule({ …, cooldownMinutes: -5 }); // throws, details: [{ field: 'cooldownMinutes', message: 'cannot be negative / …' }]
 */
export function parseAlertRule(input: unknown): AlertRule {
  const result = alertRuleSchema.safeParse(input);
  if (result.success) return result.data;
  const details: ErrorDetail[] = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(rule)',
    message: issue.message,
  }));
  throw new AppError('validation_failed', 'Invalid alert rule / règle d’alerte invalide', details);
}

/**
 * True when `at` falls in the rule's quiet hours (notifications wait, detection does not).
 *
 * @example
 * isQuietTime({ from: '22:00', to: '07:00', timeZone: 'Europe/Paris' }, Date.parse('2026-11-17T23:30:00Z')); // true (00:30 in Paris)
 */
export function isQuietTime(quiet: AlertRule['quietHours'], at: number): boolean {
  if (!quiet) return false;
  const minute = minuteInZone(at, quiet.timeZone);
  const from = toMinutes(quiet.from);
  const to = toMinutes(quiet.to);
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/**
 * When a notification held by quiet hours may go: `at` itself when not quiet, else the end of the quiet period.
 *
 * @example
 * new Date(quietUntil(quiet, Date.parse('2026-11-17T23:30:00Z'))).toISOString(); // '2026-11-18T06:00:00.000Z' (07:00 Paris)
 */
export function quietUntil(quiet: AlertRule['quietHours'], at: number): number {
  if (!quiet || !isQuietTime(quiet, at)) return at;
  const minute = minuteInZone(at, quiet.timeZone);
  const wait = (toMinutes(quiet.to) - minute + 24 * 60) % (24 * 60);
  const candidate = Math.floor(at / 60_000) * 60_000 + wait * 60_000;
  // A clock change inside the quiet period moves the wall-clock end by an hour: step until out.
  return isQuietTime(quiet, candidate) ? candidate + 3_600_000 : candidate;
}

function toMinutes(clockText: string): number {
  const [h, m] = clockText.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function minuteInZone(at: number, timeZone: string): number {
  return minuteOfDay(at, timeZone);
}
