/**
 * Candidate keys of a query (the "presearcher" of Lucene Monitor): a set of keys such that any
 * document the query matches contains at least one of them. The percolator indexes queries
 * under these keys, so a post is only evaluated against queries sharing a key with it.
 *
 * Keys: a folded word (text and title), `\u0001a`+word (author), `\u0001l`/`\u0001c`/`\u0001n`/
 * `\u0001s`+value (lang, connector, country, site); prefixes are the first 3 letters of a
 * wildcard. `null` means "cannot narrow": the query is evaluated for every post.
 */
import { siteOf } from './keyword-match';
import type { QueryAst } from './query-ast';
import type { QueryScope } from './evaluate-query';
import { ELISIONS, tokenizeText } from './tokenize-document';

export interface QueryCover {
  terms: string[];
  prefixes: string[];
}

/** Wildcard prefix keys: at least 3 letters. */
export const MIN_PREFIX_KEY = 3;

export const KEY_NAMESPACE = { author: '\u0001a', lang: '\u0001l', connector: '\u0001c', country: '\u0001n', site: '\u0001s' } as const;

/** The letters a wildcard pattern starts with, before its first `?` or `*`. */
export function wildcardLiteral(pattern: string): string {
  const cut = [pattern.indexOf('?'), pattern.indexOf('*')].filter((i) => i >= 0);
  return pattern.slice(0, Math.min(pattern.length, ...cut));
}

function single(key: string): QueryCover {
  return { terms: [key], prefixes: [] };
}

function wordKey(value: string, scope: QueryScope): string {
  return scope === 'author' ? KEY_NAMESPACE.author + value : value;
}

/**
 * Estimated cost of a cover: how often its keys will pick the query for nothing. Longer words
 * are rarer; a prefix is as common as a word one letter shorter; a field value (lang:fr) is common.
 */
function cost(cover: QueryCover): number {
  let total = 0;
  for (const key of cover.terms) total += key.charCodeAt(0) === 1 ? 1 : 2 ** -Math.min(key.length, 20);
  for (const prefix of cover.prefixes) total += 2 ** -(Math.min(prefix.length, 20) - 1);
  return total;
}

/** The better of two covers for an AND: the cheaper one. */
function better(a: QueryCover, b: QueryCover): QueryCover {
  return cost(a) <= cost(b) ? a : b;
}

/**
 * @example
 * coverOf(parseQuery('(vigie OR veille) NOT emploi')); // { terms: ['vigie', 'veille'], prefixes: [] }
 */
export function coverOf(node: QueryAst, scope: QueryScope = 'default'): QueryCover | null {
  switch (node.type) {
    case 'term':
      return single(wordKey(node.value, scope));
    case 'phrase': {
      const longest = node.words.reduce((a, b) => (b.value.length > a.value.length ? b : a));
      return single(wordKey(longest.value, scope));
    }
    case 'wildcard': {
      const literal = wildcardLiteral(node.pattern);
      if (scope === 'author' || literal.length < MIN_PREFIX_KEY) return null;
      return { terms: [], prefixes: [literal] };
    }
    case 'raw': {
      const tokens = tokenizeText(node.value);
      const last = tokens[tokens.length - 1];
      // The last word may be an elided article in the post ("… l'ami"), which the post's tokens drop.
      if (last && last.kind === 'word' && ELISIONS.has(last.value)) tokens.pop();
      if (tokens.length === 0) return null;
      const longest = tokens.reduce((a, b) => (b.value.length > a.value.length ? b : a));
      return single(wordKey(longest.value, scope));
    }
    case 'keyword':
      if (node.field === 'url') return null;
      return single(KEY_NAMESPACE[node.field] + (node.field === 'site' ? siteOf(node.value) : node.value));
    case 'field':
      return coverOf(node.item, node.field);
    case 'not':
      return null;
    case 'near':
      return andCover([node.left, node.right], scope);
    case 'and':
      return andCover(node.items, scope);
    case 'or': {
      const union: QueryCover = { terms: [], prefixes: [] };
      for (const item of node.items) {
        const cover = coverOf(item, scope);
        if (!cover) return null;
        union.terms.push(...cover.terms);
        union.prefixes.push(...cover.prefixes);
      }
      return { terms: [...new Set(union.terms)], prefixes: [...new Set(union.prefixes)] };
    }
  }
}

function andCover(items: QueryAst[], scope: QueryScope): QueryCover | null {
  let best: QueryCover | null = null;
  for (const item of items) {
    const cover = coverOf(item, scope);
    if (cover) best = best ? better(best, cover) : cover;
  }
  return best;
}

/** Keys a document offers for its whole-value fields (every lang/site suffix it satisfies). */
export function documentFieldKeys(doc: { lang?: string; connector?: string; country?: string; url?: string }, host: string): string[] {
  const keys: string[] = [];
  if (doc.lang) {
    const lang = doc.lang.toLowerCase();
    keys.push(KEY_NAMESPACE.lang + lang);
    for (let i = 0; i < lang.length; i++) {
      if (lang[i] === '-' || lang[i] === '_') keys.push(KEY_NAMESPACE.lang + lang.slice(0, i));
    }
  }
  if (doc.connector) keys.push(KEY_NAMESPACE.connector + doc.connector.toLowerCase());
  if (doc.country) keys.push(KEY_NAMESPACE.country + doc.country.toLowerCase());
  if (host) {
    keys.push(KEY_NAMESPACE.site + host);
    for (let i = 0; i < host.length; i++) {
      if (host[i] === '.') keys.push(KEY_NAMESPACE.site + host.slice(i + 1));
    }
  }
  return keys;
}
