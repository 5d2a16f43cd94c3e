/**
 * Lexicon shape and parser shared by the French and English aggressiveness lexicons. Entries are
 * written compactly (`word:weight`, multi-word entries joined with `_`) and keyed by `lexiconKey`,
 * which folds and collapses repeated letters so "connnnard", "Connard" and "CONARD" all hit.
 */
import { foldText } from '../text';

/**
 * - `insult`: a noun or adjective aimed at a person ("connard", "moron"); strong when targeted.
 * - `disparaging`: harsh about a thing ("nul", "garbage"); an insult only when aimed at someone.
 * - `profanity`: swearing as an interjection ("putain", "shit").
 * - `dehumanising`: vermin vocabulary; toxic when aimed at people.
 * - `slur`: identity slurs; always toxic.
 * - `hostility`: exasperation ("ras le bol", "fed up"); mild.
 */
export type LexiconCategory = 'insult' | 'disparaging' | 'profanity' | 'dehumanising' | 'slur' | 'hostility';

export interface LexiconEntry {
  /** The entry as written in the lexicon (folded, words joined by spaces). */
  term: string;
  category: LexiconCategory;
  /** Base strength 0..1 before targeting, negation and quotation adjust it. */
  weight: number;
}

export type Lexicon = ReadonlyMap<string, LexiconEntry>;

/**
 * Lookup key: folded, letters only, runs of a repeated letter collapsed to one.
 *
 * @example
 * lexiconKey('CONNNNARD') === lexiconKey('connard') // → true
 */
export function lexiconKey(word: string): string {
  return collapseRepeats(foldText(word));
}

/**
 * `lexiconKey` for a word that is already folded (a token's `norm`): only collapses repeats.
 *
 * @example
 * collapseRepeats('connnard') // → 'conard'
 */
export function collapseRepeats(folded: string): string {
  for (let i = 1; i < folded.length; i++) if (folded.charCodeAt(i) === folded.charCodeAt(i - 1)) return folded.replace(/(.)\1+/g, '$1');
  return folded;
}

/**
 * Builds a lexicon from `category → "word:weight word_two:weight …"` source strings.
 *
 * @example
 * const lexicon = buildLexicon({ insult: 'connard:0.5 fils_de_pute:0.6' });
 * lexicon.get(lexiconKey('connard'))?.weight // → 0.5
 */
export function buildLexicon(source: Partial<Record<LexiconCategory, string>>): Lexicon {
  const map = new Map<string, LexiconEntry>();
  for (const [category, list] of Object.entries(source) as Array<[LexiconCategory, string]>) {
    for (const item of list.split(/\s+/)) {
      if (item.length === 0) continue;
      const [raw = '', weight = '0.5'] = item.split(':');
      const term = foldText(raw.replace(/_/g, ' '));
      const key = term.split(' ').map(lexiconKey).join(' ');
      const value = { term, category, weight: Number(weight) };
      map.set(key, value);
      // The tokeniser keeps hyphenated words whole: "sous-hommes" must hit "sous hommes" too.
      if (key.includes(' ')) map.set(key.replace(/ /g, '-'), value);
    }
  }
  return map;
}

const longestEntry = new WeakMap<Lexicon, number>();
const phraseStarts = new WeakMap<Lexicon, ReadonlySet<string>>();

/**
 * First words of multi-word entries ("fils" for "fils de pute"): only these need a longer lookup.
 *
 * @example
 * phraseStartsOf(buildLexicon({ insult: 'fils_de_pute:0.6' })).has('fils') // → true
 */
export function phraseStartsOf(lexicon: Lexicon): ReadonlySet<string> {
  let starts = phraseStarts.get(lexicon);
  if (!starts) {
    starts = new Set([...lexicon.keys()].filter((k) => / |-/.test(k)).map((k) => k.split(/ |-/)[0] ?? ''));
    phraseStarts.set(lexicon, starts);
  }
  return starts;
}

/** The longest entry in words, so lookups know how far ahead to look (computed once per lexicon). */
export function maxEntryWords(lexicon: Lexicon): number {
  const known = longestEntry.get(lexicon);
  if (known !== undefined) return known;
  let max = 1;
  for (const key of lexicon.keys()) max = Math.max(max, key.split(' ').length);
  longestEntry.set(lexicon, max);
  return max;
}
