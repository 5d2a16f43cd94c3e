/**
 * The ordinary life of the demo brand: how many mentions per hour (Paris day/night rhythm,
 * quieter weekends, a little day-to-day variation, Poisson noise) and what they talk about.
 * Episode detectors are judged against this baseline, so it must be seasonal but free of spikes.
 */
import { DEMO_BRAND } from './demo-workspace';
import type { TemplateCategory } from './demo-template';
import type { DemoLang, DraftMention, MentionFactory } from './mention-factory';
import { HOUR_MS, parisParts } from './paris-time';
import type { SeededRandom } from './seeded-random';

/** Relative activity per Paris hour, 0 h … 23 h: a night trough, a morning commute, an evening peak. */
const HOURLY = [0.3, 0.18, 0.1, 0.07, 0.07, 0.13, 0.35, 0.75, 1.15, 1.35, 1.4, 1.35, 1.5, 1.45, 1.3, 1.25, 1.3, 1.4, 1.55, 1.65, 1.6, 1.4, 1.0, 0.6];
/** Relative activity per Paris weekday, Sunday first. */
const WEEKLY = [0.7, 1.1, 1.1, 1.05, 1.05, 1.0, 0.75];
const MAX_WEIGHT = Math.max(...HOURLY) * Math.max(...WEEKLY);

/**
 * Expected activity at an instant, relative to the average hour (≈ 1).
 *
 * @example
 * activityWeight(Date.parse('2026-11-24T18:00:00Z')) > activityWeight(Date.parse('2026-11-24T02:00:00Z')); // true
 */
export function activityWeight(ms: number): number {
  const p = parisParts(ms);
  return (HOURLY[p.hour] ?? 1) * (WEEKLY[p.weekday] ?? 1);
}

/** Draws an instant after `from`, delayed by `delay()`, more likely by day than at night. */
export function sampleActiveTime(rng: SeededRandom, from: number, delay: () => number): number {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const at = from + delay();
    if (rng.next() * MAX_WEIGHT < activityWeight(at)) return at;
  }
  return from + delay();
}

const COMPANY_MIX: Partial<Record<TemplateCategory, number>> = {
  praise: 24, complaint: 17, question: 13, question_noq: 6, info: 12, comparison_win: 6, comparison_loss: 4, article: 6, reply: 8,
};
const COMPETITOR_MIX: Partial<Record<TemplateCategory, number>> = {
  praise: 24, complaint: 18, question: 12, question_noq: 4, info: 12, comparison_win: 12, comparison_loss: 8, article: 6, reply: 4,
};
const CAMPAIGN_MIX: Partial<Record<TemplateCategory, number>> = { buzz: 45, buzz_share: 35, buzz_question: 20 };

/** Share of each focus in ordinary chatter; `noise` covers job ads, homonyms and trolls. */
function focusMix(afterBuzz: boolean): Record<string, number> {
  const [ondine, baroude] = DEMO_BRAND.brand.products;
  const [roulix, kinetta] = DEMO_BRAND.competitors;
  return {
    [DEMO_BRAND.brand.name]: 30,
    [ondine.name]: 19,
    [baroude.name]: afterBuzz ? 15 : 12,
    [roulix.name]: 12,
    [kinetta.name]: 10,
    [DEMO_BRAND.campaign.name]: afterBuzz ? 3 : 0,
    noise: 9,
  };
}

export interface BaselineOptions {
  /** After this instant the campaign exists and keeps a little chatter going. */
  campaignFrom?: number;
  /** Share of French mentions (the rest is English). */
  frenchShare?: number;
}

/**
 * One ordinary mention at `at`: a focus, a category, a language, then the factory does the rest.
 *
 * @example
 * const draft = buildOrdinaryMention(rng, factory, Date.now(), {});
 */
export function buildOrdinaryMention(rng: SeededRandom, factory: MentionFactory, at: number, options: BaselineOptions): DraftMention {
  const afterBuzz = options.campaignFrom !== undefined && at >= options.campaignFrom;
  const focus = rng.weighted(focusMix(afterBuzz));
  const lang: DemoLang = rng.chance(options.frenchShare ?? 0.65) ? 'fr' : 'en';
  if (focus === 'noise') {
    const category = rng.weighted({ job: 3, homonym: 4, troll: 2 });
    const target = category === 'homonym' ? 'noise' : rng.chance(0.75) ? DEMO_BRAND.brand.name : rng.pick(DEMO_BRAND.competitors).name;
    return factory.build({ at, category, lang, focus: target });
  }
  const isCompetitor = DEMO_BRAND.competitors.some((c) => c.name === focus);
  const mix = focus === DEMO_BRAND.campaign.name ? CAMPAIGN_MIX : isCompetitor ? COMPETITOR_MIX : COMPANY_MIX;
  const category = rng.weighted(mix as Record<TemplateCategory, number>);
  return factory.build({ at, category, lang, focus });
}

/**
 * Ordinary mentions over [start, end): per hour, a Poisson count whose mean follows the Paris
 * rhythm, scaled so the expected total is `count`.
 */
export function generateBaseline(rng: SeededRandom, factory: MentionFactory, start: number, end: number, count: number, options: BaselineOptions): DraftMention[] {
  const hours: { at: number; weight: number }[] = [];
  let dayFactor = 1;
  for (let at = start; at < end; at += HOUR_MS) {
    // A gentle day-to-day wobble (±8 %), so no two Tuesdays look exactly alike.
    if ((at - start) % (24 * HOUR_MS) === 0) dayFactor = 1 + 0.08 * Math.max(-2, Math.min(2, rng.normal()));
    hours.push({ at, weight: activityWeight(at) * dayFactor });
  }
  const total = hours.reduce((sum, h) => sum + h.weight, 0);
  const drafts: DraftMention[] = [];
  for (const hour of hours) {
    const n = rng.poisson((count * hour.weight) / total);
    for (let i = 0; i < n; i += 1) {
      const at = hour.at + Math.floor(rng.next() * Math.min(HOUR_MS, end - hour.at));
      drafts.push(buildOrdinaryMention(rng, factory, at, options));
    }
  }
  return drafts;
}
