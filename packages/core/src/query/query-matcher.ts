/**
 * The percolator: every saved query compiled into one index (key → queries, like Lucene Monitor
 * and the Elasticsearch percolator). A post's text and title are scanned once, word by word into
 * a reused buffer (no string or token allocated per word); each word is looked up in an
 * open-addressing table of the known words, straight from the buffer, and in the buckets of
 * wildcard prefixes. Known words and prefixes get the post's stamp; the queries indexed under
 * them are the candidates. Only those are evaluated, by closures that read the stamps and ask for
 * the post's tokens (`tokenizeDocument`) only when they need positions, so answers are identical
 * to evaluating every query with the reference evaluator. `set`/`delete` update the index in
 * place: the next post sees them.
 */
import type { MatchableDocument, QueryMatcher } from '../ports/matcher';
import { compileQuery, type CompiledQuery, type PostView, type TermInfo, type TermRegistry, type WordStamps } from './compile-query';
import { hostOf } from './keyword-match';
import type { QueryAst } from './query-ast';
import { coverOf, documentFieldKeys, KEY_NAMESPACE, MIN_PREFIX_KEY, type QueryCover } from './query-cover';
import { parseQuery } from './parse-query';
import { WordScanner } from './scan-words';
import { hashWord, tokenizeDocument, type TokenizedDocument } from './tokenize-document';

// Module-local copies: an imported binding can cost a getter call per access on the hot path.
const MIN_PREFIX = MIN_PREFIX_KEY;
const AUTHOR_KEY = KEY_NAMESPACE.author;
const tokenize = tokenizeDocument;

interface Entry {
  id: string;
  test: CompiledQuery;
  exclusions?: CompiledQuery;
  cover: QueryCover | null;
  /** Wildcard prefixes of the cover (distinct). */
  prefixKeys: string[];
  /** Words the compiled closures read the presence of. */
  words: string[];
  /** Wildcard prefixes the compiled closures read the presence of. */
  prefixes: string[];
  /** Being a candidate proves the match (a plain word or an OR of plain words, no exclusions). */
  exactOnCandidate: boolean;
  /** Last match() call that made this entry a candidate. */
  stamp: number;
}

/** One known word: the queries indexed under it, and how many compiled queries read its presence. */
interface KeyInfo {
  key: string;
  /** Index of the word's stamps in the table (fixed while the word is known). */
  index: number;
  /** hashWord(key): the scanner computes the same hash while it reads a word. */
  hash: number;
  entries: Entry[];
  refs: number;
}

/**
 * One known wildcard prefix (at least MIN_PREFIX letters). Prefixes are bucketed by the hash of
 * their first 3 to 6 letters: the scanner's buffer is hashed letter by letter and only the
 * lengths in use are looked up, then the prefix is compared with the buffer.
 */
interface PrefixInfo extends TermInfo {
  prefix: string;
  /** min(prefix.length, MAX_BUCKET). */
  bucketLength: number;
  /** hashWord of the first bucketLength letters. */
  bucket: number;
  entries: Entry[];
  refs: number;
}

/** What `compileQueries` returns: a ready matcher, the time it took, and the queries that failed. */
export interface CompiledQueries {
  matcher: QueryMatcher;
  compileMs: number;
  failed: { id: string; error: unknown }[];
}

const MAX_BUCKET = 6;

function isPlainWord(node: QueryAst): boolean {
  return node.type === 'term' && node.kind === 'word' && node.exact === undefined;
}

function isExactOnCandidate(ast: QueryAst, exclusions: QueryAst | undefined): boolean {
  if (exclusions) return false;
  return isPlainWord(ast) || (ast.type === 'or' && ast.items.every(isPlainWord));
}

/** Whether `buffer[0 … length)` starts with `prefix`. */
function bufferStartsWith(buffer: Uint16Array, length: number, prefix: string): boolean {
  if (prefix.length > length) return false;
  for (let i = 0; i < prefix.length; i++) if (buffer[i] !== prefix.charCodeAt(i)) return false;
  return true;
}

/**
 * The known words by hash, in open addressing with linear probing, so a scanned word is looked
 * up from the scanner's buffer without building a string. Each slot is four int32 in one typed
 * array (hash, 1 + info index or EMPTY/DELETED, offset and length of the word's code units in a
 * shared pool): a probe reads one cache line, then the pool, then the info. Deleted slots stay
 * as tombstones, and deleted words in the pool, until the next rebuild (growth or compaction).
 */
