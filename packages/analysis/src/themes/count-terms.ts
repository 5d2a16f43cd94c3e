/**
 * Term counting for themes: stemmed content words, hashtags and two-word phrases ("service client",
 * "délai de livraison") per document, without stop words, in French and English. The counts keep
 * every surface form seen, so that themes show "livraison" rather than the stem "livraison" → "livr".
 */
import { clampText, isStopWord, resolveLang, stem, tokenize, words, type Token } from '../text';

export type TermKind = 'word' | 'phrase' | 'hashtag';

export interface TermCount {
  key: string;
  kind: TermKind;
  /** Documents containing the term. */
  documents: number;
  /** Occurrences in all documents. */
  occurrences: number;
  /** Surface forms and how often each was written. */
  forms: Map<string, number>;
}

export interface TermCounts {
  /** Documents counted. */
  documents: number;
  terms: Map<string, TermCount>;
}

export interface CountOptions {
  /** Language of all texts ('fr', 'en'); undefined guesses per text. */
  lang?: string;
  /** Count two-word phrases too (default true). */
  phrases?: boolean;
}

/** Small words allowed inside a phrase: "délai de livraison", "change of address". */
const PHRASE_LINKS = new Set(['de', "d'", 'du', 'des', 'of']);

/**
 * Counts the terms of a set of texts (one period, one topic).
 *
 * @example
 * countTerms(['Livraison en retard', 'Les livraisons sont lentes'], { lang: 'fr' }).terms.get('livraison')?.documents // → 2
 */
export function countTerms(texts: Iterable<string>, options: CountOptions = {}): TermCounts {
  const counts: TermCounts = { documents: 0, terms: new Map() };
  for (const text of texts) addDocument(counts, text, options);
  return counts;
}

/**
 * Adds one document to existing counts (to build counts incrementally, e.g. while streaming).
 *
 * @example
 * const counts = countTerms([]);
 * addDocument(counts, 'Super service client', { lang: 'fr' });
 */
export function addDocument(counts: TermCounts, text: string, options: CountOptions = {}): void {
  const clean = clampText(text);
  counts.documents++;
  if (clean.length === 0) return;
  const lang = resolveLang(options.lang, () => words(clean.slice(0, 500)));
  const stemLang = lang === 'unknown' ? undefined : lang;
  const stopLang = lang === 'unknown' ? undefined : lang;
  const seen = new Set<string>();
  const tokens = tokenize(clean);
  // The previous content word and whether only a linking word separates it from the current one.
  let previous: { key: string; surface: string } | undefined;
  let link: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'hashtag') {
      record(counts, seen, `#${token.norm.slice(1)}`, 'hashtag', token.text);
      previous = undefined;
      continue;
    }
    if (token.kind !== 'word' && token.kind !== 'elision') {
      previous = undefined;
      link = undefined;
      continue;
    }
    const norm = token.norm;
    if (token.kind === 'elision' || isStopWord(norm, stopLang) || norm.length < 2 || /^\d/.test(norm)) {
      if (previous && link === undefined && PHRASE_LINKS.has(norm)) link = token.text.toLowerCase();
      else {
        previous = undefined;
        link = undefined;
      }
      continue;
    }
    const key = stem(norm, stemLang);
    const surface = surfaceOf(token, tokens[i - 1]);
    record(counts, seen, key, 'word', surface);
    if (options.phrases !== false && previous) {
      const joiner = link === undefined ? ' ' : link.endsWith("'") ? ` ${link}` : ` ${link} `;
      record(counts, seen, `${previous.key}${link === undefined ? ' ' : ` ${link.replace(/'$/, '')} `}${key}`, 'phrase', `${previous.surface}${joiner}${surface}`);
    }
    previous = { key, surface };
    link = undefined;
  }
}

/** Lower case, except acronyms and capitalised words inside a sentence (names, brands). */
function surfaceOf(token: Token, before: Token | undefined): string {
  if (/^[A-Z0-9]{2,6}$/.test(token.text)) return token.text;
  const sentenceStart = !before || (before.kind === 'punct' && /[.!?…]/.test(before.text));
  return sentenceStart ? token.text.toLowerCase() : token.text;
}

function record(counts: TermCounts, seen: Set<string>, key: string, kind: TermKind, surface: string): void {
  let term = counts.terms.get(key);
  if (!term) {
    term = { key, kind, documents: 0, occurrences: 0, forms: new Map() };
    counts.terms.set(key, term);
  }
  term.occurrences++;
  term.forms.set(surface, (term.forms.get(surface) ?? 0) + 1);
  if (!seen.has(key)) {
    seen.add(key);
    term.documents++;
  }
}

/**
 * The form to show: the most frequent one written; on ties lower case, then the shorter
 * (usually the singular).
 *
 * @example
 * displayForm(new Map([['Livraison', 1], ['livraison', 3]])) // → 'livraison'
 * displayForm(new Map([['livraisons', 2], ['livraison', 2]])) // → 'livraison'
 */
export function displayForm(forms: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [form, count] of forms) {
    const tieBreak = count === bestCount && ((form === form.toLowerCase()) !== (best === best.toLowerCase()) ? form === form.toLowerCase() : form.length < best.length);
    if (count > bestCount || tieBreak) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}
