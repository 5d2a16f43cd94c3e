/**
 * Key terms of a set of posts (one topic, one period): the words, hashtags and phrases most posts
 * share, stemmed so that "livraison" and "livraisons" count together, shown in their most
 * frequent written form. A word is dropped when it nearly always appears inside a kept phrase.
 */
import { countTerms, displayForm, type TermCount, type TermCounts, type TermKind } from './count-terms';

export interface KeyTerm {
  /** As shown to people: the most frequent surface form. */
  term: string;
  /** Grouping key (stems). */
  key: string;
  kind: TermKind;
  /** Documents containing the term. */
  count: number;
  /** Share of documents containing it, 0..1. */
  share: number;
}

export interface KeyTermOptions {
  lang?: string;
  /** Terms returned (default 20). */
  limit?: number;
  /** Documents a term must appear in (default 2). */
  minCount?: number;
}

/** A word seen this often inside one phrase is represented by the phrase. */
const SUBSUMED = 0.7;

/**
 * @example
 * extractKeyTerms(['Service client injoignable', 'Le service client ne répond pas', 'Livraison rapide'], 'fr')
 * // → [{ term: 'service client', key: 'servic client', kind: 'phrase', count: 2, share: 0.667 }]
 */
export function extractKeyTerms(texts: Iterable<string> | TermCounts, lang?: string, options: Omit<KeyTermOptions, 'lang'> = {}): KeyTerm[] {
  const counts = isCounts(texts) ? texts : countTerms(texts, { lang });
  const limit = options.limit ?? 20;
  const minCount = options.minCount ?? 2;
  const frequent = [...counts.terms.values()].filter((t) => t.documents >= minCount);
  const phrases = frequent.filter((t) => t.kind === 'phrase');
  const kept = frequent.filter((t) => t.kind !== 'word' || !isSubsumed(t, phrases));
  return kept
    .sort((a, b) => weight(b) - weight(a) || b.occurrences - a.occurrences || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map((t) => ({ term: displayForm(t.forms), key: t.key, kind: t.kind, count: t.documents, share: round(t.documents / Math.max(1, counts.documents)) }));
}

/** Phrases say more than single words: they rank as if seen in 50 % more documents. */
function weight(term: TermCount): number {
  return term.kind === 'phrase' ? term.documents * 1.5 : term.documents;
}

/**
 * Whether a word nearly always appears inside one of the phrases (then the phrase represents it).
 *
 * @example
 * isSubsumed({ key: 'delai', documents: 4 }, [{ key: 'delai de livraison', documents: 3 }]) // → true
 */
export function isSubsumed(word: { key: string; documents: number }, phrases: ReadonlyArray<{ key: string; documents: number }>): boolean {
  return phrases.some((p) => p.key.split(' ').includes(word.key) && p.documents >= SUBSUMED * word.documents);
}

export function isCounts(value: unknown): value is TermCounts {
  return typeof value === 'object' && value !== null && 'terms' in value && (value as TermCounts).terms instanceof Map;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