const EMPTY = 0;
const DELETED = -1;
const SLOT = 4;

/** The filter: one bit per value of the hash's low 18 bits (32 KB). */
const FILTER_BITS = 18;
const FILTER_WORDS_MASK = (1 << (FILTER_BITS - 5)) - 1;
const PREFIX_FILTER_BITS = 16;
const PREFIX_FILTER_MASK = (1 << (PREFIX_FILTER_BITS - 5)) - 1;

class WordTable implements WordStamps {
  /**
   * Bit set when some known word's hash has these low bits: most words of a post are not known,
   * and this small array answers them without touching the (larger) slots.
   */
  private readonly filter = new Int32Array(1 << (FILTER_BITS - 5));
  /** Known words per filter bit, to clear the bit when the last one goes. */
  private readonly filterCounts = new Int32Array(1 << FILTER_BITS);
  private slots = new Int32Array(1024 * SLOT);
  private mask = 1023;
  private pool = new Uint16Array(8192);
  private poolUsed = 0;
  /** Infos by index; freed indexes are reused. */
  private infos: (KeyInfo | undefined)[] = [];
  private free: number[] = [];
  /** Occupied slots, tombstones included. */
  private used = 0;
  private live = 0;
  stamps: Int32Array = new Int32Array(1024);
  hashtagStamps: Int32Array = new Int32Array(1024);
  mentionStamps: Int32Array = new Int32Array(1024);
  /** The queries indexed under each word, by index (undefined when none: the scan skips it). */
  lists: (Entry[] | undefined)[] = [];

  /** The index of the word in `buffer[0 … length)` (whose hashWord is `hash`), or -1. */
  find(buffer: Uint16Array, length: number, hash: number): number {
    if (((this.filter[(hash >>> 5) & FILTER_WORDS_MASK] as number) & (1 << (hash & 31))) === 0) return -1;
    const slots = this.slots;
    const mask = this.mask;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const at = i * SLOT;
      const ref = slots[at + 1] as number;
      if (ref === EMPTY) return -1;
      if (slots[at] === hash && ref !== DELETED && slots[at + 3] === length) {
        const pool = this.pool;
        let k = 0;
        for (let offset = slots[at + 2] as number; k < length; k++, offset++) if (pool[offset] !== buffer[k]) break;
        if (k === length) return ref - 1;
      }
    }
  }

  /** Adds a word: sets `info.index`. */
  add(info: KeyInfo): void {
    if ((this.used + 1) * 2 > this.mask + 1) this.rebuild(Math.max(1024, 2 ** Math.ceil(Math.log2((this.live + 1) * 4))));
    const key = info.key;
    if (this.poolUsed + key.length > this.pool.length) {
      this.rebuild(this.mask + 1);
      if (this.poolUsed + key.length > this.pool.length) {
        const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + key.length));
        pool.set(this.pool.subarray(0, this.poolUsed));
        this.pool = pool;
      }
    }
    const offset = this.poolUsed;
    for (let k = 0; k < key.length; k++) this.pool[offset + k] = key.charCodeAt(k);
    this.poolUsed += key.length;
    let index = this.free.pop();
    if (index === undefined) {
      index = this.infos.length;
      this.infos.push(info);
      this.lists.push(undefined);
      if (index >= this.stamps.length) this.growStamps();
    } else {
      this.infos[index] = info;
    }
    info.index = index;
    this.stamps[index] = 0;
    this.hashtagStamps[index] = 0;
    this.mentionStamps[index] = 0;
    this.place(info.hash, index + 1, offset, key.length);
    this.live++;
    const bit = info.hash & ((1 << FILTER_BITS) - 1);
    if ((this.filterCounts[bit] = (this.filterCounts[bit] ?? 0) + 1) === 1) this.filter[bit >>> 5] = (this.filter[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }

  /** Call after the word's entries changed. */
  indexed(info: KeyInfo): void {
    this.lists[info.index] = info.entries.length > 0 ? info.entries : undefined;
  }

  remove(info: KeyInfo): void {
    const slots = this.slots;
    const mask = this.mask;
    for (let i = info.hash & mask; slots[i * SLOT + 1] !== EMPTY; i = (i + 1) & mask) {
      if (slots[i * SLOT + 1] === info.index + 1) {
        slots[i * SLOT + 1] = DELETED;
        this.infos[info.index] = undefined;
        this.lists[info.index] = undefined;
        this.free.push(info.index);
        this.live--;
        const bit = info.hash & ((1 << FILTER_BITS) - 1);
        if ((this.filterCounts[bit] = (this.filterCounts[bit] ?? 0) - 1) === 0) this.filter[bit >>> 5] = (this.filter[bit >>> 5] ?? 0) & ~(1 << (bit & 31));
        return;
      }
    }
  }

  private growStamps(): void {
    const grow = (old: Int32Array): Int32Array => {
      const bigger = new Int32Array(old.length * 2);
      bigger.set(old);
      return bigger;
    };
    this.stamps = grow(this.stamps);
    this.hashtagStamps = grow(this.hashtagStamps);
    this.mentionStamps = grow(this.mentionStamps);
  }

  private place(hash: number, ref: number, offset: number, length: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let i = hash & mask;
    while ((slots[i * SLOT + 1] as number) > 0) i = (i + 1) & mask;
    if (slots[i * SLOT + 1] === EMPTY) this.used++;
    const at = i * SLOT;
    slots[at] = hash;
    slots[at + 1] = ref;
    slots[at + 2] = offset;
    slots[at + 3] = length;
  }

  /** Re-inserts the known words into `capacity` slots and a compacted pool (their indexes stay). */
  private rebuild(capacity: number): void {
    this.slots = new Int32Array(capacity * SLOT);
    this.mask = capacity - 1;
    this.used = 0;
    let poolSize = 0;
    for (const info of this.infos) if (info) poolSize += info.key.length;
    this.pool = new Uint16Array(Math.max(8192, poolSize * 2));
    this.poolUsed = 0;
    for (const info of this.infos) {
      if (!info) continue;
      const offset = this.poolUsed;
      for (let k = 0; k < info.key.length; k++) this.pool[offset + k] = info.key.charCodeAt(k);
      this.poolUsed += info.key.length;
      this.place(info.hash, info.index + 1, offset, info.key.length);
    }
  }
}

