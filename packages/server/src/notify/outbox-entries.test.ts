import { parseAlertRule, type EpisodeEvent } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { outboxEntriesFor } from './outbox';
import { sampleNotification } from './sample-notification';

function event(revision: number): EpisodeEvent {
  const sample = sampleNotification();
  const episode = sample.episode;
  if (!episode) throw new Error('sample has an episode');
  return {
    type: revision === 1 ? 'opened' : 'updated',
    at: episode.detectedAt,
    episode: {
      id: episode.id, ruleId: 'r1', scope: { kind: 'topic', id: 't1' }, kind: episode.kind, status: 'open',
      startedAt: episode.startedAt, detectedAt: episode.detectedAt, updatedAt: episode.detectedAt,
      peak: { at: episode.detectedAt, mentions: 40 }, revision, signals: [], explanation: episode.explanation,
    },
  };
}

const rule = parseAlertRule({
  id: 'r1', name: 'Ondine', scope: { kind: 'topic', id: 't1' }, detectors: ['volume_spike'], locale: 'en',
  quietHours: { from: '22:00', to: '07:00', timeZone: 'Europe/Paris' },
  channels: [{ kind: 'in_app' }, { kind: 'email' }, { kind: 'webhook', url: 'https://hooks.example/vigie', format: 'teams', secret: 'a-long-enough-secret' }],
  recipients: ['cm@velotys.example', 'pr@velotys.example'],
});

describe('outbox entries for an episode event', () => {
  it('makes one delivery per channel and recipient, each with its own stable key, in the rule’s language', () => {
    const now = Date.parse('2026-11-17T10:00:00Z');
    const entries = outboxEntriesFor(event(1), rule, { workspaceId: 'w1', now, scopeName: 'Velotys Ondine', appUrl: 'https://vigie.example/' });
    expect(entries.map((e) => e.target.kind)).toEqual(['in_app', 'email', 'email', 'webhook']);
    expect(new Set(entries.map((e) => e.key)).size).toBe(4);
    expect(entries.every((e) => e.nextAttemptAt === now)).toBe(true);
    expect(entries[0]?.notification).toMatchObject({ locale: 'en', title: { en: expect.stringMatching(/^New episode — Crisis/) } });
    expect(entries[0]?.notification.url).toBe(`https://vigie.example/#/alerts/episodes/${encodeURIComponent(event(1).episode.id)}`);
    // The same event enqueued again after a restart gives the same keys; a new revision gives new ones.
    expect(outboxEntriesFor(event(1), rule, { workspaceId: 'w1', now }).map((e) => e.key)).toEqual(entries.map((e) => e.key));
    expect(outboxEntriesFor(event(2), rule, { workspaceId: 'w1', now }).map((e) => e.key)).not.toContain(entries[0]?.key);
  });

  it('holds deliveries until the end of the rule’s quiet hours', () => {
    const night = Date.parse('2026-11-17T23:30:00Z'); // 00:30 in Paris
    const entries = outboxEntriesFor(event(1), rule, { workspaceId: 'w1', now: night });
    expect(entries.every((e) => e.nextAttemptAt === Date.parse('2026-11-18T06:00:00Z'))).toBe(true);
  });
});
