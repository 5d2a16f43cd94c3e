import { describe, expect, it } from 'vitest';
import { scoreTokens, lookupWord, type LexiconLanguage } from './polarity-lexicon';
import { tokenizeForSentiment } from './tokenize-for-sentiment';

const score = (text: string, lang: LexiconLanguage): number => scoreTokens(tokenizeForSentiment(text).tokens, lang).score;

describe('polarity lexicon', () => {
  it('reads idioms as a whole: "pas terrible" and "not great" are negative, "pas mal" and "not bad" positive', () => {
    expect(score("C'est pas terrible", 'fr')).toBeLessThan(0);
    expect(score('pas mal du tout', 'fr')).toBeGreaterThan(0);
    expect(score('not bad at all', 'en')).toBeGreaterThan(0);
    expect(score('not great', 'en')).toBeLessThan(0);
  });

  it('flips a negated word', () => {
    expect(score("Je n'aime pas", 'fr')).toBeLessThan(0);
    expect(score("I don't like it", 'en')).toBeLessThan(0);
  });

  it('strengthens intensified words and softens diminished ones', () => {
    expect(score('très content', 'fr')).toBeGreaterThan(score('content', 'fr'));
    expect(score('a bit disappointed', 'en')).toBeGreaterThan(score('disappointed', 'en'));
  });

  it('reads a lone intensifier as a word: "Super !" is positive', () => {
    expect(score('Super !', 'fr')).toBeGreaterThan(0);
  });

  it('finds inflected French forms and unaccented spellings', () => {
    expect(lookupWord('decues', 'fr')).toBeLessThan(0);
    expect(score('genial', 'fr')).toBe(score('génial', 'fr'));
  });

  it('counts hashtags, emoji and emoticons', () => {
    expect(score('#honte', 'fr')).toBeLessThan(0);
    expect(score('😍😍', 'en')).toBeGreaterThan(0);
    expect(score(':(', 'en')).toBeLessThan(0);
  });
});
