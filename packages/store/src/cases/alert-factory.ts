import type { Episode, EpisodeExplanation, Notification } from '@vigie/core';

let counter = 0;

const explanation: EpisodeExplanation = {
  headline: { fr: 'Crise sur « Ondine » depuis 08:40', en: 'Crisis on "Ondine" since 08:40' },
  text: { fr: '54 mentions en 30 min.', en: '54 mentions in 30 min.' },
  since: '2026-11-17T07:40:00.000Z',
  changes: [{ fr: '31 mentions en 30 min', en: '31 mentions in 30 min' }],
  topTerms: [{ term: 'batterie', count: 30 }],
  topPosts: [{ externalId: 'x1', authorHandle: '@julien', reach: 890_000, spread: 24, text: 'Ma batterie a pris feu' }],
  topAuthors: [{ handle: '@julien', mentions: 3, reach: 890_000 }],
  sentiment: { before: { negative: 0.18, neutral: 0.5, positive: 0.32 }, during: { negative: 0.71, neutral: 0.2, positive: 0.09 } },
  sparkline: [0, 1, 4, 9, 14],
  sparklineStepMin: 5,
  volume: { mentions: 54, authors: 50, reach: 2_400_000 },
};

/**
 * Test data: an open crisis episode with a unique id; override what the test is about.
 *
 * @example
 * makeEpisode({ status: 'closed', closedAt: '2026-11-17T12:00:00.000Z', revision: 3 });
 */
export function makeEpisode(overrides: Partial<Episode> = {}): Episode {
  counter += 1;
  return {
    id: `r1:topic:t1:2026-11-17T07:${String(counter % 60).padStart(2, '0')}:00.000Z#${counter}`,
    ruleId: 'r1',
    scope: { kind: 'topic', id: 't1' },
    kind: 'crisis',
    status: 'open',
    startedAt: '2026-11-17T07:40:00.000Z',
    detectedAt: '2026-11-17T07:55:00.000Z',
    updatedAt: '2026-11-17T07:55:00.000Z',
    peak: { at: '2026-11-17T08:00:00.000Z', mentions: 31 },
    revision: 1,
    signals: [
      {
        detector: 'volume_spike', scope: { kind: 'topic', id: 't1' }, at: '2026-11-17T07:55:00.000Z', since: '2026-11-17T07:40:00.000Z',
        observed: 31, expected: 0.6, strength: 24.1, summary: { fr: '31 mentions en 30 min', en: '31 mentions in 30 min' },
      },
    ],
    explanation,
    ...overrides,
  };
}

/** Test data: an episode notification with a unique key. @example makeNotification({ key: 'k1' }); */
export function makeNotification(overrides: Partial<Notification> = {}): Notification {
  counter += 1;
  return {
    key: `ntf_${counter}_${Date.now().toString(36)}`,
    kind: 'episode',
    locale: 'fr',
    title: { fr: 'Nouvel épisode — Crise sur « Ondine »', en: 'New episode — Crisis on "Ondine"' },
    episode: { id: 'e1', event: 'opened', kind: 'crisis', scopeName: 'Ondine', startedAt: explanation.since, detectedAt: '2026-11-17T07:55:00.000Z', revision: 1, explanation },
    url: 'https://vigie.example/#/alerts/episodes/e1',
    ...overrides,
  };
}
