import { describe, expect, it } from 'vitest';
import { createId } from './create-id';

describe('createId', () => {
  it('sorts ids made one after the other in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 2_000 }, () => createId(1_764_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const later = createId(1_764_000_000_001);
    expect(later > (ids[ids.length - 1] as string)).toBe(true);
    expect(later).toMatch(/^[0-9a-hjkmnp-tv-z]{26}$/);
  });
});
