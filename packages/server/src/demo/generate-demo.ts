/**
 * The demo data set: about 5,000 French and English mentions of a fictional brand over the last
 * 30 days, with one crisis and one buzz at fixed offsets from `now`. Deterministic: the same
 * seed and the same `now` (to the hour) give the same mentions, ids and episodes, so detectors
 * can be tested against the `episodes` answer key.
 */
import type { MentionInput } from '@vigie/core';
import { AppError } from '@vigie/core';
import { generateBaseline } from './baseline-activity';
import { describeEpisode, generateEpisode, planEpisodes, type DemoEpisode } from './demo-episodes';
import { createMentionFactory } from './mention-factory';
import { officialReplies } from './official-replies';
import { DAY_MS, floorToHour } from './paris-time';
import { createSeededRandom } from './seeded-random';
import { toMentionInputs } from './to-mention-inputs';

export type { DemoEpisode } from './demo-episodes';

export interface GenerateDemoOptions {
  now: Date;
  seed?: number;
  /** Length of the history, in days (default 30). */
  days?: number;
  /** Approximate number of mentions (default 5,000; Poisson noise makes it ±2 %). */
  target?: number;
}

export interface DemoDataSet {
  /** Sorted by `publishedAt`; `externalId` is `demo-<n>`, `raw.demo` is true. */
  mentions: MentionInput[];
  episodes: DemoEpisode[];
}

/** Official answers add about this share to the ordinary chatter; the baseline is sized for it. */
const REPLY_OVERHEAD = 0.045;

function check(options: GenerateDemoOptions): { end: number; seed: number; days: number; target: number } {
  const { now, seed = 42, days = 30, target = 5_000 } = options;
  const problems: { field: string; message: string }[] = [];
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) problems.push({ field: 'now', message: 'expected a valid date / date attendue' });
  if (!Number.isInteger(days) || days < 1 || days > 365) problems.push({ field: 'days', message: 'expected an integer in 1..365 / entier entre 1 et 365' });
  if (!Number.isInteger(target) || target < 10 || target > 200_000) problems.push({ field: 'target', message: 'expected an integer in 10..200000 / entier entre 10 et 200000' });
  if (!Number.isInteger(seed)) problems.push({ field: 'seed', message: 'expected an integer / entier attendu' });
  if (problems.length > 0) throw new AppError('validation_failed', 'Invalid demo options / options de démo invalides', problems);
  return { end: floorToHour(now.getTime()), seed, days, target };
}

/**
 * @example
 * const { mentions, episodes } = generateDemoMentions({ now: new Date() });
 * mentions.length; // ≈ 5000
 * episodes.find((e) => e.kind === 'crisis')?.startedAt; // 9 days ago, 08:40 Paris time
 */
export function generateDemoMentions(options: GenerateDemoOptions): DemoDataSet {
  const { end, seed, days, target } = check(options);
  const start = end - days * DAY_MS;
  const rng = createSeededRandom(seed);
  const factory = createMentionFactory(rng, seed);
  const plans = planEpisodes(start, end, target);
  const buzz = plans.find((p) => p.kind === 'buzz');
  const episodeCount = plans.reduce((sum, p) => sum + p.count, 0);
  const baselineCount = Math.max(0, (target - episodeCount) / (1 + REPLY_OVERHEAD));
  const drafts = generateBaseline(rng, factory, start, end, baselineCount, { campaignFrom: buzz?.onset });
  drafts.push(...officialReplies(rng, factory, drafts, end, { probability: 0.5, meanDelayMin: 150 }));
  for (const plan of plans) drafts.push(...generateEpisode(rng, factory, plan, end));
  const mentions = toMentionInputs(drafts, (n) => `demo-${n}`);
  return { mentions, episodes: plans.map(describeEpisode) };
}
