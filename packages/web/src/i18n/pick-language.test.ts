import { describe, expect, it } from 'vitest';
import { pickLanguage } from './pick-language';

describe('pickLanguage', () => {
  it('follows the browser: French first means French, otherwise English', () => {
    expect(pickLanguage(null, ['fr-CA', 'en-US'])).toBe('fr');
    expect(pickLanguage(null, ['en-GB', 'fr'])).toBe('en');
    expect(pickLanguage(null, ['de-DE', 'fr'])).toBe('fr');
    expect(pickLanguage(null, ['es-ES'])).toBe('en');
  });

  it('keeps the language the user chose over the browser preference', () => {
    expect(pickLanguage('en', ['fr-FR'])).toBe('en');
    expect(pickLanguage('fr', ['en-US'])).toBe('fr');
    expect(pickLanguage('klingon', ['fr-FR'])).toBe('fr');
  });
});
