/**
 * The percolator's evaluator: a query compiled into closures that first check, in O(1), that
 * the words (and wildcard prefixes) they need are in the post (a stamp the matcher sets on each
 * known word and prefix while it scans the post), and only then ask for the post's tokens and
 * fall back to the reference evaluator for what needs positions (phrases, NEAR, `?` wildcards,
 * raw, kinds, exact case). A plain word and a `prefix*` wildcard are answered by their stamp
 * alone. The differential property test holds it to the reference evaluator's answers.
 */
import type { MatchableDocument } from '../ports/matcher';
import { evaluateTokenized, wildcardMatches, wordMatches, type QueryScope } from './evaluate-query';
import { matchesKeyword } from './keyword-match';
import type { QueryAst, QueryWord } from './query-ast';
import { MIN_PREFIX_KEY, wildcardLiteral } from './query-cover';
import type { DocToken, TokenKind, TokenizedDocument } from './tokenize-document';

// Module-local copies: an imported binding can cost a getter call per access on the hot path.
const evaluate = evaluateTokenized;
const matchesWord = wordMatches;
const matchesWildcard = wildcardMatches;
const matchesField = matchesKeyword;
const MIN_PREFIX = MIN_PREFIX_KEY;

/** A word or wildcard prefix the matcher knows, and the last post that contained it. */
export interface TermInfo {
  /**
   * Set to the matcher's epoch when the current post has this word (or, for a prefix, a word
   * starting with it) in its text or title, whatever its kind (word, hashtag, mention).
   */
  stamp: number;
}

/**
 * The stamps of the known words, by word index: set to the matcher's epoch when the current post
 * has the word in its text or title (any kind), as a #hashtag, as an @mention. Typed arrays keep
 * them together in a few cache lines; the matcher replaces the arrays when they grow, so read
 * them through this object.
 */
export interface WordStamps {
  stamps: Int32Array;
  hashtagStamps: Int32Array;
  mentionStamps: Int32Array;
}

/** Token kinds as numbers: 0 word (a query word of this kind accepts any kind), 1 hashtag, 2 mention. */
export const KIND_CODE: Readonly<Record<TokenKind, number>> = { word: 0, hashtag: 1, mention: 2 };

/** The post being matched: its fields, and its tokens, built only when a query needs positions. */
export interface PostView {
  readonly doc: MatchableDocument;
  tokens(): TokenizedDocument;
  /**
   * Whether the words `sequence` (word indexes) occur on consecutive tokens of the text or the
   * title (or of the title only), each token of `kinds[k]` unless that is 0. Answered from the
   * known word of each token the matcher recorded while scanning: no tokens are built.
   */
  hasSequence(sequence: Int32Array, kinds: Uint8Array, titleOnly: boolean): boolean;
}

export type CompiledQuery = (post: PostView) => boolean;

/** The (shared) stamps the matcher keeps up to date; each call of a method registers one reference. */
export interface TermRegistry {
  readonly words: WordStamps;
  /** The index of a folded word in `words`. */
  word(value: string): number;
  /** A wildcard's literal prefix (at least MIN_PREFIX_KEY letters). */
  prefix(literal: string): TermInfo;
}

/**
 * @param terms returns the (shared) info of a folded word or wildcard prefix, registering the reference.
 * @param epoch the stamp of the post being matched.
 */
