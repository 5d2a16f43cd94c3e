import { describe, expect, it } from 'vitest';
import { excerpt, splitRanges } from './split-ranges';

describe('splitRanges', () => {
  it('marks the given ranges and keeps everything else as plain text', () => {
    const segments = splitRanges('vigie AND prix', [
      { start: 0, end: 5, kind: 'term' },
      { start: 6, end: 9, kind: 'operator' },
    ]);
    expect(segments.map((s) => [s.text, s.kind])).toEqual([
      ['vigie', 'term'],
      [' ', null],
      ['AND', 'operator'],
      [' prix', null],
    ]);
  });

  it('clips overlapping and out-of-range ranges without losing text', () => {
    const text = 'bonjour le monde';
    const segments = splitRanges(text, [
      { start: 8, end: 40, kind: 'x' },
      { start: 0, end: 10, kind: 'y' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments[0]).toMatchObject({ text: 'bonjour le', kind: 'y' });
    expect(segments[1]).toMatchObject({ text: ' monde', kind: 'x' });
  });
});

describe('excerpt', () => {
  it('keeps short text whole and centres long text on the focus', () => {
    expect(excerpt('court', 10)).toEqual({ text: 'court', offset: 0 });
    const long = `${'a'.repeat(300)}vigie${'b'.repeat(300)}`;
    const cut = excerpt(long, 60, 300);
    expect(cut.text).toContain('vigie');
    expect(cut.text.startsWith('…')).toBe(true);
    expect(long.slice(cut.offset + 1, cut.offset + 6)).toBe(cut.text.slice(1, 6));
  });
});
