import type { LanguageResult, NewMention, SentimentLabel, SentimentResult } from '@vigie/core';

let counter = 0;

/**
 * Test data: a valid NewMention with a unique externalId; override what the test is about.
 *
 * @example
 * makeMention({ text: 'École fermée', publishedAt: at(5) });
 */
export function makeMention(overrides: Partial<NewMention> = {}): NewMention {
  counter += 1;
  return {
    connector: 'rss',
    externalId: `ext-${counter}`,
    url: `https://blog.example/p/${counter}`,
    author: { handle: `author${counter}`, name: 'Jeanne Martin', followers: 120 },
    text: `Un billet ordinaire numéro ${counter}`,
    kind: 'post',
    publishedAt: at(counter % 50),
    engagement: { likes: 1 },
    raw: { n: counter },
    analysis: {},
    queryIds: [],
    topicIds: [],
    ...overrides,
  };
}

/** ISO time `minutes` after a fixed origin (2026-11-20 10:00 UTC). */
export function at(minutes: number): string {
  return new Date(Date.UTC(2026, 10, 20, 10, 0, 0) + minutes * 60_000).toISOString();
}

/** A language analysis result (typed, so object literals need no casts). */
export function detected(value: string, confidence = 0.9): LanguageResult {
  return { analyzer: 'test-lang@1', value, confidence };
}

/** A sentiment analysis result. */
export function feeling(label: SentimentLabel, score = 0): SentimentResult {
  return { analyzer: 'test-sentiment@1', label, score };
}
