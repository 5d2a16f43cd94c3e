/**
 * Turns "a praise of the Ondine, in French, at 14:05" into a draft mention: text from the template
 * books, a network, an author, a kind and engagement counts. Ids, URLs and reply links are added
 * later (to-mention-inputs.ts), once every draft is known and sorted by time.
 */
import type { ConnectorId, Engagement, MentionKind, SentimentLabel } from '@vigie/core';
import { DEMO_BRAND, type DemoCompany, type DemoProduct } from './demo-workspace';
import { fillTemplate, splitTitle, TEMPLATE_SENTIMENT, templatesFor, type Slots, type TemplateBook, type TemplateCategory } from './demo-template';
import { TEMPLATES_EN } from './templates-en';
import { TEMPLATES_FR } from './templates-fr';
import { demoAuthor, demoInfluencer, demoOutlet, type DemoAuthor } from './demo-authors';
import type { SeededRandom } from './seeded-random';

export type DemoLang = 'fr' | 'en';

/** A mention before it gets its id, URL and thread. */
export interface DraftMention {
  at: number;
  lang: DemoLang;
  connector: ConnectorId;
  kind: MentionKind;
  author: DemoAuthor;
  title?: string;
  text: string;
  category: TemplateCategory;
  sentiment: SentimentLabel;
  /** Name of the demo topic the mention is mainly about (`noise` for job ads and homonyms). */
  focus: string;
  episode?: 'crisis' | 'buzz';
  engagement: Engagement;
  country?: string;
  /** A comment or reply looking for a parent post on the same network. */
  wantsParent?: boolean;
  parent?: DraftMention;
  /** Near-duplicate copy of another draft (a retweet, a quote, a copy-paste). */
  repostOf?: DraftMention;
}

export interface BuildSpec {
  at: number;
  category: TemplateCategory;
  lang: DemoLang;
  focus: string;
  connector?: ConnectorId;
  author?: DemoAuthor;
  /** Who speaks: a regular, a one-off voice (episodes: many authors), a high-reach account. */
  voice?: 'regular' | 'fresh' | 'influencer';
  episode?: 'crisis' | 'buzz';
  /** Multiplies engagement (a post at the heart of an episode travels further). */
  boost?: number;
  extraSlots?: Slots;
}

const BOOKS: Record<DemoLang, TemplateBook> = { fr: TEMPLATES_FR, en: TEMPLATES_EN };

const ARTICLE_CATEGORIES: readonly TemplateCategory[] = ['article', 'crisis_article', 'buzz_article'];
const REPLY_CATEGORIES: readonly TemplateCategory[] = ['reply', 'official_reply'];
const SOCIAL_WEIGHTS: Record<DemoLang, Partial<Record<ConnectorId, number>>> = {
  fr: { mastodon: 22, bluesky: 18, rss: 6, reddit: 10, x: 14, facebook: 11, instagram: 8, youtube: 6 },
  en: { mastodon: 18, bluesky: 22, rss: 5, reddit: 20, hackernews: 12, x: 10, facebook: 3, instagram: 5, youtube: 5 },
};
const COUNTRIES: Record<DemoLang, Record<string, number>> = {
  fr: { FR: 80, BE: 8, CH: 6, CA: 6 },
  en: { GB: 40, US: 25, IE: 8, NL: 8, DE: 8, CA: 11 },
};

interface Subject {
  company: DemoCompany;
  product: DemoProduct;
  withProduct?: boolean;
}

function subjectOf(focus: string, rng: SeededRandom): Subject {
  const velotys: DemoCompany = DEMO_BRAND.brand;
  const product = velotys.products.find((p) => p.name === focus);
  if (product) return { company: velotys, product, withProduct: true };
  const competitor = (DEMO_BRAND.competitors as readonly DemoCompany[]).find((c) => c.name === focus);
  if (competitor) return { company: competitor, product: rng.pick(competitor.products) };
  return { company: velotys, product: rng.pick(velotys.products), withProduct: focus === 'Velotys' ? false : undefined };
}

