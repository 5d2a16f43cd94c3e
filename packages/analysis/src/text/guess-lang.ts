/**
 * A cheap French-or-English guess from stop words, for when an analyzer is called without a
 * language. It is a fallback, not language identification (that is the `language` analyzer's job).
 */
import { ENGLISH_STOP_WORDS, FRENCH_STOP_WORDS } from './stop-words';

/** Words frequent in one language and rare in the other ("a", "on", "en" are in both lists). */
const AMBIGUOUS = new Set(['a', 'on', 'en', 'as', 'me', 'no', 'us', 'son', 'lol', 'rt', 'via', 'ok', 'u', 'y', 'i']);

/**
 * Returns 'fr', 'en' or 'unknown' from folded words.
 *
 * @example
 * guessLang(['je', 'ne', 'sais', 'pas']) // → 'fr'
 */
export function guessLang(folded: readonly string[]): 'fr' | 'en' | 'unknown' {
  let fr = 0;
  let en = 0;
  for (const word of folded) {
    if (AMBIGUOUS.has(word)) continue;
    if (FRENCH_STOP_WORDS.has(word)) fr++;
    if (ENGLISH_STOP_WORDS.has(word)) en++;
  }
  if (fr === en) return 'unknown';
  return fr > en ? 'fr' : 'en';
}

/**
 * The language an analyzer should use: the declared one when it is fr/en, else the guess
 * (`folded` may be a function, so that words are only computed when needed).
 *
 * @example
 * resolveLang('fr-CA', []) // → 'fr'
 */
export function resolveLang(declared: string | undefined, folded: readonly string[] | (() => readonly string[])): 'fr' | 'en' | 'unknown' {
  const primary = typeof declared === 'string' ? declared.toLowerCase().split(/[-_]/)[0] : undefined;
  if (primary === 'fr' || primary === 'en') return primary;
  return guessLang(typeof folded === 'function' ? folded() : folded);
}
