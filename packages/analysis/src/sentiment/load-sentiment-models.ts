/**
 * Loads the sentiment models committed in `packages/analysis/models/`. Read once, synchronously,
 * when the analyzer is created: analysis itself does no I/O, and nothing is ever downloaded.
 */
import { readFileSync } from 'node:fs';
import { parseLinearModel, type LinearModel } from '../model/linear-model';
import type { LexiconLanguage } from './polarity-lexicon';
import { FEATURE_SET } from './sentiment-features';

/** Where a language's model file lives; the training script writes there too. */
export function sentimentModelUrl(lang: LexiconLanguage): URL {
  return new URL(`../../models/sentiment-${lang}.json`, import.meta.url);
}

/**
 * @example
 * const models = loadSentimentModels(); // { fr: LinearModel, en: LinearModel }
 */
export function loadSentimentModels(): Record<LexiconLanguage, LinearModel> {
  const load = (lang: LexiconLanguage): LinearModel =>
    parseLinearModel(JSON.parse(readFileSync(sentimentModelUrl(lang), 'utf8')), FEATURE_SET);
  return { fr: load('fr'), en: load('en') };
}
