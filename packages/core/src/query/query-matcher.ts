/**
 * The percolator: every saved query compiled into one index (key → queries, like Lucene Monitor
 * and the Elasticsearch percolator). A post is tokenized once; its words pick the candidate
 * queries; only those are evaluated, by the reference evaluator, so answers are identical to
 * evaluating every query. `set`/`delete` update the index in place: the next post sees them.
 */
import type { MatchableDocument, QueryMatcher } from '../ports/matcher';
import { evaluateTokenized } from './evaluate-query';
import { hostOf } from './keyword-match';
import type { QueryAst } from './query-ast';
import { coverOf, documentFieldKeys, KEY_NAMESPACE, PREFIX_KEY_LENGTH, type QueryCover } from './query-cover';
import { parseQuery } from './parse-query';
import { tokenizeDocument, type DocToken } from './tokenize-document';

interface Entry {
  id: string;
  ast: QueryAst;
  exclusions?: QueryAst;
  cover: QueryCover | null;
  /** Being a candidate proves the match (a plain word or an OR of plain words, no exclusions). */
  exactOnCandidate: boolean;
  /** Last match() call that made this entry a candidate. */
  stamp: number;
}

/** What `compileQueries` returns: a ready matcher, the time it took, and the queries that failed. */
export interface CompiledQueries {
  matcher: QueryMatcher;
  compileMs: number;
  failed: { id: string; error: unknown }[];
}

function isPlainWord(node: QueryAst): boolean {
  return node.type === 'term' && node.kind === 'word' && node.exact === undefined;
}

function isExactOnCandidate(ast: QueryAst, exclusions: QueryAst | undefined): boolean {
  if (exclusions) return false;
  return isPlainWord(ast) || (ast.type === 'or' && ast.items.every(isPlainWord));
}

function addTo(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

function removeFrom(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.indexOf(entry);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}

/**
 * Creates an empty percolator.
 *
 * @example
 * const matcher = createQueryMatcher();
 * matcher.set('q1', 'vigie NOT emploi', { exclusions: '"offre d\'emploi"' });
 * matcher.match({ text: "J'adore Vigie" }); // ['q1']
 */
export function createQueryMatcher(): QueryMatcher {
  const entries = new Map<string, Entry>();
  const byTerm = new Map<string, Entry[]>();
  const byPrefix = new Map<string, Entry[]>();
  const always: Entry[] = [];
  const exclusionCache = new Map<string, QueryAst>();
  /** Keys in a field namespace (author, lang…): only then are a post's field keys looked up. */
  let fieldKeys = 0;
  let epoch = 0;

  function parseExclusions(text: string | undefined): QueryAst | undefined {
    if (text === undefined || text.trim() === '') return undefined;
    let ast = exclusionCache.get(text);
    if (!ast) {
      ast = parseQuery(text);
      if (exclusionCache.size >= 1000) exclusionCache.clear();
      exclusionCache.set(text, ast);
    }
    return ast;
  }

  function index(entry: Entry): void {
    const { cover } = entry;
    if (!cover) {
      always.push(entry);
      return;
    }
    for (const key of cover.terms) {
      addTo(byTerm, key, entry);
      if (key.charCodeAt(0) === 1) fieldKeys++;
    }
    for (const prefix of cover.prefixes) addTo(byPrefix, prefix, entry);
  }

  function unindex(entry: Entry): void {
    const { cover } = entry;
    if (!cover) {
      always.splice(always.indexOf(entry), 1);
      return;
    }
    for (const key of cover.terms) {
      removeFrom(byTerm, key, entry);
      if (key.charCodeAt(0) === 1) fieldKeys--;
    }
    for (const prefix of cover.prefixes) removeFrom(byPrefix, prefix, entry);
  }

  function remove(queryId: string): void {
    const entry = entries.get(queryId);
    if (!entry) return;
    unindex(entry);
    entries.delete(queryId);
  }

  function set(queryId: string, text: string, options?: { exclusions?: string }): void {
    // Parse first: a query that does not parse leaves the previous version in place.
    const ast = parseQuery(text);
    const exclusions = parseExclusions(options?.exclusions);
    remove(queryId);
    const entry: Entry = { id: queryId, ast, exclusions, cover: coverOf(ast), exactOnCandidate: isExactOnCandidate(ast, exclusions), stamp: 0 };
    entries.set(queryId, entry);
    index(entry);
  }

  function match(doc: MatchableDocument): string[] {
    const stamp = ++epoch;
    const candidates: Entry[] = [];
    const visit = (list: Entry[] | undefined): void => {
      if (!list) return;
      for (const entry of list) {
        if (entry.stamp !== stamp) {
          entry.stamp = stamp;
          candidates.push(entry);
        }
      }
    };
    const tokens = tokenizeDocument(doc);
    const lookup = (list: DocToken[], namespace: string): void => {
      for (const token of list) {
        visit(byTerm.get(namespace === '' ? token.value : namespace + token.value));
        if (namespace === '' && byPrefix.size > 0 && token.value.length >= PREFIX_KEY_LENGTH) {
          visit(byPrefix.get(token.value.slice(0, PREFIX_KEY_LENGTH)));
        }
      }
    };
    lookup(tokens.text, '');
    lookup(tokens.title, '');
    if (fieldKeys > 0) {
      lookup(tokens.author, KEY_NAMESPACE.author);
      for (const key of documentFieldKeys(doc, hostOf(doc.url))) visit(byTerm.get(key));
    }
    visit(always);
    const matched: string[] = [];
    for (const entry of candidates) {
      if (entry.exactOnCandidate || (evaluateTokenized(entry.ast, tokens) && !(entry.exclusions && evaluateTokenized(entry.exclusions, tokens)))) {
        matched.push(entry.id);
      }
    }
    return matched;
  }

  return {
    set,
    delete: remove,
    match,
    size: () => entries.size,
  };
}

/**
 * Builds a matcher from many queries at once (the batch percolator of `vigie query match`).
 * Queries that do not parse are listed in `failed`; the others are compiled.
 *
 * @example
 * const { matcher, compileMs, failed } = compileQueries([{ id: 'a', query: 'vigie' }]);
 */
export function compileQueries(queries: { id: string; query: string; exclusions?: string }[]): CompiledQueries {
  const started = performance.now();
  const matcher = createQueryMatcher();
  const failed: CompiledQueries['failed'] = [];
  for (const { id, query, exclusions } of queries) {
    try {
      matcher.set(id, query, { exclusions });
    } catch (error) {
      failed.push({ id, error });
    }
  }
  return { matcher, compileMs: performance.now() - started, failed };
}
