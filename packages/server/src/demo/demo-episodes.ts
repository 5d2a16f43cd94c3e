/**
 * The two remarkable moments of the demo month, at fixed offsets from `now`:
 * - a crisis 9 days ago at 08:40 Paris time: a Velotys Ondine battery catches fire, the witness'
 *   post spreads, owners pile in, the press follows, the brand answers 2 h 50 later;
 * - a buzz 18 days ago at 19:30 Paris time: an influencer shares the "Roule ma ville" ad and it
 *   goes viral, copied and reposted all evening.
 * Each follows a sharp rise then an exponential decay (the sum of two exponential delays), plus a
 * small daytime tail over the following days, so the onset is clear and the end is gradual.
 */
import { DEMO_BRAND } from './demo-workspace';
import { demoOfficial, demoPerson } from './demo-authors';
import type { BuildSpec, DemoLang, DraftMention, MentionFactory } from './mention-factory';
import { officialReplies } from './official-replies';
import { parisWallTime } from './paris-time';
import { sampleActiveTime } from './baseline-activity';
import type { SeededRandom } from './seeded-random';
import type { TemplateCategory } from './demo-template';

const MINUTE_MS = 60_000;

/** A detected-to-be episode, as the generator planted it (the answer key for detectors). */
export interface DemoEpisode {
  kind: 'crisis' | 'buzz';
  /** Name of the demo topic the episode is about (the brand topic rises with it). */
  topic: string;
  startedAt: string;
  peakAt: string;
  endedAt: string;
  /** French summary. */
  summary: string;
  summaryEn: string;
}

export interface EpisodePlan {
  kind: 'crisis' | 'buzz';
  topic: string;
  onset: number;
  count: number;
  riseMin: number;
  decayMin: number;
  /** Share of the episode's mentions that trail over the next days. */
  tailShare: number;
  summary: string;
  summaryEn: string;
}

/**
 * The episodes that fall inside [start, end), sized as a share of the target volume.
 *
 * @example
 * planEpisodes(end, end - 30 * DAY_MS, 5000).map((e) => e.kind); // ['buzz', 'crisis']
 */
export function planEpisodes(start: number, end: number, target: number): EpisodePlan[] {
  const plans: EpisodePlan[] = [
    {
      kind: 'buzz',
      topic: DEMO_BRAND.campaign.name,
      onset: parisWallTime(end, 18, 19, 30),
      count: Math.round(target * 0.09),
      riseMin: 15,
      decayMin: 240,
      tailShare: 0.1,
      summary: "Buzz : l'influenceuse Léa Roule partage la pub « Roule ma ville » (Velotys Baroude) ; reprises et copies en masse toute la soirée, ton très positif.",
      summaryEn: "Buzz: influencer Léa Roule shares the 'Roule ma ville' ad (Velotys Baroude); mass reposts and copies all evening, very positive tone.",
    },
    {
      kind: 'crisis',
      topic: DEMO_BRAND.brand.products[0].name,
      onset: parisWallTime(end, 9, 8, 40),
      count: Math.round(target * 0.11),
      riseMin: 12,
      decayMin: 300,
      tailShare: 0.12,
      summary: 'Crise : une batterie de Velotys Ondine prend feu pendant la charge ; témoignages de surchauffe, appels au rappel (#OndineGate), articles de presse ; réponse officielle 2 h 50 plus tard.',
      summaryEn: 'Crisis: a Velotys Ondine battery catches fire while charging; overheating reports, recall calls (#OndineGate), press coverage; official answer 2 h 50 later.',
    },
  ];
  return plans.filter((p) => p.onset > start + 6 * 60 * MINUTE_MS && p.onset < end);
}

/** When the episode peaks and when it is over, from its rise and decay constants. */
export function describeEpisode(plan: EpisodePlan): DemoEpisode {
  const rise = plan.riseMin * MINUTE_MS;
  const decay = plan.decayMin * MINUTE_MS;
  // Mode of the sum of two exponential delays: where the rise and the decay cross.
  const peak = (Math.log(decay / rise) * rise * decay) / (decay - rise);
  const round = (ms: number) => new Date(Math.round(ms / MINUTE_MS) * MINUTE_MS).toISOString();
  return {
    kind: plan.kind,
    topic: plan.topic,
    startedAt: round(plan.onset),
    peakAt: round(plan.onset + peak),
    endedAt: round(plan.onset + rise + 3 * decay),
    summary: plan.summary,
    summaryEn: plan.summaryEn,
  };
}

interface Cast {
  /** The post that starts it all, and its fixed, outsized engagement. */
  first: Omit<BuildSpec, 'at'>;
  firstEngagement: DraftMention['engagement'];
  roles: Record<string, number>;
  frenchShare: number;
  /** Category and focus of each role other than `repost` and `influencer`. */
  roleSpec(role: string): { category: TemplateCategory; focus: string };
}

const CRISIS_CAST: Cast = {
  first: {
    category: 'crisis_trigger',
    lang: 'fr',
    focus: DEMO_BRAND.brand.products[0].name,
    connector: 'x',
    author: demoPerson('x', 'julien_marchand', 'Julien Marchand', 2_140),
  },
  firstEngagement: { likes: 9_800, reposts: 4_100, replies: 1_240, quotes: 610, views: 890_000 },
  roles: { repost: 24, crisis: 38, crisis_question: 12, crisis_article: 6, crisis_defense: 5, comparison_loss: 3, troll: 3, influencer: 5 },
  frenchShare: 0.8,
  roleSpec: (role) => ({
    category: role === 'influencer' ? 'crisis' : (role as TemplateCategory),
    focus: role === 'troll' ? DEMO_BRAND.brand.name : DEMO_BRAND.brand.products[0].name,
  }),
};

