/**
 * The lexicons, patterns and context words of each language, and their union for posts whose
 * language is unknown.
 */
import type { Lexicon } from './lexicon';
import {
  ENGLISH_GROUP, ENGLISH_LEXICON, ENGLISH_NEGATIONS, ENGLISH_PATTERNS, ENGLISH_REPORTING, ENGLISH_SECOND_PERSON, ENGLISH_THIRD_PERSON,
} from './lexicon-en';
import {
  FRENCH_GROUP, FRENCH_LEXICON, FRENCH_NEGATIONS, FRENCH_PATTERNS, FRENCH_REPORTING, FRENCH_SECOND_PERSON, FRENCH_THIRD_PERSON,
} from './lexicon-fr';
import type { PatternSet } from './pattern-set';

export interface LanguageResources {
  lexicons: Lexicon[];
  patterns: PatternSet[];
  secondPerson: ReadonlySet<string>;
  thirdPerson: ReadonlySet<string>;
  group: ReadonlySet<string>;
  negations: ReadonlySet<string>;
  reporting: RegExp[];
}

const FRENCH: LanguageResources = {
  lexicons: [FRENCH_LEXICON],
  patterns: [FRENCH_PATTERNS],
  secondPerson: FRENCH_SECOND_PERSON,
  thirdPerson: FRENCH_THIRD_PERSON,
  group: FRENCH_GROUP,
  negations: FRENCH_NEGATIONS,
  reporting: [FRENCH_REPORTING],
};

const ENGLISH: LanguageResources = {
  lexicons: [ENGLISH_LEXICON],
  patterns: [ENGLISH_PATTERNS],
  secondPerson: ENGLISH_SECOND_PERSON,
  thirdPerson: ENGLISH_THIRD_PERSON,
  group: ENGLISH_GROUP,
  negations: ENGLISH_NEGATIONS,
  reporting: [ENGLISH_REPORTING],
};

const BOTH: LanguageResources = {
  lexicons: [FRENCH_LEXICON, ENGLISH_LEXICON],
  patterns: [FRENCH_PATTERNS, ENGLISH_PATTERNS],
  secondPerson: new Set([...FRENCH_SECOND_PERSON, ...ENGLISH_SECOND_PERSON]),
  thirdPerson: new Set([...FRENCH_THIRD_PERSON, ...ENGLISH_THIRD_PERSON]),
  group: new Set([...FRENCH_GROUP, ...ENGLISH_GROUP]),
  negations: new Set([...FRENCH_NEGATIONS, ...ENGLISH_NEGATIONS]),
  reporting: [FRENCH_REPORTING, ENGLISH_REPORTING],
};

/**
 * @example
 * resourcesFor('fr').lexicons.length // → 1
 */
export function resourcesFor(lang: 'fr' | 'en' | 'unknown'): LanguageResources {
  return lang === 'fr' ? FRENCH : lang === 'en' ? ENGLISH : BOTH;
}
