/**
 * Fast spread: one post gathers reposts, quotes and replies faster and faster — at least a minimum
 * number in the last 30 minutes, and more than the 30 minutes before by an acceleration factor.
 * Children are the scope's points whose `repostOf` or `threadExternalId` names the root.
 */
import type { AlertPoint, AlertScope } from '../alert-point';
import { THRESHOLDS, type Sensitivity } from '../sensitivity';
import { MINUTE_MS } from '../time-buckets';
import type { Signal } from './signal';

export interface FastSpreadInput {
  scope: AlertScope;
  now: number;
  /** The scope's points of (at least) the last hour, any order. */
  recent: readonly AlertPoint[];
  sensitivity: Sensitivity;
}

const HALF_MS = 30 * MINUTE_MS;

/** The post a point spreads: what it reposts, else the root of its thread. */
export function rootOf(point: AlertPoint): string | undefined {
  return point.repostOf ?? point.threadExternalId;
}

/**
 * @example
 * detectFastSpread({ scope, now, recent, sensitivity: 'normal' }); // Signal with postId of the spreading post
 */
export function detectFastSpread(input: FastSpreadInput): Signal | undefined {
  const t = THRESHOLDS[input.sensitivity];
  const last = new Map<string, number>();
  const before = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  for (const point of input.recent) {
    const root = rootOf(point);
    if (!root) continue;
    const ms = Date.parse(point.publishedAt);
    if (ms > input.now || ms <= input.now - 2 * HALF_MS) continue;
    const bag = ms > input.now - HALF_MS ? last : before;
    bag.set(root, (bag.get(root) ?? 0) + 1);
    firstSeen.set(root, Math.min(firstSeen.get(root) ?? ms, ms));
  }
  let best: { root: string; count: number; previous: number } | undefined;
  for (const [root, count] of last) {
    const previous = before.get(root) ?? 0;
    if (count < t.spreadMinChildren || count < t.spreadAcceleration * previous) continue;
    if (!best || count > best.count) best = { root, count, previous };
  }
  if (!best) return undefined;
  const rootPoint = input.recent.find((p) => p.externalId === best.root);
  return {
    detector: 'fast_spread',
    scope: input.scope,
    at: new Date(input.now).toISOString(),
    since: rootPoint?.publishedAt ?? new Date(firstSeen.get(best.root) ?? input.now).toISOString(),
    observed: best.count,
    expected: best.previous,
    strength: best.count / Math.max(1, best.previous),
    postId: best.root,
    authorHandle: rootPoint?.authorHandle,
    summary: {
      fr: `Un post se propage : ${best.count} reprises ou réponses en 30 min (${best.previous} la demi-heure d'avant)`,
      en: `A post is spreading: ${best.count} reposts or replies in 30 min (${best.previous} the half hour before)`,
    },
  };
}
