/**
 * Syllable counters for readability formulas. French counts spoken syllables: a final mute "e"
 * ("table" = 1) is not counted, "qu"/"gu" + vowel is one sound, and hiatus ("poésie", "naïf",
 * "réunion") splits a vowel group. English uses the usual vowel-group heuristic with silent
 * "-e", "-ed" and "-es" endings. Both are approximations, checked on known words in the tests.
 */
import { foldText } from './fold';

const FRENCH_VOWELS = 'aeiouyàâäéèêëîïôöùûüÿœæ';

/**
 * Spoken syllables of one French word (at least 1 for a word with letters).
 *
 * @example
 * countFrenchSyllables('chocolat') // → 3
 * countFrenchSyllables('table') // → 1
 */
export function countFrenchSyllables(word: string): number {
  // Keep accents: "é" is always sounded, "e" may be mute.
  let w = word.toLowerCase().replace(/[’']/g, '').replace(/[^a-zàâäéèêëîïôöùûüÿœæç]/g, '');
  if (w.length === 0) return 0;
  w = w.replace(/([qg])u(?=[aeioéèêîy])/g, '$1');
  // Third-person plural "-aient"/"-oient" and mute final "e", "es", "ent" after a vowel group.
  w = w.replace(/(ai|oi)ent$/, '$1');
  let count = 0;
  let previous = '';
  let inGroup = false;
  for (let i = 0; i < w.length; i++) {
    const c = w[i] ?? '';
    const isVowel = FRENCH_VOWELS.includes(c);
    if (isVowel) {
      if (!inGroup || isHiatus(previous, c, w[i + 1])) count++;
      inGroup = true;
    } else {
      inGroup = false;
    }
    previous = c;
  }
  if (count > 1 && /[^aeiouyéèêàâîôû]es?$/.test(w)) count--;
  return Math.max(1, count);
}

function isHiatus(previous: string, current: string, next: string | undefined): boolean {
  if (current === 'ï' || current === 'ü') return true;
  if (previous === 'é' && current !== 'e') return true;
  if (previous === 'é' && current === 'e' && next !== undefined && next !== 's') return true;
  if ((previous === 'o' || previous === 'a') && current === 'é') return true;
  // "pays", "paysage": this y sounds as "é-i".
  if (previous === 'a' && current === 'y' && next === 's') return true;
  // "pays", "crayon": y between vowels sounds as two i.
  if (previous === 'y' && 'aeiouéè'.includes(current)) return true;
  return false;
}

/**
 * Syllables of one English word (at least 1 for a word with letters).
 *
 * @example
 * countEnglishSyllables('readability') // → 5
 * countEnglishSyllables('make') // → 1
 */
export function countEnglishSyllables(word: string): number {
  let w = foldText(word).replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouytd]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = w.match(/[aeiouy]+/g)?.length ?? 0;
  // Vowel pairs that are two syllables: "radio", "reliable", "being", "quiet", "going", "video".
  const hiatus = w.match(/ia|io(?!u)|eo(?!p)|ua|uo|ie(?=t|r)|ii|iu|ei(?=ng)|oi(?=ng)|ying|uing/g)?.length ?? 0;
  return Math.max(1, groups + hiatus);
}

/**
 * Syllables of a word in `lang` ('fr' or anything else for English).
 *
 * @example
 * countSyllables('ordinateur', 'fr') // → 4
 */
export function countSyllables(word: string, lang: string): number {
  const french = lang === 'fr';
  const cache = french ? frenchCache : englishCache;
  let count = cache.get(word);
  if (count === undefined) {
    count = french ? countFrenchSyllables(word) : countEnglishSyllables(word);
    // Vocabulary is Zipfian: a few thousand words cover most posts. Start over when it grows too big.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, count);
  }
  return count;
}

const CACHE_LIMIT = 50_000;
const frenchCache = new Map<string, number>();
const englishCache = new Map<string, number>();
