import { describe, expect, it } from 'vitest';
import { countEnglishSyllables, countFrenchSyllables } from './syllables';

describe('countFrenchSyllables (spoken syllables)', () => {
  const known: Array<[string, number]> = [
    ['chocolat', 3], ['table', 1], ['maison', 2], ['ordinateur', 4], ["aujourd'hui", 3], ['oiseau', 2],
    ['théâtre', 2], ['poésie', 3], ['pays', 2], ['ciel', 1], ['quatre', 1], ['guerre', 1], ['parlaient', 2],
    ['idée', 2], ['naïf', 2], ['réunion', 3], ['crayon', 2], ['beaucoup', 2], ['étudiant', 3], ['créée', 2],
    ['famille', 2], ['question', 2], ['problème', 2], ['voiture', 2], ['nuit', 1],
  ];
  it.each(known)('%s has %i syllables', (word, expected) => {
    expect(countFrenchSyllables(word)).toBe(expected);
  });
  it('counts 0 for a word without letters', () => {
    expect(countFrenchSyllables('123')).toBe(0);
  });
});

describe('countEnglishSyllables', () => {
  const known: Array<[string, number]> = [
    ['hello', 2], ['readability', 5], ['table', 2], ['make', 1], ['wanted', 2], ['jumped', 1], ['beautiful', 3],
    ['radio', 3], ['people', 2], ['being', 2], ['going', 2], ['the', 1], ['reliable', 4], ['quiet', 2],
  ];
  it.each(known)('%s has %i syllables', (word, expected) => {
    expect(countEnglishSyllables(word)).toBe(expected);
  });
});
