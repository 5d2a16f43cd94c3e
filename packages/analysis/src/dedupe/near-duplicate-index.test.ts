import { describe, expect, it } from 'vitest';
import { createNearDuplicateIndex } from './near-duplicate-index';

const ORIGINAL = 'Boycott Acme: they test their cosmetics on animals, share this everywhere!';

describe('createNearDuplicateIndex', () => {
  it('groups reposts, quotes and lightly edited copies with the original', () => {
    const index = createNearDuplicateIndex();
    expect(index.add('1', ORIGINAL)).toBe('1');
    expect(index.addWithMatch('2', `RT @x: ${ORIGINAL} https://t.co/a`).match).toMatchObject({ id: '1', kind: 'repost' });
    expect(index.addWithMatch('3', `So true 👉 ${ORIGINAL} I will never buy from them again, never ever.`).match).toMatchObject({ id: '1', kind: 'quote' });
    const edited = index.addWithMatch('4', 'Boycott Acme: they test their products on animals, share this everywhere!!');
    expect(edited).toMatchObject({ clusterId: '1', match: { kind: 'near-duplicate' } });
    expect(edited.match?.similarity).toBeGreaterThan(0.5);
    expect(index.add('5', 'Acme customer service answered me in ten minutes, impressive.')).toBe('5');
    expect(index.uniqueVoices()).toBe(2);
    expect(index.clusters()[0]).toMatchObject({ clusterId: '1', size: 4 });
  });

  it('finds a copy-paste campaign in French with small edits and different links', () => {
    const index = createNearDuplicateIndex();
    const variants = [
      'Scandale : la marque Dupont augmente ses prix de 30 % en pleine crise, partagez ! https://bit.ly/a1',
      'Scandale : la marque Dupont augmente ses prix de 30 % en pleine crise, partagez !! https://bit.ly/b2',
      'SCANDALE : la marque Dupont augmente ses prix de 30% en pleine crise. Partagez ! #boycott',
      'Scandale, la marque Dupont augmente ses tarifs de 30 % en pleine crise, partagez !',
    ];
    variants.forEach((text, i) => index.add(`c${i}`, text, `bot${i % 2}`));
    index.add('other', 'La marque Dupont ouvre un magasin à Lyon la semaine prochaine.');
    const [campaign] = index.clusters();
    expect(campaign).toMatchObject({ clusterId: 'c0', size: 4, authors: 2 });
    expect(index.clusterOf('other')).toBe('other');
  });

  it('keeps unrelated posts and very short posts apart', () => {
    const index = createNearDuplicateIndex();
    index.add('a', 'Merci !');
    index.add('b', 'Merci !');
    index.add('c', 'La livraison est arrivée en avance, parfait.');
    index.add('d', 'La livraison est en retard de trois jours, pas content.');
    expect(index.uniqueVoices()).toBe(4);
  });

  it('is idempotent per id', () => {
    const index = createNearDuplicateIndex();
    index.add('1', ORIGINAL);
    expect(index.add('1', 'something else entirely, with enough words')).toBe('1');
    expect(index.size).toBe(1);
  });

  it('stays linear when a bot posts the same text thousands of times', () => {
    const index = createNearDuplicateIndex();
    for (let i = 0; i < 3000; i++) index.add(`bot${i}`, `Gagnez un iPhone gratuit ici, offre limitée numéro ${i % 7}`);
    const { comparisons, clusters } = index.stats();
    expect(clusters).toBe(1);
    // Each post is compared with at most bucketCapacity candidates per band, not with all others.
    expect(comparisons).toBeLessThan(3000 * 40);
  });

  it('accepts bad input without throwing, and rejects bad options with every problem listed', () => {
    const index = createNearDuplicateIndex();
    for (const [i, text] of ['', '🔥🔥🔥', 'https://example.com', '\u0000\ud800', 'x '.repeat(500_000)].entries()) {
      expect(() => index.add(`bad${i}`, text)).not.toThrow();
    }
    expect(() => createNearDuplicateIndex({ threshold: 2, rows: 0 })).toThrowError(
      expect.objectContaining({ code: 'validation_failed', details: expect.arrayContaining([expect.objectContaining({ field: 'threshold' }), expect.objectContaining({ field: 'rows' })]) }),
    );
  });
});
