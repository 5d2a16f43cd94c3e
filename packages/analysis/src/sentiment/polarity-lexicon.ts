/**
 * Rule-based polarity over tokens: lexicon words and phrases, negation (flip and damp), intensifiers
 * and diminishers, capitals and elongation, emoji and emoticons. Its summary is both a feature set for
 * the learned model and, on its own, a fallback for languages without a model.
 */
import { LEXICON_EN, PHRASES_EN } from './lexicon-en';
import { LEXICON_FR, PHRASES_FR } from './lexicon-fr';
import { tokenizeForSentiment, type SentimentToken } from './tokenize-for-sentiment';

export type LexiconLanguage = 'fr' | 'en';

/** What the lexicon found in a text. Sums are ≥ 0; `score` = positive − negative. */
export interface LexiconSummary {
  positive: number;
  negative: number;
  score: number;
  /** Number of tokens or phrases that carried polarity. */
  hits: number;
  /** Polarity of the last polar item: posts often end on their verdict. */
  last: number;
  /** Sum of the idioms found (`pas mal` +1.5, `not great` -2): rules the model cannot learn from few examples. */
  idioms: number;
}

const INTENSIFIERS: Record<LexiconLanguage, ReadonlySet<string>> = {
  fr: new Set(['tres', 'trop', 'vraiment', 'tellement', 'hyper', 'grave', 'carrement', 'extremement', 'totalement',
    'completement', 'super', 'si', 'vachement', 'absolument', 'particulierement', 'franchement']),
  en: new Set(['very', 'really', 'so', 'too', 'extremely', 'totally', 'absolutely', 'super', 'incredibly', 'truly',
    'completely', 'utterly', 'highly', 'damn', 'freaking', 'fucking', 'most']),
};
const DIMINISHERS: Record<LexiconLanguage, ReadonlySet<string>> = {
  fr: new Set(['peu', 'assez', 'plutot', 'moyennement', 'legerement']),
  en: new Set(['bit', 'slightly', 'somewhat', 'kinda', 'fairly', 'rather', 'little', 'barely']),
};

interface PhraseEntry {
  words: string[];
  value: number;
}

function compilePhrases(phrases: ReadonlyArray<readonly [string, number]>): Map<string, PhraseEntry[]> {
  const byFirst = new Map<string, PhraseEntry[]>();
  for (const [text, value] of phrases) {
    const words = tokenizeForSentiment(text).tokens.map((t) => t.norm);
    const first = words[0];
    if (first === undefined) continue;
    const list = byFirst.get(first) ?? [];
    list.push({ words, value });
    // Longest phrase first so that `not too bad` wins over a shorter overlapping entry.
    list.sort((a, b) => b.words.length - a.words.length);
    byFirst.set(first, list);
  }
  return byFirst;
}

const PHRASES: Record<LexiconLanguage, Map<string, PhraseEntry[]>> = {
  fr: compilePhrases(PHRASES_FR),
  en: compilePhrases(PHRASES_EN),
};
const LEXICONS: Record<LexiconLanguage, ReadonlyMap<string, number>> = { fr: LEXICON_FR, en: LEXICON_EN };
const FRENCH_ENDINGS = ['es', 's', 'e', 'x', 'ee', 'ees'];

/**
 * @example
 * lookupWord('decues', 'fr'); // -2 (found as `decu`)
 */
export function lookupWord(norm: string, lang: LexiconLanguage): number {
  const lexicon = LEXICONS[lang];
  const direct = lexicon.get(norm);
  if (direct !== undefined) return direct;
  if (lang === 'fr') {
    for (const ending of FRENCH_ENDINGS) {
      if (norm.length > ending.length + 2 && norm.endsWith(ending)) {
        const value = lexicon.get(norm.slice(0, -ending.length));
        if (value !== undefined) return value;
      }
    }
  } else if (norm.length > 4 && norm.endsWith('s')) {
    return lexicon.get(norm.slice(0, -1)) ?? 0;
  }
  return 0;
}

function matchPhrase(tokens: SentimentToken[], start: number, lang: LexiconLanguage): PhraseEntry | undefined {
  const first = tokens[start];
  if (first === undefined) return undefined;
  return PHRASES[lang].get(first.norm)?.find((phrase) =>
    phrase.words.every((word, offset) => tokens[start + offset]?.norm === word),
  );
}

/**
 * @example
 * scoreTokens(tokenizeForSentiment('pas terrible').tokens, 'fr').score; // < 0
 * scoreTokens(tokenizeForSentiment('not bad at all').tokens, 'en').score; // > 0
 */
export function scoreTokens(tokens: SentimentToken[], lang: LexiconLanguage): LexiconSummary {
  const summary: LexiconSummary = { positive: 0, negative: 0, score: 0, hits: 0, last: 0, idioms: 0 };
  const add = (value: number): void => {
    if (value === 0) return;
    if (value > 0) summary.positive += value;
    else summary.negative -= value;
    summary.hits += 1;
    summary.last = value;
  };
  let boost = 1;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as SentimentToken;
    const phrase = matchPhrase(tokens, i, lang);
    if (phrase) {
      add(phrase.value * boost);
      summary.idioms += phrase.value * boost;
      boost = 1;
      i += phrase.words.length - 1;
      continue;
    }
    if (token.kind === 'emoji' || token.kind === 'emoticon') {
      add(token.polarity * 2.5);
      continue;
    }
    if (token.kind !== 'word' && token.kind !== 'hashtag') {
      boost = 1;
      continue;
    }
    // `super`, `trop`, `so` intensify the next word; alone (`Super !`) they are read as words.
    const next = tokens[i + 1];
    const modifiesNext = next !== undefined && (next.kind === 'word' || next.kind === 'hashtag');
    if (modifiesNext && INTENSIFIERS[lang].has(token.norm)) {
      boost = 1.5;
      continue;
    }
    if (modifiesNext && DIMINISHERS[lang].has(token.norm)) {
      boost = 0.6;
      continue;
    }
    let value = lookupWord(token.norm, lang) * boost;
    boost = 1;
    if (value === 0) continue;
    if (token.shouted) value *= 1.3;
    if (token.elongated) value *= 1.2;
    // A negated positive is clearly negative ("not good"); a negated negative is only mildly positive ("not awful").
    if (token.negated) value = value > 0 ? -0.8 * value : -0.4 * value;
    add(value);
  }
  summary.score = summary.positive - summary.negative;
  return summary;
}
