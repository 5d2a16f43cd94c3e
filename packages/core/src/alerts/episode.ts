import type { AlertScope, LocalizedText } from './alert-point';
import type { Signal } from './detectors/signal';

export type EpisodeKind = 'crisis' | 'buzz';
/** open → (updated) → calming → closed; a calming episode that flares up again is open again. */
export type EpisodeStatus = 'open' | 'calming' | 'closed';
export type EpisodeEventType = 'opened' | 'updated' | 'calming' | 'closed';

/** What a person reads in ten seconds, and the figures behind it. */
export interface EpisodeExplanation {
  /** One line: kind, scope, since when. */
  headline: LocalizedText;
  /** Two or three sentences: what changed, sentiment shift, top terms and post. */
  text: LocalizedText;
  since: string;
  /** One line per detector that fired. */
  changes: LocalizedText[];
  topTerms: { term: string; count: number }[];
  topPosts: { externalId: string; authorHandle: string; reach: number; spread: number; text?: string }[];
  topAuthors: { handle: string; mentions: number; reach: number }[];
  /** Shares 0..1 before (the usual 7 days) and during the episode. */
  sentiment: { before: SentimentShares; during: SentimentShares };
  /** Mentions per 5 minutes from one hour before the onset to now (at most 48 values, re-binned). */
  sparkline: number[];
  /** Minutes per sparkline value. */
  sparklineStepMin: number;
  volume: { mentions: number; authors: number; reach: number };
}

export interface SentimentShares {
  negative: number;
  neutral: number;
  positive: number;
}

/**
 * A detected crisis or buzz on one scope, for one rule.
 *
 * @example
 * { id: 'r1:topic:t1:2026-11-17T07:40:00.000Z', ruleId: 'r1', scope: { kind: 'topic', id: 't1' }, kind: 'crisis',
 *   status: 'open', startedAt: '…07:40…', detectedAt: '…07:55…', revision: 1, signals: [ … ], explanation: { … } }
 */
export interface Episode {
  id: string;
  ruleId: string;
  scope: AlertScope;
  kind: EpisodeKind;
  status: EpisodeStatus;
  startedAt: string;
  detectedAt: string;
  updatedAt: string;
  calmingAt?: string;
  closedAt?: string;
  /** The busiest hour so far: its end and its mention count. */
  peak: { at: string; mentions: number };
  /** Bumped at every event; part of the notification idempotency key. */
  revision: number;
  /** Every signal grouped into the episode (the last 50). */
  signals: Signal[];
  explanation: EpisodeExplanation;
}

/**
 * What the engine emits at an evaluation; the server persists it and queues notifications.
 *
 * @example
 * for (const event of engine.evaluate(now)) outbox.enqueue(event);
 */
export interface EpisodeEvent {
  type: EpisodeEventType;
  at: string;
  episode: Episode;
}
