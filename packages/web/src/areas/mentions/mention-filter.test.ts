import type { MentionView } from '@vigie/client';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, matchesFilter, toListFilter } from './mention-filter';

const mention = {
  id: 'm1',
  connector: 'rss',
  title: 'Le prix de Vigie',
  text: 'Un outil très économique',
  publishedAt: '2026-11-20T10:00:00.000Z',
  analysis: { lang: { analyzer: 'x@1', value: 'fr', confidence: 1 }, sentiment: { analyzer: 'y@1', label: 'positive', score: 0.6 } },
  topicIds: ['t1'],
} as unknown as MentionView;

describe('toListFilter', () => {
  it('drops empty fields and makes the end date inclusive', () => {
    const filter = toListFilter({ ...EMPTY_FILTER, search: '  prix ', since: '2026-11-01', until: '2026-11-01' });
    expect(filter.search).toBe('prix');
    expect(filter.topic).toBeUndefined();
    const since = new Date(filter.since ?? '');
    const until = new Date(filter.until ?? '');
    expect(until.getTime() - since.getTime()).toBe(24 * 3600 * 1000);
  });
});

describe('matchesFilter', () => {
  it('keeps a live mention only when every filter agrees', () => {
    expect(matchesFilter(mention, {})).toBe(true);
    expect(matchesFilter(mention, { search: 'ECONOMIQUE vigie' })).toBe(true);
    expect(matchesFilter(mention, { search: 'cher' })).toBe(false);
    expect(matchesFilter(mention, { topic: 't2' })).toBe(false);
    expect(matchesFilter(mention, { sentiment: 'negative' })).toBe(false);
    expect(matchesFilter(mention, { lang: 'fr', connector: 'rss' })).toBe(true);
    expect(matchesFilter(mention, { since: '2026-11-21T00:00:00.000Z' })).toBe(false);
  });
});
