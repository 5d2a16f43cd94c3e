/**
 * The percolator: every saved query compiled into one index (key → queries, like Lucene Monitor
 * and the Elasticsearch percolator). A post is tokenized once; its words pick the candidate
 * queries; only those are evaluated, by the reference evaluator, so answers are identical to
 * evaluating every query. `set`/`delete` update the index in place: the next post sees them.
 */
import type { MatchableDocument, QueryMatcher } from '../ports/matcher';
import { compileQuery, type CompiledQuery, type TermInfo } from './compile-query';
import { hostOf } from './keyword-match';
import type { QueryAst } from './query-ast';
import { coverOf, documentFieldKeys, KEY_NAMESPACE, MIN_PREFIX_KEY, type QueryCover } from './query-cover';
import { parseQuery } from './parse-query';
import { hashWord, tokenizeDocument, type DocToken } from './tokenize-document';

interface Entry {
  id: string;
  test: CompiledQuery;
  exclusions?: CompiledQuery;
  cover: QueryCover | null;
  /** Wildcard prefixes of the cover (distinct). */
  prefixKeys: string[];
  /** Words the compiled closures read the presence of. */
  words: string[];
  /** Being a candidate proves the match (a plain word or an OR of plain words, no exclusions). */
  exactOnCandidate: boolean;
  /** Last match() call that made this entry a candidate. */
  stamp: number;
}

/** One known key: the queries indexed under it, and how many compiled queries read its presence. */
interface KeyInfo extends TermInfo {
  entries: Entry[];
  refs: number;
}

/** What `compileQueries` returns: a ready matcher, the time it took, and the queries that failed. */
export interface CompiledQueries {
  matcher: QueryMatcher;
  compileMs: number;
  failed: { id: string; error: unknown }[];
}

/**
 * Wildcard prefixes are bucketed by their first 3 to 6 letters: a post's word is hashed letter by
 * letter (no substrings) and looks up only the lengths in use, each gated by a filter, then
 * checks startsWith for each prefix in the bucket.
 */
const MAX_BUCKET = 6;

interface PrefixItem {
  prefix: string;
  entry: Entry;
}

