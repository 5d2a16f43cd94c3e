export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** localStorage key of the language the user chose with the switch. */
export const LANGUAGE_STORAGE_KEY = 'vigie.lang';

/**
 * The interface language: the user's explicit choice first, then French when the browser ranks
 * French above English (`navigator.languages`), English otherwise.
 *
 * @example
 * pickLanguage(null, ['fr-FR', 'en']); // 'fr'
 * pickLanguage('en', ['fr-FR']);       // 'en'
 */
export function pickLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (stored === 'fr' || stored === 'en') return stored;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'fr') return 'fr';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
