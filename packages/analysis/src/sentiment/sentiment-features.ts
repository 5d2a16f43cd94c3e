/**
 * Feature extraction for the sentiment model: word unigrams with negation marks, bigrams, character
 * n-grams (robust to spelling, missing accents and inflection), and dense cues from the polarity
 * lexicon, emoji, punctuation and capitals. Training and prediction share this one function, so a
 * model can only be used with the features it was trained on (the model file records `featureSet`).
 */
import type { FeatureGroup } from '../model/linear-model';
import { scoreTokens, type LexiconLanguage, type LexiconSummary } from './polarity-lexicon';
import { tokenizeForSentiment } from './tokenize-for-sentiment';

/** Bumped whenever the features change: a model trained on another set is refused at load. */
export const FEATURE_SET = 'vigie-sentiment-features@4';

const CHAR_MIN = 3;
const CHAR_MAX = 4;

/**
 * Sparse feature vector: parallel arrays of names and values (words, bigrams, dense cues), the
 * character n-grams as a group of the `c` namespace (kept apart so that prediction does not build a
 * `c:…` string for each of them), plus the lexicon's reading.
 */
export interface FeatureVector {
  names: string[];
  values: number[];
  groups: FeatureGroup[];
  lexicon: LexiconSummary;
}

/**
 * @example
 * const { names } = extractSentimentFeatures('pas terrible', 'fr');
 * names.includes('w:!terrible'); // true — `terrible` under negation
 */
export function extractSentimentFeatures(text: string, lang: LexiconLanguage): FeatureVector {
  const { tokens, cues } = tokenizeForSentiment(text);
  const sparse = new Set<string>();
  const words: string[] = [];
  let shouted = 0;
  let elongated = 0;
  let hashtags = 0;
  let previous = '<s>';
  for (const token of tokens) {
    sparse.add(`w:${token.negated ? '!' : ''}${token.norm}`);
    sparse.add(`b:${previous} ${token.norm}`);
    previous = token.norm;
    if (token.kind === 'word' || token.kind === 'hashtag') words.push(token.norm);
    if (token.shouted) shouted += 1;
    if (token.elongated) elongated += 1;
    if (token.kind === 'hashtag') hashtags += 1;
  }
  sparse.add(`b:${previous} </s>`);
  const joined = ` ${words.join(' ')} `;
  const chars = new Set<string>();
  for (let n = CHAR_MIN; n <= CHAR_MAX; n += 1) {
    for (let i = 0; i + n <= joined.length; i += 1) chars.add(joined.slice(i, i + n));
  }

  // Binary sparse features, scaled to unit length so that long and short posts weigh alike.
  const count = sparse.size + chars.size;
  const unit = count > 0 ? 1 / Math.sqrt(count) : 0;
  const names: string[] = [];
  const values: number[] = [];
  for (const name of sparse) {
    names.push(name);
    values.push(unit);
  }

  const lexicon = scoreTokens(tokens, lang);
  const dense: Array<[string, number]> = [
    ['d:lex+', Math.min(lexicon.positive / 3, 2)],
    ['d:lex-', Math.min(lexicon.negative / 3, 2)],
    ['d:lexscore', Math.max(-2, Math.min(2, lexicon.score / 3))],
    [lexicon.score > 0.5 ? 'd:lexsign+' : lexicon.score < -0.5 ? 'd:lexsign-' : 'd:lexsign0', 1],
    [lexicon.last > 0 ? 'd:last+' : lexicon.last < 0 ? 'd:last-' : 'd:last0', 0.5],
    ['d:bias', 1],
  ];
  if (cues.exclamations > 0) dense.push(['d:excl', Math.min(cues.exclamations, 3) / 3]);
  // No question-mark cue: in the training tweets questions lean negative (rhetorical), while in
  // Vigie most are customers asking; CV on train was the same without it.
  if (cues.ironyMarks > 0) dense.push(['d:irony', 1]);
  if (shouted > 0) dense.push(['d:shout', Math.min(shouted, 3) / 3]);
  if (elongated > 0) dense.push(['d:elong', 1]);
  if (hashtags > 0) dense.push(['d:hashtags', Math.min(hashtags, 4) / 4]);
  for (const [name, value] of dense) {
    if (value === 0) continue;
    names.push(name);
    values.push(value);
  }
  return { names, values, groups: [{ namespace: 'c', keys: chars, value: unit }], lexicon };
}

/**
 * The same features as plain `namespace:key` names, as the trainer and the model file know them.
 * @example
 * flattenFeatures(extractSentimentFeatures('top', 'en')).names.includes('c: to'); // true
 */
export function flattenFeatures(vector: FeatureVector): { names: string[]; values: number[] } {
  const names = [...vector.names];
  const values = [...vector.values];
  for (const group of vector.groups) {
    for (const key of group.keys) {
      names.push(`${group.namespace}:${key}`);
      values.push(group.value);
    }
  }
  return { names, values };
}