const BUZZ_CAST: Cast = {
  first: {
    category: 'buzz_viral',
    lang: 'fr',
    focus: DEMO_BRAND.campaign.name,
    connector: 'x',
    author: demoPerson('x', DEMO_BRAND.influencer.handle, DEMO_BRAND.influencer.name, 486_000),
  },
  firstEngagement: { likes: 52_400, reposts: 14_800, replies: 2_310, quotes: 1_930, views: 2_400_000 },
  roles: { repost: 45, buzz: 26, buzz_share: 12, buzz_question: 6, buzz_article: 4, influencer: 3, troll: 2, comparison_win: 2 },
  frenchShare: 0.7,
  roleSpec: (role) => ({
    category: role === 'influencer' ? 'buzz' : (role as TemplateCategory),
    focus: role === 'troll' ? DEMO_BRAND.brand.name : role === 'comparison_win' ? DEMO_BRAND.brand.products[1].name : DEMO_BRAND.campaign.name,
  }),
};

function episodeTime(rng: SeededRandom, plan: EpisodePlan): number {
  if (rng.chance(plan.tailShare)) {
    return Math.floor(sampleActiveTime(rng, plan.onset + 3 * 60 * MINUTE_MS, () => rng.exponential(60 * 60 * MINUTE_MS)));
  }
  return Math.floor(plan.onset + rng.exponential(plan.riseMin * MINUTE_MS) + rng.exponential(plan.decayMin * MINUTE_MS));
}

/** The official statement(s) of a crisis: French on three networks, English on one. */
function crisisStatements(factory: MentionFactory, plan: EpisodePlan, end: number): DraftMention[] {
  const statements: { connector: 'x' | 'facebook' | 'mastodon'; lang: DemoLang; delayMin: number }[] = [
    { connector: 'x', lang: 'fr', delayMin: 170 },
    { connector: 'facebook', lang: 'fr', delayMin: 172 },
    { connector: 'mastodon', lang: 'fr', delayMin: 175 },
    { connector: 'x', lang: 'en', delayMin: 190 },
  ];
  return statements
    .map((s) => ({ ...s, at: plan.onset + s.delayMin * MINUTE_MS }))
    .filter((s) => s.at < end)
    .map((s) =>
      factory.build({
        at: s.at,
        category: 'crisis_official',
        lang: s.lang,
        focus: plan.topic,
        connector: s.connector,
        author: demoOfficial(DEMO_BRAND.brand.handle, DEMO_BRAND.brand.name, s.connector),
        episode: plan.kind,
        boost: 6,
      }),
    )
    .map((d) => ({ ...d, kind: 'post' as const, wantsParent: false }));
}

/**
 * Every mention of one episode, published before `end`.
 *
 * @example
 * const drafts = generateEpisode(rng, factory, plan, end);
 */
export function generateEpisode(rng: SeededRandom, factory: MentionFactory, plan: EpisodePlan, end: number): DraftMention[] {
  const cast = plan.kind === 'crisis' ? CRISIS_CAST : BUZZ_CAST;
  const first = factory.build({ ...cast.first, at: plan.onset, episode: plan.kind });
  first.engagement = cast.firstEngagement;
  first.kind = 'post';
  first.wantsParent = false;
  const statements = plan.kind === 'crisis' ? crisisStatements(factory, plan, end) : [];
  const drafts: DraftMention[] = [first];
  /** High-reach posts (articles, influencers) that get reposted too. */
  const amplifiers: DraftMention[] = [];
  const times = Array.from({ length: Math.max(0, plan.count - 1 - statements.length) }, () => episodeTime(rng, plan))
    .filter((at) => at < end)
    .sort((a, b) => a - b);
  for (const at of times) {
    const role = rng.weighted(cast.roles);
    const lang: DemoLang = rng.chance(cast.frenchShare) ? 'fr' : 'en';
    if (role === 'repost') {
      const earlier = amplifiers.filter((a) => a.at < at);
      const source = earlier.length > 0 && rng.chance(0.3) ? rng.pick(earlier) : first;
      drafts.push(factory.repost(source, at, { lang: source.lang, voice: 'fresh', episode: plan.kind }));
      continue;
    }
    const { category, focus } = cast.roleSpec(role);
    const voice = role === 'influencer' ? 'influencer' : 'fresh';
    const draft = factory.build({ at, category, lang, focus, voice, episode: plan.kind, boost: role === 'influencer' ? 4 : 1.5 });
    if (role === 'influencer' || category.endsWith('_article')) amplifiers.push(draft);
    drafts.push(draft);
  }
  drafts.push(...statements);
  const notBefore = plan.kind === 'crisis' ? plan.onset + 170 * MINUTE_MS : undefined;
  drafts.push(...officialReplies(rng, factory, drafts, end, { probability: plan.kind === 'crisis' ? 0.3 : 0.4, meanDelayMin: 90, notBefore }));
  return drafts;
}
