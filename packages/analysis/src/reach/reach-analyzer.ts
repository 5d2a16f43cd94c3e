/**
 * The `reach` analyzer: reach and author influence from the mention's author and engagement.
 * The text is not read, so it costs nothing whatever the post contains.
 */
import type { Analyzer, AnalyzerInput, AnalyzerStamp } from '@vigie/core';
import { estimateReach, type ReachEstimate } from './estimate-reach';

export interface ReachResult extends AnalyzerStamp, ReachEstimate {}

export const REACH_ANALYZER_NAME = 'vigie-reach';
export const REACH_ANALYZER_VERSION = '1';

/**
 * Creates the reach analyzer (key `reach`).
 *
 * @example
 * createReachAnalyzer().analyze({ text: '…', author: { handle: '@a', followers: 5000 }, engagement: { likes: 12 } })
 * // → { analyzer: 'vigie-reach@1', estimatedReach: 500, influence: 45, tier: 'nano', basis: 'followers', … }
 */
export function createReachAnalyzer(): Analyzer<ReachResult> {
  const analyzer = `${REACH_ANALYZER_NAME}@${REACH_ANALYZER_VERSION}`;
  return {
    key: 'reach',
    name: REACH_ANALYZER_NAME,
    version: REACH_ANALYZER_VERSION,
    analyze(input: AnalyzerInput): ReachResult {
      return { analyzer, ...estimateReach({ followers: input?.author?.followers, ...(input?.engagement ?? {}) }) };
    },
  };
}
