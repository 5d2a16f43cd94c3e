/**
 * Phrase lookup on folded text with word boundaries, shared by the tone, promise and relevance
 * checks. Lists are short (tens of phrases), so a scan per phrase is simpler than an automaton
 * and fast enough for a draft.
 */

export interface PhraseMatch {
  match: string;
  start: number;
  end: number;
}

/**
 * First phrase of `phrases` found in `folded` as whole words; a phrase ending in `*` matches any
 * word continuing it. Offsets are in the folded text, which keeps the draft's offsets for
 * accented Latin letters.
 *
 * @example
 * findPhrase("c'est de votre faute", ['votre faute']) // → { match: 'votre faute', start: 9, end: 20 }
 * findPhrase('nous vous rembourserons', ['rembours*']) // → { match: 'rembourserons', start: 10, end: 23 }
 */
export function findPhrase(folded: string, phrases: readonly string[]): PhraseMatch | undefined {
  return findPhrases(folded, phrases, 1)[0];
}

/**
 * Every phrase found (at most `limit`), in list order.
 *
 * @example
 * findPhrases('refund and lawyer', ['refund*', 'lawyer*']).map((m) => m.match) // → ['refund', 'lawyer']
 */
export function findPhrases(folded: string, phrases: readonly string[], limit = Infinity): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  for (const raw of phrases) {
    const prefix = raw.endsWith('*');
    const phrase = prefix ? raw.slice(0, -1) : raw;
    if (phrase.length === 0) continue;
    let from = 0;
    for (let at = folded.indexOf(phrase, from); at >= 0; at = folded.indexOf(phrase, from)) {
      const before = at === 0 ? ' ' : (folded[at - 1] as string);
      let end = at + phrase.length;
      if (prefix) while (end < folded.length && /[\p{L}\p{N}]/u.test(folded[end] as string)) end++;
      const after = folded[end] ?? ' ';
      if (!isWordChar(before) && !isWordChar(after)) {
        found.push({ match: folded.slice(at, end), start: at, end });
        if (found.length >= limit) return found;
        break;
      }
      from = at + 1;
    }
  }
  return found;
}

function isWordChar(char: string): boolean {
  return /[\p{L}\p{N}]/u.test(char);
}