/**
 * The post being matched. While scanning, the matcher records the known word (or nothing) and
 * the kind of each token, text then title with one empty slot between them, so phrases are
 * checked without building tokens; the tokens are built on first demand, at most once per post.
 */
class ScannedPost implements PostView {
  doc: MatchableDocument = { text: '' };
  /** Index of the known word at each token position (-1: a word no query reads). */
  words: Int32Array = new Int32Array(256);
  /** KIND_CODE of each token position. */
  kinds: Uint8Array = new Uint8Array(256);
  /** Position of the title's first token (after the text's tokens and one empty slot). */
  titleStart = 0;
  /** Positions in use. */
  end = 0;
  private cached: TokenizedDocument | undefined;

  reset(doc: MatchableDocument): void {
    this.doc = doc;
    this.cached = undefined;
  }

  tokens(): TokenizedDocument {
    return (this.cached ??= tokenize(this.doc));
  }

  /** Records a token at `position` (grows the arrays as needed). */
  record(position: number, word: number, kind: number): void {
    if (position >= this.kinds.length) {
      const kinds = new Uint8Array(this.kinds.length * 2);
      kinds.set(this.kinds);
      this.kinds = kinds;
      const words = new Int32Array(this.words.length * 2);
      words.set(this.words);
      this.words = words;
    }
    this.words[position] = word;
    this.kinds[position] = kind;
  }

  hasSequence(sequence: Int32Array, kinds: Uint8Array, titleOnly: boolean): boolean {
    const infos = this.words;
    const tokenKinds = this.kinds;
    const first = sequence[0];
    const count = sequence.length;
    const last = this.end - count;
    outer: for (let p = titleOnly ? this.titleStart : 0; p <= last; p++) {
      if (infos[p] !== first) continue;
      for (let k = 0; k < count; k++) {
        const kind = kinds[k] as number;
        if (infos[p + k] !== sequence[k] || (kind !== 0 && tokenKinds[p + k] !== kind)) continue outer;
      }
      return true;
    }
    return false;
  }
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
  const words = new WordTable();
  const prefixes = new Map<string, PrefixInfo>();
  /** Prefixes by the low bits of their bucket hash (slots: a power of two, at least 4 per prefix). */
  let prefixSlots: (PrefixInfo[] | undefined)[] = new Array<PrefixInfo[] | undefined>(256).fill(undefined);
  let prefixMask = 255;
  /** How many prefixes are bucketed at each length (3…6): a post looks up only those lengths. */
  const bucketLengths = new Int32Array(MAX_BUCKET + 1);
  const always: Entry[] = [];
  const exclusionCache = new Map<string, QueryAst>();
  const epoch = { value: 0 };
  /** Keys in a field namespace (author, lang…): only then are a post's field keys looked up. */
  let fieldKeys = 0;

