/**
 * Template books: the sentences demo mentions are made of, one book per language, with slots
 * (`{brand}`, `{product}`, `{city}`…) filled at generation time. Each category has one sentiment,
 * recorded in the mention's `raw` so tests (and analyzer evaluations) know the intended label.
 */
import type { SentimentLabel } from '@vigie/core';
import type { SeededRandom } from './seeded-random';

export const TEMPLATE_SENTIMENT = {
  praise: 'positive',
  complaint: 'negative',
  question: 'neutral',
  /** Questions written without a question mark ("je cherche à savoir si…"). */
  question_noq: 'neutral',
  info: 'neutral',
  /** The focus of the mention comes out ahead of `{rival}`. */
  comparison_win: 'positive',
  comparison_loss: 'negative',
  /** `Title :: body`. */
  article: 'neutral',
  job: 'neutral',
  /** Same word, other meaning (Ondine the play, the ballet, the nymph, the first name). */
  homonym: 'neutral',
  troll: 'negative',
  reply: 'neutral',
  official_reply: 'neutral',
  crisis_trigger: 'negative',
  crisis: 'negative',
  crisis_article: 'negative',
  crisis_question: 'neutral',
  crisis_defense: 'positive',
  crisis_official: 'neutral',
  buzz_viral: 'positive',
  buzz: 'positive',
  buzz_share: 'neutral',
  buzz_article: 'positive',
  buzz_question: 'neutral',
} as const satisfies Record<string, SentimentLabel>;

export type TemplateCategory = keyof typeof TEMPLATE_SENTIMENT;

/** Everything language-specific the generator needs. */
export interface TemplateBook {
  lang: 'fr' | 'en';
  words: {
    feature: readonly string[];
    city: readonly string[];
    /** Openers of a share or quote ("Incroyable :", "Wow."), for near-duplicate reposts. */
    repostPrefix: readonly string[];
    /** Trailing hashtags or emoji sometimes added to a post. */
    tail: readonly string[];
  };
  templates: Readonly<Record<TemplateCategory, readonly string[]>>;
}

/** Slot values; a list means "pick one". */
export type Slots = Record<string, string | readonly string[]>;

/**
 * Fills `{slot}` placeholders; unknown slots are left visible so a typo shows up in tests.
 *
 * @example
 * fillTemplate('Mon {product} est top', { product: 'Velotys Ondine' }, rng); // 'Mon Velotys Ondine est top'
 */
export function fillTemplate(template: string, slots: Slots, rng: SeededRandom): string {
  return template
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = slots[name];
      if (value === undefined) return whole;
      return typeof value === 'string' ? value : rng.pick(value);
    })
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Splits an article template `Title :: body` into its parts. */
export function splitTitle(filled: string): { title?: string; text: string } {
  const at = filled.indexOf(' :: ');
  if (at < 0) return { text: filled };
  return { title: filled.slice(0, at).trim(), text: filled.slice(at + 4).trim() };
}

/** Templates of one category that need (or avoid) a `{product}` slot. */
export function templatesFor(book: TemplateBook, category: TemplateCategory, withProduct?: boolean): readonly string[] {
  const all = book.templates[category];
  if (withProduct === undefined) return all;
  const chosen = all.filter((t) => t.includes('{product}') === withProduct);
  return chosen.length > 0 ? chosen : all;
}
