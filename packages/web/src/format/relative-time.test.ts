import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time';

describe('formatRelativeTime', () => {
  const now = new Date('2026-11-26T10:00:00Z');

  it('speaks French and English with the largest whole unit', () => {
    expect(formatRelativeTime('2026-11-26T09:55:00Z', 'fr', now)).toBe('il y a 5 minutes');
    expect(formatRelativeTime('2026-11-26T07:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2026-11-25T10:00:00Z', 'fr', now)).toBe('hier');
  });

  it('reads a date a few seconds ahead (clock skew) as now', () => {
    expect(formatRelativeTime('2026-11-26T10:00:05Z', 'fr', now)).toBe('maintenant');
    expect(formatRelativeTime('2026-11-26T10:00:05Z', 'en', now)).toBe('now');
  });

  it('returns nothing for an unreadable date', () => {
    expect(formatRelativeTime('not a date', 'en', now)).toBe('');
  });
});
