/**
 * A notification: one episode event, rendered for people, addressed to one target through one
 * channel. Channels implement one small interface and report the outcome instead of throwing,
 * so the outbox can retry, give up, or show the channel as failing without blocking the others.
 */
import type { AlertRule, EpisodeEvent, LocalizedText, Notification, NotificationTarget } from '@vigie/core';

// The shapes live in core (the store persists them in the outbox); re-exported for the channels.
export type { Notification, NotificationKind, NotificationTarget } from '@vigie/core';

/**
 * What a channel reports: delivered, try again later (transient: SMTP 4xx, HTTP 5xx/429, timeout),
 * or failed for good (SMTP 5xx, HTTP 4xx, blocked URL) — the outbox stops retrying and shows it.
 */
export type SendOutcome = 'sent' | { retryAfterMs: number; reason: string } | { failed: string };

/**
 * @example
 * const outcome = await channel.send(notification, { kind: 'email', to: 'cm@velotys.example' });
 * if (outcome === 'sent') …
 */
export interface NotificationChannel {
  kind: NotificationTarget['kind'];
  send(notification: Notification, target: NotificationTarget): Promise<SendOutcome>;
}

const EVENT_WORDS: Record<EpisodeEvent['type'], LocalizedText> = {
  opened: { fr: 'Nouvel épisode', en: 'New episode' },
  updated: { fr: 'Épisode en évolution', en: 'Episode update' },
  calming: { fr: 'Épisode en accalmie', en: 'Episode calming down' },
  closed: { fr: 'Épisode terminé', en: 'Episode closed' },
};

/**
 * @example
 * toNotification(event, rule, { key, appUrl: 'https://vigie.example' }).title.fr; // 'Nouvel épisode — Crise sur « Velotys Ondine »…'
 */
export function toNotification(event: EpisodeEvent, rule: Pick<AlertRule, 'locale'>, options: { key: string; scopeName?: string; appUrl?: string }): Notification {
  const { episode } = event;
  const words = EVENT_WORDS[event.type];
  return {
    key: options.key,
    kind: 'episode',
    locale: rule.locale,
    title: { fr: `${words.fr} — ${episode.explanation.headline.fr}`, en: `${words.en} — ${episode.explanation.headline.en}` },
    episode: {
      id: episode.id,
      event: event.type,
      kind: episode.kind,
      scopeName: options.scopeName ?? episode.scope.id,
      startedAt: episode.startedAt,
      detectedAt: episode.detectedAt,
      revision: episode.revision,
      explanation: episode.explanation,
    },
    url: options.appUrl ? `${options.appUrl.replace(/\/$/, '')}/#/alerts/episodes/${encodeURIComponent(episode.id)}` : undefined,
  };
}
