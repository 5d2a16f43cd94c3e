import { describe, expect, it } from 'vitest';
import { clampText, foldText } from './fold';
import { splitSentences, tokenize, words } from './tokenize';

describe('tokenize', () => {
  it('recognises URLs, hashtags, mentions, emoji and splits French elisions', () => {
    const tokens = tokenize("T'es où ? https://x.fr/a?b=1. #Vigie @bob@masto.social l'homme aujourd'hui 😡 👍🏽 don't");
    expect(tokens.map((t) => `${t.kind}:${t.text}`)).toEqual([
      "elision:T'", 'word:es', 'word:où', 'punct:?', 'url:https://x.fr/a?b=1', 'punct:.', 'hashtag:#Vigie',
      'mention:@bob@masto.social', "elision:l'", 'word:homme', "word:aujourd'hui", 'emoji:😡', 'emoji:👍🏽', "word:don't",
    ]);
  });

  it('keeps offsets that point back into the text', () => {
    const text = "Qu'en pensez-vous, @alice ?";
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('folds words for lookups and drops elisions from words()', () => {
    expect(words("L'équipe RÉPOND vite")).toEqual(['equipe', 'repond', 'vite']);
    expect(foldText('Cœur ÉTÉ l’été')).toBe("coeur ete l'ete");
  });

  it('returns nothing for empty, emoji-only and binary input without throwing', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(undefined as unknown as string)).toEqual([]);
    expect(tokenize('🔥🔥🔥').every((t) => t.kind === 'emoji')).toBe(true);
    expect(() => tokenize(clampText('\u0000\u0001\uffff\ud800garbage'))).not.toThrow();
  });

  it('caps very long input so analyzers stay within budget', () => {
    expect(clampText('a'.repeat(1_000_000)).length).toBe(10_000);
    expect(clampText(42)).toBe('');
  });
});

describe('splitSentences', () => {
  it('cuts on sentence punctuation but not inside URLs or decimals', () => {
    expect(splitSentences('Bonjour. Ça va ? Oui! Voir https://a.fr/x.html pour 3.5 euros. fin')).toEqual([
      'Bonjour.', 'Ça va ?', 'Oui!', 'Voir https://a.fr/x.html pour 3.5 euros.', 'fin',
    ]);
  });
});
