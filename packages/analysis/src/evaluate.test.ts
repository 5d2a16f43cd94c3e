import { describe, expect, it } from 'vitest';
import { AppError } from '@vigie/core';
import { evaluateClassifier, formatEvaluation, parseLabelledTsv } from './evaluate';

describe('evaluateClassifier', () => {
  // 2 negative, 2 positive; the classifier gets one positive wrong.
  const examples = [
    { label: 'negative', text: 'a' },
    { label: 'negative', text: 'b' },
    { label: 'positive', text: 'c' },
    { label: 'positive', text: 'd' },
  ];
  const predict = (text: string): string => (text === 'c' || text === 'd' ? (text === 'c' ? 'positive' : 'negative') : 'negative');

  it('computes accuracy, per-class scores, macro-F1 and the confusion matrix', () => {
    const result = evaluateClassifier(examples, predict, ['negative', 'positive']);
    expect(result.accuracy).toBe(0.75);
    // negative: precision 2/3, recall 1 → F1 0.8; positive: precision 1, recall 1/2 → F1 2/3.
    expect(result.perClass.negative?.f1).toBeCloseTo(0.8);
    expect(result.perClass.positive?.f1).toBeCloseTo(2 / 3);
    expect(result.macroF1).toBeCloseTo((0.8 + 2 / 3) / 2);
    expect(result.confusion).toEqual({ negative: { negative: 2, positive: 0 }, positive: { negative: 1, positive: 1 } });
  });

  it('formats a report with the matrix, in English and French', () => {
    const result = evaluateClassifier(examples, predict, ['negative', 'positive']);
    expect(formatEvaluation(result, 'en')).toMatch(/accuracy 75\.0 %.*macro-F1 0\.733/);
    expect(formatEvaluation(result, 'fr')).toContain('Matrice de confusion');
  });
});

describe('parseLabelledTsv', () => {
  it('reads label<TAB>text lines, skipping blanks and comments', () => {
    expect(parseLabelledTsv('# header\npositive\tSuper !\n\nnegative\tNul\n', ['negative', 'positive'])).toEqual([
      { label: 'positive', text: 'Super !', line: 2 },
      { label: 'negative', text: 'Nul', line: 4 },
    ]);
  });

  it('reports every bad line with its number', () => {
    let caught: unknown;
    try {
      parseLabelledTsv('positive\tok\nno tab here\nhappy\ttext\nneutral\t  ', ['negative', 'neutral', 'positive']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((d) => d.line)).toEqual([2, 3, 4]);
  });
});