function bucketStep(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

/** Hash of the first `length` characters, as `lookup` computes it step by step. */
function bucketOf(value: string, length: number): number {
  let hash = 0;
  for (let i = 0; i < length; i++) hash = bucketStep(hash, value.charCodeAt(i));
  return hash;
}

const FILTER_MASK = 0xffff;

/** Adds `delta` to a counter of a typed array. */
function bump(counts: Int32Array, index: number, delta: number): void {
  counts[index] = (counts[index] ?? 0) + delta;
}

function isPlainWord(node: QueryAst): boolean {
  return node.type === 'term' && node.kind === 'word' && node.exact === undefined;
}

function isExactOnCandidate(ast: QueryAst, exclusions: QueryAst | undefined): boolean {
  if (exclusions) return false;
  return isPlainWord(ast) || (ast.type === 'or' && ast.items.every(isPlainWord));
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
  const keys = new Map<string, KeyInfo>();
  /** Buckets by hash (collisions are harmless: each item's prefix is checked with startsWith). */
  const byPrefix = new Map<number, PrefixItem[]>();
  /** Bucket counts by the low bits of the hash: a word whose slot is 0 skips the Map lookup. */
  const prefixFilter = new Int32Array(FILTER_MASK + 1);
  /** How many prefixes are bucketed at each length (3…6): a post looks up only those lengths. */
  const bucketLengths = new Int32Array(MAX_BUCKET + 1);
  const always: Entry[] = [];
  /** Counts of known keys by the low bits of their hash: a post's word whose slot is 0 is skipped. */
  const keyFilter = new Int32Array(FILTER_MASK + 1);
  const exclusionCache = new Map<string, QueryAst>();
  const epoch = { value: 0 };
  /** Keys in a field namespace (author, lang…): only then are a post's field keys looked up. */
  let fieldKeys = 0;

  function keyInfo(key: string): KeyInfo {
    let info = keys.get(key);
    if (!info) {
      info = { entries: [], refs: 0, stamp: 0 };
      keys.set(key, info);
      bump(keyFilter, hashWord(key) & FILTER_MASK, 1);
    }
    return info;
  }

  function release(key: string, info: KeyInfo): void {
    if (info.entries.length === 0 && info.refs === 0) {
      keys.delete(key);
      bump(keyFilter, hashWord(key) & FILTER_MASK, -1);
    }
  }

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
    if (!entry.cover) {
      always.push(entry);
      return;
    }
    for (const key of entry.cover.terms) {
      keyInfo(key).entries.push(entry);
      if (key.charCodeAt(0) === 1) fieldKeys++;
    }
    for (const prefix of entry.prefixKeys) {
      const length = Math.min(prefix.length, MAX_BUCKET);
      const bucket = bucketOf(prefix, length);
      const list = byPrefix.get(bucket);
      if (list) list.push({ prefix, entry });
      else byPrefix.set(bucket, [{ prefix, entry }]);
      bump(prefixFilter, bucket & FILTER_MASK, 1);
      bump(bucketLengths, length, 1);
    }
  }

  function unindex(entry: Entry): void {
    if (!entry.cover) {
      always.splice(always.indexOf(entry), 1);
    } else {
      for (const key of entry.cover.terms) {
        const info = keys.get(key) as KeyInfo;
        info.entries.splice(info.entries.indexOf(entry), 1);
        release(key, info);
        if (key.charCodeAt(0) === 1) fieldKeys--;
      }
      for (const prefix of entry.prefixKeys) {
        const length = Math.min(prefix.length, MAX_BUCKET);
        const bucket = bucketOf(prefix, length);
        const list = byPrefix.get(bucket) as PrefixItem[];
        list.splice(list.findIndex((item) => item.entry === entry && item.prefix === prefix), 1);
        if (list.length === 0) byPrefix.delete(bucket);
        bump(prefixFilter, bucket & FILTER_MASK, -1);
        bump(bucketLengths, length, -1);
      }
    }
    for (const word of entry.words) {
      const info = keys.get(word) as KeyInfo;
      info.refs--;
      release(word, info);
    }
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
    const exclusionAst = parseExclusions(options?.exclusions);
    remove(queryId);
    const words: string[] = [];
    const wordInfo = (value: string): KeyInfo => {
      const info = keyInfo(value);
      info.refs++;
      words.push(value);
      return info;
    };
    const cover = coverOf(ast);
    const entry: Entry = {
      id: queryId,
      test: compileQuery(ast, wordInfo, epoch),
      exclusions: exclusionAst ? compileQuery(exclusionAst, wordInfo, epoch) : undefined,
      cover,
      prefixKeys: [...new Set(cover?.prefixes ?? [])],
      words,
      exactOnCandidate: isExactOnCandidate(ast, exclusionAst),
      stamp: 0,
    };
    entries.set(queryId, entry);
    index(entry);
  }

  /** Adds entries to this post's candidates, once each (closures are hoisted: match() is hot). */
  const candidates: Entry[] = [];
  function visit(list: Entry[] | undefined): void {
    if (!list) return;
    const stamp = epoch.value;
    for (const entry of list) {
      if (entry.stamp !== stamp) {
        entry.stamp = stamp;
        candidates.push(entry);
      }
    }
  }

  function lookup(list: DocToken[]): void {
    const stamp = epoch.value;
    for (const token of list) {
      const value = token.value;
      const info = keyFilter[token.hash & FILTER_MASK] === 0 ? undefined : keys.get(value);
      if (info) {
        info.stamp = stamp;
        if (info.entries.length > 0) visit(info.entries);
      }
      if (byPrefix.size === 0 || value.length < MIN_PREFIX_KEY) continue;
      let hash = 0;
      for (let length = 1; length <= MAX_BUCKET && length <= value.length; length++) {
        hash = bucketStep(hash, value.charCodeAt(length - 1));
        if (length >= MIN_PREFIX_KEY && bucketLengths[length] !== 0 && prefixFilter[hash & FILTER_MASK] !== 0) visitBucket(hash, value);
      }
    }
  }

  function visitBucket(bucket: number, value: string): void {
    const items = byPrefix.get(bucket);
    if (!items) return;
    const stamp = epoch.value;
    for (const { prefix, entry } of items) {
      if (entry.stamp !== stamp && value.startsWith(prefix)) {
        entry.stamp = stamp;
        candidates.push(entry);
      }
    }
  }

  function match(doc: MatchableDocument): string[] {
    epoch.value++;
    candidates.length = 0;
    const tokens = tokenizeDocument(doc);
    lookup(tokens.text);
    lookup(tokens.title);
    if (fieldKeys > 0) {
      for (const token of tokens.author) visit(keys.get(KEY_NAMESPACE.author + token.value)?.entries);
      for (const key of documentFieldKeys(doc, hostOf(doc.url))) visit(keys.get(key)?.entries);
    }
    visit(always);
    const matched: string[] = [];
    for (const entry of candidates) {
      if (entry.exactOnCandidate || (entry.test(tokens) && !(entry.exclusions && entry.exclusions(tokens)))) matched.push(entry.id);
    }
    candidates.length = 0;
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
