import { describe, expect, it } from 'vitest';
import { dedupeWords, minhashSignature, overlap, shingleHashes } from './minhash';

describe('minhash', () => {
  it('drops links, mentions, emoji and a leading RT, keeps hashtag words', () => {
    expect(dedupeWords('RT @bob: Boycott #Acme now 🔥 https://t.co/x')).toEqual(['boycott', 'acme', 'now']);
  });

  it('computes exact Jaccard and containment on sorted sets', () => {
    const result = overlap(Uint32Array.of(1, 2, 3), Uint32Array.of(2, 3, 4));
    expect(result.jaccard).toBe(0.5);
    expect(result.containment).toBeCloseTo(2 / 3);
    expect(overlap(new Uint32Array(), new Uint32Array())).toEqual({ jaccard: 0, containment: 0 });
  });

  it('has signatures whose agreement estimates the Jaccard similarity', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    const a = shingleHashes(words, 2);
    const b = shingleHashes([...words.slice(0, 40), ...Array.from({ length: 20 }, (_, i) => `x${i}`)], 2);
    const exact = overlap(a, b).jaccard;
    const sa = minhashSignature(a, 256);
    const sb = minhashSignature(b, 256);
    const agreement = sa.filter((v, i) => v === sb[i]).length / 256;
    expect(Math.abs(agreement - exact)).toBeLessThan(0.1);
  });
});
