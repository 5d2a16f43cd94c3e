/**
 * Demo replay: keeps the demo stream moving by producing new mentions "published" between the
 * previous call and now, in the same style as the seeded month (Paris day/night rhythm included),
 * with some of them answering earlier live posts and the brand answering some questions later.
 * The server calls `next()` from a timer and ingests the result.
 */
import type { MentionInput } from '@vigie/core';
import { AppError } from '@vigie/core';
import { activityWeight, buildOrdinaryMention } from './baseline-activity';
import { createMentionFactory, type DraftMention } from './mention-factory';
import { officialReplies } from './official-replies';
import { createSeededRandom, hashSeed } from './seeded-random';
import { createThreadMemory, toMentionInputs } from './to-mention-inputs';

export interface DemoReplayOptions {
  seed: number;
  /** The clock; injected so tests (and the server) control time. */
  now: () => Date;
  /** Average new mentions per minute over a day (more by day, fewer at night). Default 3. */
  ratePerMinute?: number;
}

export interface DemoReplay {
  /**
   * New mentions published since the previous call (or since creation), oldest first, plus any
   * official answer that has become due. Without `count`, the number follows `ratePerMinute` and
   * the hour of the day, capped at 500 so a long pause does not flood the stream.
   */
  next(count?: number): MentionInput[];
}

const MAX_PER_CALL = 500;
/** Official answers are planned ahead and released once their time has come. */
const REPLY_POLICY = { probability: 0.5, meanDelayMin: 20 };

/**
 * Ids are `demo-live-<publishedAt in base 36>-<counter>`: they never collide with the seeded
 * `demo-<n>`; every live mention is published after the replay was created, so a later run
 * never reuses an earlier run's ids (two replays running at once on one workspace could).
 *
 * @example
 * const replay = createDemoReplay({ seed: 7, now: () => new Date() });
 * setInterval(() => void ingest(replay.next(1)), 8_000);
 */
export function createDemoReplay(options: DemoReplayOptions): DemoReplay {
  const rate = options.ratePerMinute ?? 3;
  if (!(rate >= 0 && rate <= 1_000)) {
    throw new AppError('validation_failed', 'Invalid replay rate / débit de rejeu invalide', [{ field: 'ratePerMinute', message: 'expected 0..1000 / entre 0 et 1000' }]);
  }
  let last = options.now().getTime();
  const rng = createSeededRandom(hashSeed(`replay:${last}`, options.seed));
  const factory = createMentionFactory(rng, options.seed);
  const memory = createThreadMemory();
  let pending: DraftMention[] = [];
  let sequence = 0;

  function idOf(_index: number, draft: DraftMention): string {
    // The run-wide counter separates mentions published in the same millisecond.
    sequence += 1;
    return `demo-live-${draft.at.toString(36)}-${sequence.toString(36)}`;
  }

  function next(count?: number): MentionInput[] {
    if (count !== undefined && !(Number.isInteger(count) && count >= 0 && count <= MAX_PER_CALL)) {
      throw new AppError('validation_failed', 'Invalid replay count / nombre invalide', [{ field: 'count', message: `expected 0..${MAX_PER_CALL}` }]);
    }
    const to = Math.max(options.now().getTime(), last + 1);
    const from = last;
    last = to;
    const minutes = (to - from) / 60_000;
    const n = count ?? Math.min(MAX_PER_CALL, rng.poisson(rate * minutes * activityWeight(to)));
    const times = Array.from({ length: n }, () => from + 1 + Math.floor(rng.next() * (to - from))).sort((a, b) => a - b);
    const fresh = times.map((at) => buildOrdinaryMention(rng, factory, at, { campaignFrom: 0 }));
    pending.push(...officialReplies(rng, factory, fresh, Number.POSITIVE_INFINITY, REPLY_POLICY));
    const due = pending.filter((d) => d.at <= to);
    pending = pending.filter((d) => d.at > to);
    return toMentionInputs([...fresh, ...due], idOf, memory);
  }

  return { next };
}
