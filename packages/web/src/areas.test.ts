import { describe, expect, it } from 'vitest';
import { areaOfRoute } from './areas';

describe('areaOfRoute', () => {
  it('finds the area of a route, with or without sub-path and query', () => {
    expect(areaOfRoute('/')).toBe('dashboard');
    expect(areaOfRoute('/settings/sources')).toBe('settings');
    expect(areaOfRoute('/mentions?topic=abc')).toBe('mentions');
    expect(areaOfRoute('/inbox')).toBe('inbox');
    expect(areaOfRoute('/nowhere')).toBe('dashboard');
  });
});
