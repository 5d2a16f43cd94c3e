/**
 * A notification for tests and the benchmark, with hostile mention text in every field that
 * comes from strangers (handles, terms, post excerpts), so each channel's escaping is exercised.
 */
import type { EpisodeExplanation } from '@vigie/core';
import type { Notification } from './notification';

/** @example const n = sampleNotification({ locale: 'en' }); */
export function sampleNotification(overrides: Partial<Notification> = {}): Notification {
  const explanation: EpisodeExplanation = {
    headline: { fr: 'Crise sur « Velotys Ondine » depuis mar. 17 nov., 08:40', en: 'Crisis on "Velotys Ondine" since Tue 17 Nov, 08:40' },
    text: {
      fr: "54 mentions en 30 min, 50 auteurs. Négatif : 71 % (contre 18 % d'habitude). Termes : batterie, feu. Post le plus repris : @julien_marchand.",
      en: '54 mentions in 30 min, 50 authors. Negative: 71 % (vs 18 % usually). Terms: battery, fire. Most spread post: @julien_marchand.',
    },
    since: '2026-11-17T07:40:00.000Z',
    changes: [{ fr: '31 mentions en 30 min (≈ 0,6 attendues)', en: '31 mentions in 30 min (≈ 0.6 expected)' }],
    topTerms: [{ term: 'batterie', count: 30 }, { term: '<script>alert(1)</script>', count: 4 }],
    topPosts: [{ externalId: 'x1', authorHandle: '@julien_marchand', reach: 890_000, spread: 24, text: 'Ma batterie a pris feu <img src=x onerror=alert(1)> <!channel> @all **gras**' }],
    topAuthors: [{ handle: '@julien_marchand', mentions: 3, reach: 890_000 }],
    sentiment: { before: { negative: 0.18, neutral: 0.5, positive: 0.32 }, during: { negative: 0.71, neutral: 0.2, positive: 0.09 } },
    sparkline: [0, 0, 1, 0, 4, 9, 14, 12],
    sparklineStepMin: 5,
    volume: { mentions: 54, authors: 50, reach: 2_400_000 },
  };
  return {
    key: 'ntf_0123456789abcdef0123456789abcdef',
    kind: 'episode',
    locale: 'fr',
    title: { fr: `Nouvel épisode — ${explanation.headline.fr}`, en: `New episode — ${explanation.headline.en}` },
    episode: {
      id: 'r1:topic:t1:2026-11-17T07:40:00.000Z', event: 'opened', kind: 'crisis', scopeName: 'Velotys Ondine',
      startedAt: '2026-11-17T07:40:00.000Z', detectedAt: '2026-11-17T07:55:00.000Z', revision: 1, explanation,
    },
    url: 'https://vigie.example/#/alerts/episodes/e1',
    ...overrides,
  };
}
