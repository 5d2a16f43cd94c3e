import type { Analyzer, AnalyzerInput } from '@vigie/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalysisPipeline, MAX_ANALYZED_CHARS, sanitizeText } from './analysis-pipeline';
import { loadSentimentModels } from './sentiment/load-sentiment-models';

const models = loadSentimentModels();
const pipeline = createAnalysisPipeline({ sentiment: { models } });
// Each of these takes a few milliseconds of CPU (measured as CPU time, since the machine is shared);
// the bound leaves room for a slow CI machine. The warm-up keeps one-time JIT work out of the measure.
const BUDGET_MS = 250;
pipeline.analyze({ text: 'Merci, pas mal du tout 👍' });

/** Deterministic pseudo-random bytes decoded as UTF-8: what a broken connector might hand over. */
function binaryGarbage(length: number): string {
  const bytes = new Uint8Array(length);
  let state = 12345;
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = state & 0xff;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

const BAD_INPUTS: Record<string, AnalyzerInput> = {
  empty: { text: '' },
  'only spaces': { text: '   \n\t ' },
  '1 MB of text': { text: 'Très déçu du service, vraiment nul. '.repeat(30_000) },
  'binary garbage': { text: binaryGarbage(5000) },
  'NUL bytes and lone surrogates': { text: 'a\u0000b\uD800c\uDFFFd' },
  'mixed scripts': { text: 'Merci 谢谢 спасибо شكرا धन्यवाد thanks 🙏' },
  'only emoji': { text: '😍🔥👍🏽👨‍👩‍👧' },
  'only a URL': { text: 'https://example.com/path?q=1&r=2#frag' },
  'a title and no text': { text: '', title: 'Avis : service client pas terrible' },
};

describe('analysis pipeline', () => {
  it.each(Object.entries(BAD_INPUTS))('returns a result for %s, without throwing and within the time budget', (_, input) => {
    const started = process.cpuUsage();
    const analysis = pipeline.analyze(input);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(BUDGET_MS);
    expect(analysis.lang?.analyzer).toBe('vigie-lang@1');
    expect(['negative', 'neutral', 'positive']).toContain(analysis.sentiment?.label);
    expect(analysis.sentiment?.score).toBeGreaterThanOrEqual(-1);
    expect(analysis.sentiment?.score).toBeLessThanOrEqual(1);
  });

  it('never throws and always labels, whatever the string (property test)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.array(fc.constantFrom('pas', 'terrible', 'not', 'bad', "n'", '😍', ':(', '#top', '@x', 'http://a.b', '!!!', '?!', ' '), { maxLength: 30 }).map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(text, fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), (body, title) => {
        const analysis = pipeline.analyze({ text: body, title });
        expect(typeof analysis.lang?.value).toBe('string');
        expect(['negative', 'neutral', 'positive']).toContain(analysis.sentiment?.label);
        expect(Number.isFinite(analysis.sentiment?.score)).toBe(true);
      }),
      { numRuns: 100, seed: 42 },
    );
  });

  it('survives input that is not even a string', () => {
    const analysis = pipeline.analyze({ text: undefined as unknown as string });
    expect(analysis.lang?.value).toBe('unknown');
  });

  it('caps long text and records the cap on the result', () => {
    const text = 'Très déçu du service. '.repeat(50_000);
    const analysis = pipeline.analyze({ text });
    expect(analysis.capped).toMatchObject({ analyzer: 'vigie-analysis@1', originalChars: text.length, analyzedChars: MAX_ANALYZED_CHARS });
    expect(analysis.lang?.value).toBe('fr');
    expect(analysis.sentiment?.label).toBe('negative');
  });

  it('records no cap on ordinary posts', () => {
    expect(pipeline.analyze({ text: 'Bonjour' }).capped).toBeUndefined();
  });

  it('gives every analyzer the detected language and stamps every result', () => {
    const analysis = pipeline.analyze({ text: "Je n'aime pas du tout la nouvelle version de l'appli" });
    expect(analysis.lang?.value).toBe('fr');
    expect(analysis.sentiment).toMatchObject({ analyzer: 'vigie-sentiment@1', lang: 'fr', label: 'negative' });
    for (const analyzer of pipeline.analyzers) {
      expect(analysis[analyzer.key]?.analyzer).toBe(`${analyzer.name}@${analyzer.version}`);
    }
  });

  it('runs the question analyzer too', () => {
    const analysis = pipeline.analyze({ text: 'Bonjour, comment je peux changer mon mot de passe ?' });
    expect(analysis.question).toMatchObject({ isQuestion: true });
  });

  it('turns an analyzer that throws into an error stamp instead of failing the mention', () => {
    const broken: Analyzer = {
      key: 'broken',
      name: 'broken',
      version: '0',
      analyze: () => {
        throw new Error('boom');
      },
    };
    const analysis = createAnalysisPipeline({ sentiment: { models }, extraAnalyzers: [broken] }).analyze({ text: 'Super produit 👍' });
    expect(analysis.broken).toEqual({ analyzer: 'broken@0', error: 'boom' });
    expect(analysis.sentiment?.label).toBe('positive');
  });
});

describe('sanitizeText', () => {
  it('removes control characters and lone surrogates but keeps emoji and newlines', () => {
    expect(sanitizeText('a\u0000b\nc\uD800 😀', 100).text).toBe('a b\nc  😀');
  });

  it('does not leave half an emoji when the cap falls inside one', () => {
    const { text, capped } = sanitizeText('ab😀', 3);
    expect(capped).toBe(true);
    expect(text).toBe('ab ');
  });
});
