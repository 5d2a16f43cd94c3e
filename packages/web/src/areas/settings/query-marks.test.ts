import { describe, expect, it } from 'vitest';
import { isErrorPastEnd, queryMarks } from './query-marks';

const tokens = [
  { type: 'term' as const, start: 0, end: 5 },
  { type: 'space' as const, start: 5, end: 6 },
  { type: 'operator' as const, start: 6, end: 9 },
];

describe('queryMarks', () => {
  it('colours every token but spaces', () => {
    expect(queryMarks('vigie AND', { valid: true, tokens, warnings: [] })).toEqual([
      { start: 0, end: 5, kind: 'term' },
      { start: 6, end: 9, kind: 'operator' },
    ]);
  });

  it('underlines the whole token at the error column in place of its colour', () => {
    const marks = queryMarks('vigie AND', { valid: false, tokens, warnings: [], error: { message: 'x', column: 7 } });
    expect(marks).toEqual([
      { start: 0, end: 5, kind: 'term' },
      { start: 6, end: 9, kind: 'error-mark' },
    ]);
  });

  it('keeps the length the server gives', () => {
    const withLength = queryMarks('vigie AND', { valid: false, tokens, warnings: [], error: { message: 'x', column: 1, length: 2 } });
    expect(withLength.find((m) => m.kind === 'error-mark')).toEqual({ start: 0, end: 2, kind: 'error-mark' });
  });

  it('marks no character when the error is just after the text, and says so', () => {
    const validation = { valid: false, tokens: [], warnings: [], error: { message: 'x', column: 7 } };
    expect(queryMarks('(vigie', validation)).toEqual([]);
    expect(isErrorPastEnd('(vigie', validation)).toBe(true);
    expect(isErrorPastEnd('(vigie', { ...validation, error: { message: 'x', column: 1 } })).toBe(false);
  });
});
