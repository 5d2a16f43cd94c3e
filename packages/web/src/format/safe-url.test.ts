import { describe, expect, it } from 'vitest';
import { safeHref } from './safe-url';

describe('safeHref', () => {
  it('keeps web addresses and drops script, data, relative and malformed ones', () => {
    expect(safeHref('https://exemple.fr/a?b=1')).toBe('https://exemple.fr/a?b=1');
    expect(safeHref('  http://exemple.fr ')).toBe('http://exemple.fr/');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(safeHref('/relative')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
    expect(safeHref(undefined)).toBeUndefined();
  });
});