function slotsFor(subject: Subject, lang: DemoLang, rng: SeededRandom): Slots {
  const book = BOOKS[lang];
  const isVelotys = subject.company.name === DEMO_BRAND.brand.name;
  // People shorten the brand's own models ("mon Ondine"); competitors' models keep the brand name.
  const product = isVelotys && rng.chance(0.3) ? subject.product.shortName : subject.product.name;
  const rival = isVelotys ? rng.pick(DEMO_BRAND.competitors).products[0].name : rng.pick(DEMO_BRAND.brand.products).name;
  return {
    brand: subject.company.name,
    at: `@${subject.company.handle}`,
    product,
    kind: lang === 'fr' ? subject.product.kindFr : subject.product.kindEn,
    rival,
    feature: book.words.feature,
    city: book.words.city,
    km: String(rng.int(4, 90) * 100),
    months: String(rng.int(2, 24)),
    days: String(rng.int(3, 21)),
    price: String(rng.int(22, 45) * 100 + 90),
    tag: rng.chance(0.25) ? rng.pick(book.words.tail) : '',
  };
}

function chooseConnector(rng: SeededRandom, category: TemplateCategory, lang: DemoLang): ConnectorId {
  if (ARTICLE_CATEGORIES.includes(category)) {
    return rng.chance(0.7) ? 'rss' : rng.weighted({ x: 4, bluesky: 3, mastodon: 3, facebook: 2 });
  }
  if (category === 'job') return rng.weighted({ facebook: 3, x: 2, mastodon: 2, bluesky: 2, instagram: 2 });
  if (category === 'homonym') return rng.weighted({ rss: 2, mastodon: 3, bluesky: 3, facebook: 3, instagram: 2, x: 2 });
  const weights = { ...SOCIAL_WEIGHTS[lang] } as Record<string, number>;
  if (REPLY_CATEGORIES.includes(category)) delete weights.rss;
  return rng.weighted(weights) as ConnectorId;
}

/** Kind of item, and whether it is a comment that needs a parent post. */
function chooseKind(rng: SeededRandom, connector: ConnectorId, category: TemplateCategory): { kind: MentionKind; wantsParent: boolean } {
  const isReply = REPLY_CATEGORIES.includes(category);
  if (connector === 'rss') return { kind: 'article', wantsParent: false };
  if (connector === 'reddit' || connector === 'hackernews' || connector === 'youtube') {
    const postShare = connector === 'reddit' ? 0.45 : connector === 'hackernews' ? 0.25 : 0.2;
    if (!isReply && (ARTICLE_CATEGORIES.includes(category) || rng.chance(postShare))) return { kind: 'post', wantsParent: false };
    return { kind: 'comment', wantsParent: true };
  }
  if (isReply || rng.chance(0.12)) return { kind: 'reply', wantsParent: true };
  return { kind: 'post', wantsParent: false };
}

/**
 * Engagement as networks report it: heavy-tailed, growing with the author's audience. Feeds
 * report none; Hacker News points and comments are stored as likes and replies.
 */
export function engagementFor(rng: SeededRandom, connector: ConnectorId, followers: number | undefined, boost = 1): Engagement {
  if (connector === 'rss') return {};
  const audience = followers ?? rng.pareto(40, 1.2);
  const likes = Math.floor(Math.pow(audience, 0.55) * Math.exp(0.9 * rng.normal()) * 0.35 * boost);
  const engagement: Engagement = {
    likes,
    replies: Math.floor(likes * (0.03 + rng.next() * 0.17)),
  };
  if (connector !== 'hackernews' && connector !== 'youtube') engagement.reposts = Math.floor(likes * (0.05 + rng.next() * 0.25));
  if (connector === 'x' || connector === 'bluesky') engagement.quotes = Math.floor((engagement.reposts ?? 0) * 0.2);
  if (connector === 'x' || connector === 'youtube' || connector === 'instagram') {
    engagement.views = Math.floor(audience * (0.1 + rng.next() * 1.4) + likes * 30);
  }
  return engagement;
}

/** First sentence as a title, for networks whose posts have one (Reddit, Hacker News, YouTube). */
function titleFrom(text: string): string {
  const sentence = /^(.+?[.!?…])(\s|$)/u.exec(text)?.[1] ?? text;
  return sentence.length <= 90 ? sentence : `${sentence.slice(0, 88).trimEnd()}…`;
}

