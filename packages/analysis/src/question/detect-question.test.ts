import { describe, expect, it } from 'vitest';
import { detectQuestion } from './detect-question';
import { createQuestionAnalyzer } from './question-analyzer';

describe('detectQuestion', () => {
  it('finds French requests with and without "?"', () => {
    expect(detectQuestion("Quelqu'un sait si la boutique est ouverte dimanche", 'fr')).toMatchObject({ isQuestion: true, kind: 'request' });
    expect(detectQuestion('comment on fait pour changer son adresse', 'fr').kind).toBe('request');
    expect(detectQuestion('vous livrez en Belgique ?', 'fr').kind).toBe('request');
    expect(detectQuestion('Pouvez-vous me rappeler svp', 'fr').kind).toBe('request');
  });

  it('finds English requests with and without "?"', () => {
    expect(detectQuestion('How do I reset my password', 'en').kind).toBe('request');
    expect(detectQuestion('Is there a way to export to CSV', 'en').kind).toBe('request');
    expect(detectQuestion('@acme my order never came, can you check?', 'en').kind).toBe('request');
  });

  it('tells rhetorical questions from requests', () => {
    expect(detectQuestion("C'est une blague ce prix ?", 'fr').kind).toBe('rhetorical');
    expect(detectQuestion('Comment peut-on être aussi lent ?!', 'fr').kind).toBe('rhetorical');
    expect(detectQuestion('Are you kidding me with these prices?', 'en').kind).toBe('rhetorical');
    expect(detectQuestion('Who said Mondays were boring? Not us.', 'en').kind).toBe('rhetorical');
  });

  it('does not take statements that start like questions for questions', () => {
    expect(detectQuestion("Quand je pense que j'ai attendu deux heures…", 'fr').isQuestion).toBe(false);
    expect(detectQuestion('Quelle journée ! Merci à tous.', 'fr').isQuestion).toBe(false);
    expect(detectQuestion("Je ne sais pas comment ils font, bravo.", 'fr').isQuestion).toBe(false);
    expect(detectQuestion('What a day! Thanks everyone.', 'en').isQuestion).toBe(false);
    expect(detectQuestion('See https://example.com/?q=1', 'en').isQuestion).toBe(false);
  });

  it('reports the cues it used', () => {
    const result = detectQuestion('Any idea why the app crashes?', 'en');
    expect(result.cues).toContain('question-mark');
    expect(result.cues.some((c) => c.startsWith('request:'))).toBe(true);
  });

  it('works when the language is unknown', () => {
    expect(detectQuestion('Savez-vous quand le produit revient en stock ?').kind).toBe('request');
    expect(detectQuestion('Does anyone know when it is back in stock').kind).toBe('request');
  });

  it('answers "none" for bad input without throwing, in bounded time', () => {
    for (const text of ['', '🔥🔥🔥', 'https://example.com', '\u0000\u0001\ud800', 'مرحبا 你好 ?', 'a? '.repeat(400_000)]) {
      const result = detectQuestion(text);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(1);
    }
    expect(detectQuestion('').kind).toBe('none');
  });
});

describe('createQuestionAnalyzer', () => {
  it('stamps its result and reads the title too', () => {
    const analyzer = createQuestionAnalyzer();
    const result = analyzer.analyze({ title: 'Comment résilier mon abonnement ?', text: 'Merci', lang: 'fr' });
    expect(result.analyzer).toBe('vigie-question@1');
    expect(result.kind).toBe('request');
    expect(analyzer.key).toBe('question');
    expect(analyzer.analyze({ text: undefined as unknown as string }).kind).toBe('none');
  });
});
