import { describe, expect, it } from 'vitest';
import { foldText } from './fold-text';
import { tokenizeDocument, tokenizeText } from './tokenize-document';

const values = (text: string) => tokenizeText(text).map((t) => t.value);

describe('foldText', () => {
  it('lowers case, removes accents and expands ligatures', () => {
    expect(foldText('Œuvre ÉTÉ à Straße, Ægir')).toBe('oeuvre ete a strasse, aegir');
  });

  it('folds decomposed accents (NFD input) like composed ones', () => {
    expect(foldText('cafe\u0301')).toBe(foldText('café'));
  });

  it('keeps punctuation, spaces and emoji as they are', () => {
    expect(foldText("C'est «top» 👍 !")).toBe("c'est «top» 👍 !");
  });
});

describe('tokenizeText', () => {
  it('drops French elisions with straight and curly apostrophes', () => {
    expect(values("L'entreprise d’Orange qu'il jusqu'ici")).toEqual(['entreprise', 'orange', 'il', 'ici']);
  });

  it('keeps English contractions as two words', () => {
    expect(values("don't")).toEqual(['don', 't']);
  });

  it('respects word boundaries', () => {
    expect(values('orangeade, Orange!')).toEqual(['orangeade', 'orange']);
  });

  it('reads hashtags and mentions but not e-mail addresses', () => {
    const tokens = tokenizeText('#VigieApp par @alice, écrire à bob@example.com');
    expect(tokens.map((t) => [t.kind, t.value])).toEqual([
      ['hashtag', 'vigieapp'], ['word', 'par'], ['mention', 'alice'], ['word', 'ecrire'], ['word', 'a'],
      ['word', 'bob'], ['word', 'example'], ['word', 'com'],
    ]);
  });

  it('gives spans in the original text, sigil included', () => {
    const text = 'Voir #Été';
    const [, tag] = tokenizeText(text);
    expect(text.slice(tag?.start, tag?.end)).toBe('#Été');
    expect(tag?.value).toBe('ete');
  });

  it('handles letters outside the BMP and ignores emoji', () => {
    expect(values('𝐕igie 🚀 ok')).toEqual([foldText('𝐕igie'), 'ok']);
  });

  it('tokenizes title and author too', () => {
    const doc = tokenizeDocument({ text: 'a', title: 'Le Titre', author: '@bob@mastodon.social' });
    expect(doc.title.map((t) => t.value)).toEqual(['le', 'titre']);
    expect(doc.author.map((t) => t.kind)).toEqual(['mention', 'word', 'word']);
  });
});
