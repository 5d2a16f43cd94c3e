/**
 * How alert rules, episodes and deliveries leave the API: webhook secrets never leave (only
 * `hasSecret`), an episode in a list carries what the list shows (the ten-second read and its
 * sparkline), a delivery shows its channel and target without secrets.
 */
import type { Episode, OutboxEntry, StoredAlertRule } from '@vigie/core';

/** @example presentAlertRule(rule).channels; // [{ kind: 'webhook', url, format: 'slack', hasSecret: true }] */
export function presentAlertRule(rule: StoredAlertRule) {
  return {
    ...rule,
    channels: rule.channels.map((channel) => {
      if (channel.kind !== 'webhook') return channel;
      const { secret, ...rest } = channel;
      return { ...rest, hasSecret: secret !== undefined };
    }),
  };
}

/** An episode as lists show it. */
export function presentEpisodeSummary(episode: Episode, scopeName: string | undefined) {
  const { explanation } = episode;
  return {
    id: episode.id,
    ruleId: episode.ruleId,
    scope: { ...episode.scope, name: scopeName ?? episode.scope.id },
    kind: episode.kind,
    status: episode.status,
    startedAt: episode.startedAt,
    detectedAt: episode.detectedAt,
    updatedAt: episode.updatedAt,
    ...(episode.closedAt !== undefined && { closedAt: episode.closedAt }),
    revision: episode.revision,
    peak: episode.peak,
    headline: explanation.headline,
    text: explanation.text,
    sparkline: explanation.sparkline,
    sparklineStepMin: explanation.sparklineStepMin,
    volume: explanation.volume,
  };
}

/** A delivery of the outbox, for the "failing channels" list. */
export function presentDelivery(entry: OutboxEntry) {
  const { target } = entry;
  return {
    key: entry.key,
    channel: target.kind,
    target: target.kind === 'email' ? target.to : target.kind === 'webhook' ? target.url : 'in-app',
    status: entry.status,
    attempts: entry.attempts,
    nextAttemptAt: new Date(entry.nextAttemptAt).toISOString(),
    ...(entry.lastError !== undefined && { lastError: entry.lastError }),
    title: entry.notification.title,
  };
}
