/**
 * High-reach author: one mention whose estimated reach is large in absolute terms AND large for
 * this scope (many times the median reach of its mentions over the last 24 hours), so that a topic
 * usually covered by national media does not ring for every article.
 */
import type { AlertPoint, AlertScope } from '../alert-point';
import { THRESHOLDS, type Sensitivity } from '../sensitivity';
import type { Signal } from './signal';

export interface HighReachInput {
  scope: AlertScope;
  now: number;
  /** Points of the scope published since the previous evaluation. */
  fresh: readonly AlertPoint[];
  /** Median estimated reach of the scope's mentions over the last 24 hours (0 when unknown). */
  usualReach: number;
  sensitivity: Sensitivity;
}

/**
 * The strongest new high-reach mention, if any.
 *
 * @example
 * detectHighReachAuthor({ scope, now, fresh: [point], usualReach: 800, sensitivity: 'normal' });
 */
export function detectHighReachAuthor(input: HighReachInput): Signal | undefined {
  const t = THRESHOLDS[input.sensitivity];
  const floor = Math.max(t.highReachMin, t.highReachFactor * Math.max(1, input.usualReach));
  let top: AlertPoint | undefined;
  for (const point of input.fresh) {
    // Reposts carry the audience of the reposter, not a new voice: the fast-spread detector covers them.
    if (point.repostOf) continue;
    if (point.reach >= floor && (!top || point.reach > top.reach)) top = point;
  }
  if (!top) return undefined;
  const reach = Math.round(top.reach);
  const fr = new Intl.NumberFormat('fr-FR').format(reach);
  const en = new Intl.NumberFormat('en-US').format(reach);
  return {
    detector: 'high_reach_author',
    scope: input.scope,
    at: new Date(input.now).toISOString(),
    since: top.publishedAt,
    observed: reach,
    expected: Math.round(input.usualReach),
    strength: reach / Math.max(1, input.usualReach),
    postId: top.externalId,
    authorHandle: top.authorHandle,
    summary: {
      fr: `Mention par ${top.authorHandle}, audience estimée ${fr} personnes`,
      en: `Mention by ${top.authorHandle}, estimated reach ${en} people`,
    },
  };
}
