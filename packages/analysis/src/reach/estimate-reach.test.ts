import { describe, expect, it } from 'vitest';
import { estimateReach, influenceScore, tierOf } from './estimate-reach';
import { createReachAnalyzer } from './reach-analyzer';

describe('estimateReach', () => {
  it('uses views when the network reports them', () => {
    const result = estimateReach({ followers: 1000, views: 54_321, likes: 10 });
    expect(result).toMatchObject({ estimatedReach: 54_321, basis: 'views' });
    expect(result.engagementRate).toBeCloseTo(10 / 54_321, 4);
  });

  it('estimates from followers, and counts reposts as extra audience', () => {
    const quiet = estimateReach({ followers: 10_000 });
    const shared = estimateReach({ followers: 10_000, reposts: 50 });
    expect(quiet).toMatchObject({ estimatedReach: 1000, potentialReach: 10_000, basis: 'followers' });
    expect(shared.estimatedReach).toBeGreaterThan(quiet.estimatedReach);
    expect(shared.potentialReach).toBe(10_000 + 50 * 300);
  });

  it('never reports fewer people reached than the engagement implies', () => {
    const viral = estimateReach({ followers: 50, likes: 3000 });
    expect(viral.estimatedReach).toBe(100_000);
    expect(estimateReach({ likes: 30 })).toMatchObject({ estimatedReach: 1000, basis: 'engagement', engagementRate: null });
  });

  it('treats missing, negative or garbage counts as unknown instead of throwing', () => {
    expect(estimateReach({})).toMatchObject({ estimatedReach: 0, basis: 'unknown', influence: 0, tier: 'unknown' });
    expect(estimateReach({ followers: -5, likes: Number.NaN, views: Infinity })).toMatchObject({ basis: 'unknown', interactions: 0 });
    expect(estimateReach(undefined as unknown as object).basis).toBe('unknown');
  });
});

describe('influenceScore and tiers', () => {
  it('is log-scaled: each tenfold audience adds the same amount', () => {
    const a = influenceScore(1_000);
    const b = influenceScore(10_000);
    const c = influenceScore(100_000);
    expect(b - a).toBe(c - b);
    expect(influenceScore(10_000_000, 100_000)).toBe(100);
    expect(influenceScore(0)).toBe(0);
  });

  it('rewards engagement for the same audience', () => {
    expect(influenceScore(5_000, 500)).toBeGreaterThan(influenceScore(5_000, 2));
  });

  it('names the usual tiers', () => {
    expect([500, 5_000, 50_000, 500_000, 5_000_000].map(tierOf)).toEqual(['small', 'nano', 'micro', 'macro', 'mega']);
  });
});

describe('createReachAnalyzer', () => {
  it('reads the author and engagement of a mention and stamps the result', () => {
    const result = createReachAnalyzer().analyze({ text: '', author: { handle: '@a', followers: 5000 }, engagement: { likes: 12 } });
    expect(result).toMatchObject({ analyzer: 'vigie-reach@1', estimatedReach: 500, tier: 'nano', basis: 'followers' });
  });
});