  function keyInfo(key: string): KeyInfo {
    let info = keys.get(key);
    if (!info) {
      info = { key, index: -1, hash: hashWord(key), entries: [], refs: 0 };
      keys.set(key, info);
      words.add(info);
    }
    return info;
  }

  function release(info: KeyInfo): void {
    if (info.entries.length === 0 && info.refs === 0) {
      keys.delete(info.key);
      words.remove(info);
    }
  }

  function prefixInfo(prefix: string): PrefixInfo {
    let info = prefixes.get(prefix);
    if (!info) {
      const bucketLength = Math.min(prefix.length, MAX_BUCKET);
      info = { prefix, bucketLength, bucket: hashWord(prefix.slice(0, bucketLength)), entries: [], refs: 0, stamp: 0 };
      prefixes.set(prefix, info);
      if (prefixes.size * 4 > prefixMask + 1) {
        prefixMask = prefixMask * 2 + 1;
        prefixSlots = new Array<PrefixInfo[] | undefined>(prefixMask + 1).fill(undefined);
        for (const known of prefixes.values()) slotPrefix(known);
      } else {
        slotPrefix(info);
      }
      bucketLengths[bucketLength] = (bucketLengths[bucketLength] ?? 0) + 1;
      filterPrefix(info, 1);
    }
    return info;
  }

  /** Bit set when some prefix's bucket hash has these low 16 bits (8 KB: most lookups stop here). */
  const prefixFilter = new Int32Array(1 << (PREFIX_FILTER_BITS - 5));
  const prefixFilterCounts = new Int32Array(1 << PREFIX_FILTER_BITS);

  function filterPrefix(info: PrefixInfo, delta: number): void {
    const bit = info.bucket & ((1 << PREFIX_FILTER_BITS) - 1);
    const count = (prefixFilterCounts[bit] = (prefixFilterCounts[bit] ?? 0) + delta);
    const word = prefixFilter[bit >>> 5] ?? 0;
    prefixFilter[bit >>> 5] = count > 0 ? word | (1 << (bit & 31)) : word & ~(1 << (bit & 31));
  }

  function slotPrefix(info: PrefixInfo): void {
    const slot = info.bucket & prefixMask;
    const list = prefixSlots[slot];
    if (list) list.push(info);
    else prefixSlots[slot] = [info];
  }

