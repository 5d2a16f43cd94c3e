/**
 * Reach and influence from what networks tell us: follower count and engagement counts.
 *
 * The model, kept simple and documented because users will quote its numbers:
 * - views, when the network reports them, are the reach;
 * - otherwise about 10 % of followers see a post organically, each repost or quote shows it to
 *   the same share of an average audience of 300 accounts, and a post seen by N people gathers
 *   about 3 % of N as interactions — so the reach is at least the interactions / 0.03;
 * - influence (0..100) is log-scaled: 10 followers and 10 million are 7 decades apart, not 10^6×.
 */

export interface ReachInputs {
  followers?: number;
  likes?: number;
  reposts?: number;
  replies?: number;
  quotes?: number;
  views?: number;
}

export type ReachBasis = 'views' | 'followers' | 'engagement' | 'unknown';
export type AuthorTier = 'unknown' | 'small' | 'nano' | 'micro' | 'macro' | 'mega';

export interface ReachEstimate {
  /** People who probably saw the post. */
  estimatedReach: number;
  /** People who could have seen it: followers plus the audiences of reposts and quotes. */
  potentialReach: number;
  /** Likes + reposts + replies + quotes. */
  interactions: number;
  /** Interactions per person reached, 0..1; null when nothing is known of the audience. */
  engagementRate: number | null;
  /** Author influence 0..100, log-scaled on followers (75 %) and interactions (25 %). */
  influence: number;
  tier: AuthorTier;
  basis: ReachBasis;
}

export const REACH_MODEL = {
  organicRate: 0.1,
  averageAudience: 300,
  typicalEngagementRate: 0.03,
  /** log10 of the audience that scores full marks (10 million followers). */
  audienceDecades: 7,
  /** log10 of the interactions that score full marks (100 000). */
  interactionDecades: 5,
} as const;

/**
 * Estimates reach and influence. Missing, negative or non-numeric counts count as unknown.
 *
 * @example
 * estimateReach({ followers: 12_000, likes: 40, reposts: 5 })
 * // → { estimatedReach: 1500, potentialReach: 13500, interactions: 45, engagementRate: 0.03, influence: 52, tier: 'micro', basis: 'followers' }
 */
export function estimateReach(inputs: ReachInputs): ReachEstimate {
  const followers = count(inputs?.followers);
  const views = count(inputs?.views);
  const shares = (count(inputs?.reposts) ?? 0) + (count(inputs?.quotes) ?? 0);
  const interactions = shares + (count(inputs?.likes) ?? 0) + (count(inputs?.replies) ?? 0);
  const amplified = shares * REACH_MODEL.averageAudience;
  const potentialReach = (followers ?? 0) + amplified;
  const fromEngagement = Math.round(interactions / REACH_MODEL.typicalEngagementRate);
  let estimatedReach: number;
  let basis: ReachBasis;
  if (views !== undefined && views > 0) {
    estimatedReach = views;
    basis = 'views';
  } else if (followers !== undefined) {
    estimatedReach = Math.max(Math.round((followers + amplified) * REACH_MODEL.organicRate), fromEngagement);
    basis = 'followers';
  } else if (interactions > 0) {
    estimatedReach = fromEngagement;
    basis = 'engagement';
  } else {
    estimatedReach = 0;
    basis = 'unknown';
  }
  const audience = views ?? (followers !== undefined ? estimatedReach : undefined);
  return {
    estimatedReach,
    potentialReach: Math.max(potentialReach, estimatedReach),
    interactions,
    engagementRate: audience !== undefined && audience > 0 ? Math.round(Math.min(1, interactions / audience) * 10_000) / 10_000 : null,
    influence: influenceScore(followers, interactions),
    tier: tierOf(followers),
    basis,
  };
}

/**
 * Author influence 0..100 from followers and the interactions of their post.
 *
 * @example
 * influenceScore(1_000_000, 5_000) // → 83
 * influenceScore(undefined, 0) // → 0
 */
export function influenceScore(followers: number | undefined, interactions = 0): number {
  const audience = Math.min(1, Math.log10(1 + (count(followers) ?? 0)) / REACH_MODEL.audienceDecades);
  const engagement = Math.min(1, Math.log10(1 + (count(interactions) ?? 0)) / REACH_MODEL.interactionDecades);
  return Math.round(100 * (0.75 * audience + 0.25 * engagement));
}

/**
 * The usual influencer tiers by followers.
 *
 * @example
 * tierOf(45_000) // → 'micro'
 */
export function tierOf(followers: number | undefined): AuthorTier {
  const f = count(followers);
  if (f === undefined) return 'unknown';
  if (f >= 1_000_000) return 'mega';
  if (f >= 100_000) return 'macro';
  if (f >= 10_000) return 'micro';
  if (f >= 1_000) return 'nano';
  return 'small';
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
}
