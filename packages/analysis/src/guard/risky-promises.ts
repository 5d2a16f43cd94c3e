/**
 * Risky promises: wording that commits the company (refunds, compensation, guarantees) or touches
 * the law (lawyer, complaint, court, liability). Said publicly by a community manager, it binds the
 * company or inflames a dispute, so a manager approves it first. The list is configurable per
 * workspace; entries are folded phrases, and a trailing `*` matches any ending.
 */
import { foldText } from '../text';
import { findPhrases, type PhraseMatch } from './find-phrase';

export interface RiskyPhrases {
  fr: string[];
  en: string[];
}

/**
 * The default list, French and English.
 *
 * @example
 * DEFAULT_RISKY_PHRASES.fr.includes('rembours*') // → true
 */
export const DEFAULT_RISKY_PHRASES: Readonly<RiskyPhrases> = {
  fr: [
    'rembours*', 'dedommag*', 'indemnis*', 'indemnit*', 'compensation*', 'geste commercial', 'garanti*', 'juridique*', 'avocat*',
    'plainte*', 'tribunal', 'tribunaux', 'proces', 'poursuite*', 'responsabilite', 'nous nous engageons', 'je m\'engage',
    'nous vous promettons', 'je vous promets', 'promis', 'c\'est garanti', 'sans faute',
  ],
  en: [
    'refund*', 'reimburs*', 'compensat*', 'goodwill gesture', 'guarantee*', 'warrant*', 'legal*', 'lawyer*', 'attorney*', 'lawsuit*',
    'sue', 'court', 'liability', 'liable', 'we promise', 'i promise', 'promise you', 'we commit', 'we will make it right',
  ],
};

/**
 * Risky wording found in a draft, from both languages' lists (a French reply may quote English terms).
 *
 * @example
 * findRiskyPromises('Nous vous rembourserons, promis').map((m) => m.match) // → ['rembourserons', 'promis']
 */
export function findRiskyPromises(text: string, phrases: RiskyPhrases = DEFAULT_RISKY_PHRASES): PhraseMatch[] {
  const folded = foldText(text);
  const list = [...phrases.fr, ...phrases.en].map((p) => foldText(p.trim())).filter((p) => p.length > 1);
  return findPhrases(folded, list).sort((a, b) => a.start - b.start);
}
