import { describe, expect, it } from 'vitest';
import { detectJargon } from './jargon';
import { readability } from './readability';

const ADMIN_FR =
  "Conformément aux dispositions contractuelles précédemment mentionnées, l'indemnisation afférente à l'incident sera déterminée ultérieurement par nos services administratifs compétents.";
const ADMIN_EN =
  'Pursuant to the aforementioned contractual stipulations, compensation pertaining to the incident will subsequently be determined by our administrative departments.';

describe('readability', () => {
  it('uses Kandel–Moles for French and Flesch for English', () => {
    expect(readability('Le chat dort.', 'fr').formula).toBe('kandel-moles');
    expect(readability('The cat sleeps.', 'en').formula).toBe('flesch');
  });

  it('computes Kandel–Moles from words per sentence and syllables per word', () => {
    // 6 words in 2 sentences, one syllable each: 207 − 1.015×3 − 73.6×1 = 130.4, clamped to 100
    const result = readability('Le chat dort. Il fait beau.', 'fr');
    expect(result.wordsPerSentence).toBe(3);
    expect(result.syllablesPerWord).toBe(1);
    expect(result.score).toBe(100);
    const hard = readability('Nous vous informons que votre réclamation concernant la facturation sera traitée prochainement.', 'fr');
    expect(hard.score).toBeCloseTo(207 - 1.015 * hard.wordsPerSentence - 73.6 * hard.syllablesPerWord, 0);
  });

  it('ranks a plain reply above administrative prose, in both languages', () => {
    const plainFr = readability('Merci pour votre message. On vous rembourse demain. Bonne journée !', 'fr');
    const adminFr = readability(ADMIN_FR, 'fr');
    expect(plainFr.score).toBeGreaterThan(adminFr.score ?? 100);
    expect(adminFr.label).toBe('very-difficult');
    expect(adminFr.labelText).toEqual({ fr: 'Très difficile', en: 'Very difficult' });
    const plainEn = readability('Thanks for your message. We will refund you tomorrow. Have a nice day!', 'en');
    const adminEn = readability(ADMIN_EN, 'en');
    expect(plainEn.score).toBeGreaterThan(adminEn.score ?? 100);
    expect(adminEn.grade).toBeGreaterThan(plainEn.grade ?? 0);
  });

  it('answers "unknown" when there is nothing to read, without throwing', () => {
    for (const text of ['', '🔥🔥🔥', 'https://example.com', '\u0000\ud800']) {
      expect(readability(text).label).toBe('unknown');
      expect(readability(text).score).toBeNull();
    }
    expect(readability('mot '.repeat(300_000), 'fr').score).not.toBeNull();
  });
});

describe('detectJargon', () => {
  it('finds unknown acronyms, technical words and French anglicisms, with offsets', () => {
    const text = 'Notre API respecte le SLA, voir le backlog et la deadline. Merci, le SAV.';
    const result = detectJargon(text, 'fr');
    expect(result.terms.map((t) => `${t.term}:${t.reason}`)).toEqual(['API:technical', 'SLA:technical', 'backlog:technical', 'deadline:anglicism']);
    for (const term of result.terms) expect(text.slice(term.start, term.end)).toBe(term.term);
  });

  it('finds very long words and leaves everyday ones alone', () => {
    expect(detectJargon('Our onboarding workflow needs internationalization.', 'en').terms.map((t) => t.reason)).toEqual(['technical', 'technical', 'long-word']);
    expect(detectJargon('Thanks, your parcel ships tomorrow. Have a nice day!', 'en').terms).toEqual([]);
    expect(detectJargon('Merci, votre colis part demain. Bonne journée !', 'fr').ratio).toBe(0);
  });

  it('does not count English words as anglicisms in English', () => {
    expect(detectJargon('The deadline is Friday.', 'en').terms).toEqual([]);
  });
});