  function releasePrefix(info: PrefixInfo): void {
    if (info.entries.length > 0 || info.refs > 0) return;
    prefixes.delete(info.prefix);
    const slot = info.bucket & prefixMask;
    const list = prefixSlots[slot] as PrefixInfo[];
    list.splice(list.indexOf(info), 1);
    if (list.length === 0) prefixSlots[slot] = undefined;
    bucketLengths[info.bucketLength] = (bucketLengths[info.bucketLength] ?? 0) - 1;
    filterPrefix(info, -1);
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
      const info = keyInfo(key);
      info.entries.push(entry);
      words.indexed(info);
      if (key.charCodeAt(0) === 1) fieldKeys++;
    }
    for (const prefix of entry.prefixKeys) prefixInfo(prefix).entries.push(entry);
  }

  function unindex(entry: Entry): void {
    if (!entry.cover) {
      always.splice(always.indexOf(entry), 1);
    } else {
      for (const key of entry.cover.terms) {
        const info = keys.get(key) as KeyInfo;
        info.entries.splice(info.entries.indexOf(entry), 1);
        words.indexed(info);
        release(info);
        if (key.charCodeAt(0) === 1) fieldKeys--;
      }
      for (const prefix of entry.prefixKeys) {
        const info = prefixes.get(prefix) as PrefixInfo;
        info.entries.splice(info.entries.indexOf(entry), 1);
        releasePrefix(info);
      }
    }
    for (const word of entry.words) {
      const info = keys.get(word) as KeyInfo;
      info.refs--;
      release(info);
    }
    for (const prefix of entry.prefixes) {
      const info = prefixes.get(prefix) as PrefixInfo;
      info.refs--;
      releasePrefix(info);
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
    const usedWords: string[] = [];
    const usedPrefixes: string[] = [];
    const registry: TermRegistry = {
      words,
      word(value) {
        const info = keyInfo(value);
        info.refs++;
        usedWords.push(value);
        return info.index;
      },
      prefix(literal) {
        const info = prefixInfo(literal);
        info.refs++;
        usedPrefixes.push(literal);
        return info;
      },
    };
    const cover = coverOf(ast);
    const entry: Entry = {
      id: queryId,
      test: compileQuery(ast, registry, epoch),
      exclusions: exclusionAst ? compileQuery(exclusionAst, registry, epoch) : undefined,
      cover,
      prefixKeys: [...new Set(cover?.prefixes ?? [])],
      words: usedWords,
      prefixes: usedPrefixes,
      exactOnCandidate: isExactOnCandidate(ast, exclusionAst),
      stamp: 0,
    };
    entries.set(queryId, entry);
    index(entry);
  }

  /**
   * This post's candidates, once each: `candidates[0 … candidateCount)` (a count rather than
   * truncating the array: closures are hoisted and state reused, match() is hot).
   */
  const candidates: Entry[] = [];
  let candidateCount = 0;
  const scanner = new WordScanner();
  const post = new ScannedPost();

  function visit(list: Entry[] | undefined): void {
    if (!list) return;
    const stamp = epoch.value;
    for (const entry of list) {
      if (entry.stamp !== stamp) {
        entry.stamp = stamp;
        candidates[candidateCount++] = entry;
      }
    }
  }

  /**
   * Stamps the known words and prefixes of one field, records them from `position` on and
   * collects the queries indexed under them. Returns the position after the field's last token.
   */
  function scan(text: string, position: number): number {
    const stamp = epoch.value;
    const lookPrefixes = prefixes.size > 0;
    scanner.reset(text);
    while (scanner.next()) {
      const buffer = scanner.buffer;
      const length = scanner.length;
      const kind = scanner.kind;
      const word = words.find(buffer, length, scanner.hash);
      post.record(position++, word, kind);
      if (word >= 0) {
        words.stamps[word] = stamp;
        if (kind === 1) words.hashtagStamps[word] = stamp;
        else if (kind === 2) words.mentionStamps[word] = stamp;
        const list = words.lists[word];
        if (list !== undefined) visit(list);
      }
      if (!lookPrefixes || length < MIN_PREFIX) continue;
      let hash = 0;
      for (let l = 0; l < MAX_BUCKET && l < length; l++) {
        hash = (Math.imul(hash, 31) + (buffer[l] as number)) | 0;
        if (l + 1 >= MIN_PREFIX && bucketLengths[l + 1] !== 0 && ((prefixFilter[(hash >>> 5) & PREFIX_FILTER_MASK] as number) & (1 << (hash & 31))) !== 0) {
          const list = prefixSlots[hash & prefixMask];
          if (list !== undefined) visitPrefixes(list, l + 1, hash, buffer, length);
        }
      }
    }
    return position;
  }

  function visitPrefixes(list: PrefixInfo[], bucketLength: number, bucket: number, buffer: Uint16Array, length: number): void {
    const stamp = epoch.value;
    for (const info of list) {
      if (info.stamp !== stamp && info.bucket === bucket && info.bucketLength === bucketLength && bufferStartsWith(buffer, length, info.prefix)) {
        info.stamp = stamp;
        if (info.entries.length > 0) visit(info.entries);
      }
    }
  }

  function match(doc: MatchableDocument): string[] {
    epoch.value++;
    candidateCount = 0;
    post.reset(doc);
    const textEnd = scan(doc.text, 0);
    post.record(textEnd, -1, 0);
    post.titleStart = textEnd + 1;
    post.end = doc.title ? scan(doc.title, textEnd + 1) : textEnd + 1;
    if (fieldKeys > 0) {
      if (doc.author) for (const token of post.tokens().author) visit(keys.get(AUTHOR_KEY + token.value)?.entries);
      for (const key of documentFieldKeys(doc, hostOf(doc.url))) visit(keys.get(key)?.entries);
    }
    visit(always);
    const matched: string[] = [];
    for (let c = 0; c < candidateCount; c++) {
      const entry = candidates[c] as Entry;
      if (entry.exactOnCandidate || (entry.test(post) && !(entry.exclusions && entry.exclusions(post)))) matched.push(entry.id);
    }
    post.reset(EMPTY_POST);
    return matched;
  }

  return {
    set,
    delete: remove,
    match,
    size: () => entries.size,
  };
}

/** Held by the reused post view between posts, so it keeps no reference to the last post. */
const EMPTY_POST: MatchableDocument = { text: '' };

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
