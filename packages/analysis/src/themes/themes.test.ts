import { describe, expect, it } from 'vitest';
import { countTerms, displayForm } from './count-terms';
import { extractKeyTerms } from './extract-key-terms';
import { logLikelihood, risingTerms } from './rising-terms';

const FRENCH_POSTS = [
  'Le service client est injoignable depuis hier.',
  'Service client aux abonnés absents, délai de livraison énorme.',
  'Mon délai de livraison est passé à 3 semaines !',
  'Livraisons en retard partout #GreveLaPoste',
  'Les livraisons arrivent en retard, le service client ne répond pas',
  'Bravo pour la nouvelle appli #GreveLaPoste',
];

describe('extractKeyTerms', () => {
  it('groups inflections, drops stop words and shows a written form, not the stem', () => {
    const terms = extractKeyTerms(FRENCH_POSTS, 'fr');
    const shown = terms.map((t) => t.term);
    expect(shown).toEqual(expect.arrayContaining(['service client', 'livraison', 'délai de livraison', '#GreveLaPoste', 'retard']));
    expect(terms.find((t) => t.term === 'livraison')?.count).toBe(4);
    for (const stop of ['le', 'les', 'est', 'de', 'en', 'pas']) expect(shown).not.toContain(stop);
  });

  it('lets a phrase stand for the word it nearly always contains', () => {
    const shown = extractKeyTerms(FRENCH_POSTS, 'fr').map((t) => t.term);
    expect(shown).toContain('délai de livraison');
    expect(shown).not.toContain('délai');
  });

  it('works in English with stemming', () => {
    const terms = extractKeyTerms(['How do I track my shipping?', 'Shipping delays again', 'Shipped yesterday, tracking says nothing'], 'en');
    expect(terms.find((t) => t.key === 'ship')).toMatchObject({ term: 'shipping', count: 3 });
    expect(terms.map((t) => t.term)).not.toContain('my');
  });

  it('returns nothing rather than throwing on empty or garbage input', () => {
    expect(extractKeyTerms([], 'fr')).toEqual([]);
    expect(extractKeyTerms(['', '🔥🔥', 'https://example.com', '\u0000\ud800', '@bob'], undefined)).toEqual([]);
  });
});

describe('risingTerms', () => {
  const baseline = Array.from({ length: 60 }, (_, i) => ['Super appli, merci', 'Livraison rapide comme toujours', 'Le service client est sympa', 'Nouvelle collection en ligne'][i % 4] as string);
  const current = Array.from({ length: 20 }, (_, i) => ["Panne générale de l'appli ce matin", 'Encore une panne, appli inutilisable', 'Appli en panne depuis 2h', 'Livraison rapide comme toujours'][i % 4] as string);

  it('ranks a new complaint first and ignores terms as common as before', () => {
    const rising = risingTerms(current, baseline, { lang: 'fr' });
    expect(rising[0]).toMatchObject({ term: 'panne', current: 15, baseline: 0 });
    expect(rising.map((t) => t.term)).not.toContain('livraison rapide');
    expect(rising.every((t) => t.ratio >= 1.5 && t.score >= 3.84)).toBe(true);
  });

  it('needs a minimum count: a single post is not a trend', () => {
    const rising = risingTerms([...current, 'Un mot rarissime ici'], baseline, { lang: 'fr' });
    expect(rising.map((t) => t.term)).not.toContain('rarissime');
  });

  it('accepts precomputed counts, and says nothing without a baseline', () => {
    const counts = countTerms(current, { lang: 'fr' });
    expect(risingTerms(counts, countTerms(baseline, { lang: 'fr' }))[0]?.term).toBe('panne');
    expect(risingTerms(current, [], { lang: 'fr' })).toEqual([]);
  });

  it('computes a zero log-likelihood for equal rates and a growing one for diverging rates', () => {
    expect(logLikelihood(10, 100, 10, 100)).toBe(0);
    expect(logLikelihood(30, 100, 10, 100)).toBeGreaterThan(logLikelihood(20, 100, 10, 100));
  });
});

describe('displayForm', () => {
  it('prefers the most frequent form, then lower case, then the shorter', () => {
    expect(displayForm(new Map([['Livraison', 1], ['livraison', 3]]))).toBe('livraison');
    expect(displayForm(new Map([['livraisons', 2], ['livraison', 2]]))).toBe('livraison');
    expect(displayForm(new Map([['Acme', 5], ['acme', 1]]))).toBe('Acme');
  });
});