export function compileQuery(ast: QueryAst, terms: TermRegistry, epoch: { value: number }): CompiledQuery {
  /** Words that must all be in the post for `node` to match there (a cheap necessary test). */
  const stamps = terms.words;
  const required = (node: QueryAst): number[] => {
    switch (node.type) {
      case 'term':
        return [terms.word(node.value)];
      case 'phrase':
        return [...new Set(node.words.map((w) => w.value))].map((value) => terms.word(value));
      case 'near':
        return [...required(node.left), ...required(node.right)];
      default:
        return [];
    }
  };
  const present = (words: number[]): (() => boolean) => {
    const [a, b] = words;
    if (a === undefined) return () => true;
    if (b === undefined) return () => stamps.stamps[a] === epoch.value;
    if (words.length === 2) return () => stamps.stamps[a] === epoch.value && stamps.stamps[b] === epoch.value;
    return () => {
      const stamp = epoch.value;
      const all = stamps.stamps;
      for (const word of words) if (all[word] !== stamp) return false;
      return true;
    };
  };

  const compile = (node: QueryAst, scope: QueryScope): CompiledQuery => {
    switch (node.type) {
      case 'and': {
        const parts = node.items.map((item) => compile(item, scope));
        const [a, b, c] = parts;
        if (a && b && parts.length === 2) return (post) => a(post) && b(post);
        if (a && b && c && parts.length === 3) return (post) => a(post) && b(post) && c(post);
        return (post) => {
          for (const part of parts) if (!part(post)) return false;
          return true;
        };
      }
      case 'or': {
        const parts = node.items.map((item) => compile(item, scope));
        const [a, b, c] = parts;
        if (a && b && parts.length === 2) return (post) => a(post) || b(post);
        if (a && b && c && parts.length === 3) return (post) => a(post) || b(post) || c(post);
        return (post) => {
          for (const part of parts) if (part(post)) return true;
          return false;
        };
      }
      case 'not': {
        const part = compile(node.item, scope);
        return (post) => !part(post);
      }
      case 'field':
        return compile(node.item, node.field);
      case 'keyword':
        return (post) => matchesField(node.field, node.value, post.doc);
      case 'term': {
        if (scope === 'author') return (post) => evaluate(node, post.tokens(), scope);
        const word = terms.word(node.value);
        if (node.exact === undefined) {
          if (scope === 'default') {
            if (node.kind === 'word') return () => stamps.stamps[word] === epoch.value;
            if (node.kind === 'hashtag') return () => stamps.hashtagStamps[word] === epoch.value;
            return () => stamps.mentionStamps[word] === epoch.value;
          }
          const sequence = Int32Array.of(word);
          const kinds = Uint8Array.of(KIND_CODE[node.kind]);
          return (post) => stamps.stamps[word] === epoch.value && post.hasSequence(sequence, kinds, true);
        }
        return (post) => {
          if (stamps.stamps[word] !== epoch.value) return false;
          const doc = post.tokens();
          return (scope === 'default' && hasWord(doc.text, doc.doc.text, node)) || hasWord(doc.title, doc.doc.title ?? '', node);
        };
      }
      case 'phrase': {
        if (scope === 'author') return (post) => evaluate(node, post.tokens(), scope);
        const allPresent = present(required(node));
        if (node.slop !== undefined) return (post) => allPresent() && evaluate(node, post.tokens(), scope);
        const words = node.words;
        if (words.every((word) => word.exact === undefined)) {
          const sequence = Int32Array.from(words, (word) => terms.word(word.value));
          const kinds = Uint8Array.from(words, (word) => KIND_CODE[word.kind]);
          const titleOnly = scope === 'title';
          return (post) => allPresent() && post.hasSequence(sequence, kinds, titleOnly);
        }
        return (post) => {
          if (!allPresent()) return false;
          const doc = post.tokens();
          return (scope === 'default' && hasPhrase(doc.text, doc.doc.text, words)) || hasPhrase(doc.title, doc.doc.title ?? '', words);
        };
      }
      case 'near': {
        if (scope === 'author') return (post) => evaluate(node, post.tokens(), scope);
        const allPresent = present(required(node));
        return (post) => allPresent() && evaluate(node, post.tokens(), scope);
      }
      case 'wildcard': {
        if (scope === 'author') return (post) => evaluate(node, post.tokens(), scope);
        const { pattern, kind } = node;
        const fieldsHave = (post: PostView): boolean => {
          const doc = post.tokens();
          return (scope === 'default' && hasWildcard(doc.text, pattern, kind)) || hasWildcard(doc.title, pattern, kind);
        };
        const literal = wildcardLiteral(pattern);
        if (literal.length < MIN_PREFIX) return fieldsHave;
        // The matcher stamps the prefix when a word of the text or title starts with it.
        const info = terms.prefix(literal);
        if (scope === 'default' && kind === 'word' && pattern === `${literal}*`) return () => info.stamp === epoch.value;
        return (post) => info.stamp === epoch.value && fieldsHave(post);
      }
      default:
        return (post) => evaluate(node, post.tokens(), scope);
    }
  };
  return compile(ast, 'default');
}

/** A word (with its kind or exact case) in one field, without allocating. */
function hasWord(tokens: DocToken[], source: string, word: QueryWord): boolean {
  for (const token of tokens) if (matchesWord(word, token, source)) return true;
  return false;
}

/** Exact phrase in one field, without allocating (the reference collects every span). */
function hasPhrase(tokens: DocToken[], source: string, words: QueryWord[]): boolean {
  const last = tokens.length - words.length;
  outer: for (let p = 0; p <= last; p++) {
    for (let k = 0; k < words.length; k++) {
      if (!matchesWord(words[k] as QueryWord, tokens[p + k] as DocToken, source)) continue outer;
    }
    return true;
  }
  return false;
}

function hasWildcard(tokens: DocToken[], pattern: string, kind: TokenKind): boolean {
  for (const token of tokens) if (matchesWildcard(pattern, kind, token)) return true;
  return false;
}
