/**
 * Figures in a draft: numbers, percentages, decimals and measurement units. A reply stuffed with
 * data reads like a report ("trop technique"); one or two figures (a price, a delay, opening hours)
 * are what customers ask for, so only density and precision count. Personal-data spans (phone,
 * card, order numbers) are not figures: they are excluded by the caller.
 */
import { words } from '../text';

export interface Figures {
  /** Figures found. */
  count: number;
  /** Percentages, decimals and figures with a technical unit: the data-heavy ones. */
  precise: number;
  /** Figures per word, 0..1. */
  share: number;
}

/** A number, with French or English thousands groups and decimals, and what follows it. */
const FIGURE = /(?<![\p{L}\d])[+-]?\d{1,3}(?:(?:[ \u00a0\u202f]|,(?=\d{3}\b))\d{3})*(?:[.,]\d+)?(?:\s?(%|‰|[kKMG]?(?:bit\/s|bps|o\/s|b\/s|[bB]|o|Hz|W|Wh)\b|ms\b|km\/h|kg|km|mm|cm|mg|ml|°C?|pts?\b|points?\b|centile|percentile|e centile))?/gu;

/**
 * @example
 * measureFigures('La hausse de 4,7 % suit une inflation de 5,2 % sur 12 mois').precise // → 2
 */
export function measureFigures(text: string): Figures {
  let count = 0;
  let precise = 0;
  for (const match of text.matchAll(FIGURE)) {
    count++;
    const number = match[0];
    if (match[1] || /\d[.,]\d{1,2}(?!\d)/.test(number)) precise++;
  }
  const wordCount = words(text).length + count;
  return { count, precise, share: wordCount === 0 ? 0 : Math.round((count / wordCount) * 1000) / 1000 };
}

/**
 * Whether the figures make a draft too technical: at least four figures, with two precise ones
 * (percentages, decimals, units) or one word in five being a figure.
 *
 * @example
 * isTooTechnical({ count: 7, precise: 5, share: 0.2 }) // → true
 * isTooTechnical({ count: 2, precise: 0, share: 0.1 }) // → false
 */
export function isTooTechnical(figures: Figures): boolean {
  return figures.count >= 4 && (figures.precise >= 2 || figures.share >= 0.2);
}
