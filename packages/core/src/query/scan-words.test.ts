import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textArbitrary } from './query-arbitraries.case';
import { SCAN_KIND, WordScanner } from './scan-words';
import { tokenizeText } from './tokenize-document';

const KINDS = ['word', 'hashtag', 'mention'] as const;

function scan(text: string): { value: string; kind: string; hash: number }[] {
  const scanner = new WordScanner();
  scanner.reset(text);
  const words: { value: string; kind: string; hash: number }[] = [];
  while (scanner.next()) words.push({ value: scanner.word(), kind: KINDS[scanner.kind] ?? '?', hash: scanner.hash });
  return words;
}

const tokens = (text: string) => tokenizeText(text).map((t) => ({ value: t.value, kind: t.kind, hash: t.hash }));

/** Characters where word boundaries and folding are subtle: marks, ligatures, apostrophes, surrogates, sigils. */
const tricky = fc.constantFrom(
  'a', 'É', 'é', 'e\u0301', '\u0301', 'œ', 'Œ', 'ß', 'æ', 'ﬁ', 'İ', 'ǅ', '_', '1', '٣', ' ', '.', '-', "'", '’', 'ʼ', '#', '@',
  '😀', '𝐀', '𐐀', '\ud800', '\udc00', '\u200d', 'l', 'qu', 'jusqu', 'L', 'D', 'x',
);

describe('WordScanner', () => {
  it('reads the same words, kinds and hashes as tokenizeText on posts', () => {
    fc.assert(fc.property(textArbitrary, (text) => {
      expect(scan(text)).toEqual(tokens(text));
    }), { numRuns: 500 });
  });

  it('reads the same words on any Unicode, including broken surrogates and combining marks', () => {
    const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.array(tricky, { maxLength: 30 }).map((parts) => parts.join('')));
    fc.assert(fc.property(anyText, (text) => {
      expect(scan(text)).toEqual(tokens(text));
    }), { numRuns: 2000 });
  });

  it('drops elided articles and keeps hashtags, mentions and very long words', () => {
    const long = 'Œ'.repeat(5000);
    expect(scan(`L’entreprise #VigieApp @Bob ${long}`).map((w) => [w.value, w.kind])).toEqual([
      ['entreprise', 'word'], ['vigieapp', 'hashtag'], ['bob', 'mention'], ['oe'.repeat(5000), 'word'],
    ]);
    expect(SCAN_KIND.hashtag).toBe(1);
  });
});
