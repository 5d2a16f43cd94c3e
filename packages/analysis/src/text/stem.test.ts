import { describe, expect, it } from 'vitest';
import { guessLang, resolveLang } from './guess-lang';
import { stemEnglish, stemFrench } from './stem';
import { isStopWord } from './stop-words';
import { words } from './tokenize';

const fr = (w: string) => stemFrench(words(w)[0] ?? '');

describe('light stemmers', () => {
  it('groups French inflections of one word', () => {
    expect(new Set(['livraison', 'livraisons'].map(fr)).size).toBe(1);
    expect(new Set(['livrée', 'livrer', 'livrés'].map(fr)).size).toBe(1);
    expect(new Set(['commande', 'commandes', 'commandées', 'commander'].map(fr)).size).toBe(1);
    expect(fr('chevaux')).toBe('cheval');
  });

  it('keeps unrelated French words apart', () => {
    expect(fr('livraison')).not.toBe(fr('livre'));
    expect(fr('prix')).not.toBe(fr('problème'));
  });

  it('groups English inflections of one word', () => {
    expect(new Set(['shipping', 'shipped', 'ships'].map(stemEnglish)).size).toBe(1);
    expect(new Set(['deliveries', 'delivery'].map(stemEnglish)).size).toBe(1);
    expect(new Set(['update', 'updated', 'updates'].map(stemEnglish)).size).toBe(1);
  });
});

describe('stop words and language guess', () => {
  it('knows function words in each language', () => {
    expect(isStopWord('tres', 'fr')).toBe(true);
    expect(isStopWord('the', 'en')).toBe(true);
    expect(isStopWord('livraison', 'fr')).toBe(false);
  });

  it('guesses fr or en from stop words, and prefers a declared language', () => {
    expect(guessLang(words('je ne sais pas si le colis est arrivé'))).toBe('fr');
    expect(guessLang(words('I do not know if the parcel has arrived'))).toBe('en');
    expect(guessLang([])).toBe('unknown');
    expect(resolveLang('fr-CA', words('the parcel'))).toBe('fr');
  });
});
