/**
 * Light stemmers for French and English, working on folded words (`foldText`). "Light" means
 * they conflate inflections (plural, feminine, common verb and derivation endings) and stop there:
 * themes show the most frequent surface form, so the stem is only a grouping key and must not
 * over-merge unrelated words. The French one follows the spirit of Savoy's light stemmer.
 */

const FRENCH_SUFFIXES = [
  'issements', 'issement', 'ications', 'ication', 'atrices', 'atrice', 'ateurs', 'ateur', 'ations', 'ation',
  'ements', 'ement', 'ments', 'ment', 'euses', 'euse', 'ances', 'ance', 'ences', 'ence', 'ismes', 'isme',
  'istes', 'iste', 'ables', 'able', 'ibles', 'ible', 'eraient', 'erions', 'eriez', 'erons', 'eront',
  'erais', 'erait', 'aient', 'ions', 'iez', 'ives', 'ive', 'ifs', 'ites', 'ite', 'eurs', 'eur', 'ees',
  'ee', 'er', 'ez', 'es', 'e',
];

/**
 * French light stemmer.
 *
 * @example
 * stemFrench('livraisons') === stemFrench('livraison') // → true
 * stemFrench('commandees') // → 'command'
 */
export function stemFrench(folded: string): string {
  let word = folded;
  if (word.length <= 3) return word;
  if (word.endsWith('eaux')) word = word.slice(0, -1);
  else if (word.endsWith('aux') && word.length > 4) word = `${word.slice(0, -3)}al`;
  else if ((word.endsWith('s') || word.endsWith('x')) && !word.endsWith('ss')) word = word.slice(0, -1);
  for (const suffix of FRENCH_SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      word = word.slice(0, -suffix.length);
      break;
    }
  }
  // "appell-" / "appel-", "jett-" / "jet-": a final double consonant is an inflection artefact.
  if (word.length > 4 && /([^aeiouy])\1$/.test(word)) word = word.slice(0, -1);
  return word;
}

const ENGLISH_DOUBLE_END = /(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/;
const ENGLISH_SUFFIXES = ['ational', 'ization', 'fulness', 'ousness', 'iveness', 'ments', 'ment', 'ness', 'ably', 'ibly', 'ally', 'fully', 'ly'];

/**
 * English light stemmer (Porter steps 1a/1b and a few derivations).
 *
 * @example
 * stemEnglish('shipping') === stemEnglish('shipped') // → true
 * stemEnglish('deliveries') // → 'delivery'
 */
export function stemEnglish(folded: string): string {
  let word = folded.replace(/'s$/, '');
  if (word.length <= 3) return word;
  if (word.endsWith('sses')) word = word.slice(0, -2);
  else if (word.endsWith('ies') && word.length > 4) word = `${word.slice(0, -3)}y`;
  else if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1);
  const verb = /^(.{3,}?)(ing|ed)$/.exec(word);
  if (verb && /[aeiouy]/.test(verb[1] ?? '')) {
    word = verb[1] ?? word;
    if (ENGLISH_DOUBLE_END.test(word)) word = word.slice(0, -1);
  } else {
    for (const suffix of ENGLISH_SUFFIXES) {
      if (word.endsWith(suffix) && word.length - suffix.length >= 4) {
        word = word.slice(0, -suffix.length);
        break;
      }
    }
  }
  // "update"/"updated", "price"/"priced": drop a silent final e so both land on the same key.
  if (word.length > 3 && word.endsWith('e')) word = word.slice(0, -1);
  return word;
}

/**
 * Stems with the stemmer of `lang`; other languages are returned folded but unstemmed.
 *
 * @example
 * stem('problemes', 'fr') // → 'problem'
 */
export function stem(folded: string, lang?: string): string {
  if (lang !== 'fr' && lang !== 'en') return folded;
  const cache = lang === 'fr' ? frenchCache : englishCache;
  let stemmed = cache.get(folded);
  if (stemmed === undefined) {
    stemmed = lang === 'fr' ? stemFrench(folded) : stemEnglish(folded);
    // Vocabulary is Zipfian: a few thousand words cover most posts. Start over when it grows too big.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(folded, stemmed);
  }
  return stemmed;
}

const CACHE_LIMIT = 50_000;
const frenchCache = new Map<string, string>();
const englishCache = new Map<string, string>();