function pickAuthor(rng: SeededRandom, seed: number, spec: BuildSpec, connector: ConnectorId): DemoAuthor {
  if (spec.author) return spec.author;
  if (ARTICLE_CATEGORIES.includes(spec.category)) return demoOutlet(seed, connector, spec.lang, rng.int(0, 9));
  if (spec.voice === 'influencer') return demoInfluencer(seed, connector, spec.lang, rng.int(0, 40));
  if (spec.voice === 'fresh') return demoAuthor(seed, connector, spec.lang, rng.int(1_000, 40_000));
  // A skewed pick: regulars (low indices) post often, most others once or twice a month.
  return demoAuthor(seed, connector, spec.lang, Math.floor(900 * Math.pow(rng.next(), 2.2)));
}

/**
 * @example
 * const factory = createMentionFactory(rng, 42);
 * factory.build({ at: Date.now(), category: 'praise', lang: 'fr', focus: 'Velotys Ondine' });
 */
export function createMentionFactory(rng: SeededRandom, seed: number) {
  function build(spec: BuildSpec): DraftMention {
    const book = BOOKS[spec.lang];
    const subject = subjectOf(spec.focus, rng);
    const template = rng.pick(templatesFor(book, spec.category, subject.withProduct));
    const filled = splitTitle(fillTemplate(template, { ...slotsFor(subject, spec.lang, rng), ...spec.extraSlots }, rng));
    const connector = spec.connector ?? chooseConnector(rng, spec.category, spec.lang);
    const { kind, wantsParent } = chooseKind(rng, connector, spec.category);
    const author = pickAuthor(rng, seed, spec, connector);
    let { title, text } = filled;
    if (title && connector !== 'rss' && connector !== 'reddit' && connector !== 'hackernews' && connector !== 'youtube') {
      // An outlet sharing its article on a social network posts the headline and a link.
      text = `${title} ${author.home}/${rng.int(10_000, 99_999)}`;
      title = undefined;
    }
    if (!title && kind === 'post' && (connector === 'reddit' || connector === 'hackernews' || connector === 'youtube')) title = titleFrom(text);
    if (!title && connector === 'rss') title = titleFrom(text);
    const draft: DraftMention = {
      at: spec.at,
      lang: spec.lang,
      connector,
      kind,
      author,
      title,
      text,
      category: spec.category,
      sentiment: TEMPLATE_SENTIMENT[spec.category],
      focus: spec.focus,
      episode: spec.episode,
      engagement: engagementFor(rng, connector, author.author.followers, spec.boost),
      wantsParent,
    };
    if (rng.chance(spec.lang === 'fr' ? 0.55 : 0.4)) draft.country = rng.weighted(COUNTRIES[spec.lang]);
    return draft;
  }

  /**
   * A near-duplicate of `original`: a retweet, a quote with a word in front, a copy with a
   * hashtag added or the end cut — what dedupe and spread analysis have to recognise.
   */
  function repost(original: DraftMention, at: number, spec: Omit<BuildSpec, 'at' | 'category' | 'focus'>): DraftMention {
    const book = BOOKS[spec.lang];
    const connector = spec.connector ?? rng.weighted({ x: 5, bluesky: 3, mastodon: 3, facebook: 1 });
    const author = pickAuthor(rng, seed, { ...spec, at, category: 'reply', focus: original.focus }, connector);
    const source = original.title && original.connector === 'rss' ? `${original.title} — ${original.text}` : original.text;
    const style = rng.int(0, 3);
    const text =
      style === 0 && original.connector === connector && connector === 'x'
        ? `RT ${original.author.author.handle}: ${source}`
        : style === 1
          ? `${rng.pick(book.words.repostPrefix)} ${source}`
          : style === 2
            ? `${source.slice(0, Math.max(40, Math.floor(source.length * 0.8))).trimEnd()}… ${rng.pick(book.words.tail)}`
            : `${source} ${rng.pick(book.words.tail)}`;
    return {
      at,
      lang: original.lang,
      connector,
      kind: 'post',
      author,
      text,
      category: original.category,
      sentiment: original.sentiment,
      focus: original.focus,
      episode: original.episode,
      engagement: engagementFor(rng, connector, author.author.followers, (spec.boost ?? 1) * 0.5),
      repostOf: original,
    };
  }

  return { build, repost };
}

export type MentionFactory = ReturnType<typeof createMentionFactory>;
