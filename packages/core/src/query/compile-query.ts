/**
 * The percolator's evaluator: a query compiled into closures that first check, in O(1), that
 * the words they need are in the post (a stamp the matcher sets on each known word while it
 * looks the post's words up), and only then fall back to the reference evaluator for what
 * needs positions (phrases, NEAR, wildcards, raw, kinds, exact case). The differential
 * property test holds it to the reference evaluator's answers.
 */
import { evaluateTokenized, wildcardMatches, wordMatches, type QueryScope } from './evaluate-query';
import { matchesKeyword } from './keyword-match';
import type { QueryAst, QueryWord } from './query-ast';
import type { DocToken, TokenKind, TokenizedDocument } from './tokenize-document';

/** A word the matcher knows: the queries indexed under it, and the last post that contained it. */
export interface TermInfo {
  /** Set to the matcher's epoch when the current post has this word in its text or title. */
  stamp: number;
}

export type CompiledQuery = (doc: TokenizedDocument) => boolean;

/**
 * @param wordInfo returns the (shared) info of a folded word, registering the reference.
 * @param epoch returns the stamp of the post being matched.
 */
export function compileQuery(ast: QueryAst, wordInfo: (value: string) => TermInfo, epoch: { value: number }): CompiledQuery {
  /** Words that must all be in the post for `node` to match there (a cheap necessary test). */
  const required = (node: QueryAst): TermInfo[] => {
    switch (node.type) {
      case 'term':
        return [wordInfo(node.value)];
      case 'phrase':
        return [...new Set(node.words.map((w) => w.value))].map(wordInfo);
      case 'near':
        return [...required(node.left), ...required(node.right)];
      default:
        return [];
    }
  };
  const allPresent = (infos: TermInfo[]): boolean => {
    for (const info of infos) if (info.stamp !== epoch.value) return false;
    return true;
  };

  const compile = (node: QueryAst, scope: QueryScope): CompiledQuery => {
    switch (node.type) {
      case 'and': {
        const parts = node.items.map((item) => compile(item, scope));
        return (doc) => {
          for (const part of parts) if (!part(doc)) return false;
          return true;
        };
      }
      case 'or': {
        const parts = node.items.map((item) => compile(item, scope));
        return (doc) => {
          for (const part of parts) if (part(doc)) return true;
          return false;
        };
      }
      case 'not': {
        const part = compile(node.item, scope);
        return (doc) => !part(doc);
      }
      case 'field':
        return compile(node.item, node.field);
      case 'keyword':
        return (doc) => matchesKeyword(node.field, node.value, doc.doc);
      case 'term': {
        if (scope === 'author') return (doc) => evaluateTokenized(node, doc, scope);
        const info = wordInfo(node.value);
        if (scope === 'default' && node.kind === 'word' && node.exact === undefined) return () => info.stamp === epoch.value;
        return (doc) =>
          info.stamp === epoch.value
          && ((scope === 'default' && hasWord(doc.text, doc.doc.text, node)) || hasWord(doc.title, doc.doc.title ?? '', node));
      }
      case 'phrase': {
        if (scope === 'author') return (doc) => evaluateTokenized(node, doc, scope);
        const infos = required(node);
        if (node.slop !== undefined) return (doc) => allPresent(infos) && evaluateTokenized(node, doc, scope);
        const words = node.words;
        return (doc) =>
          allPresent(infos)
          && ((scope === 'default' && hasPhrase(doc.text, doc.doc.text, words)) || hasPhrase(doc.title, doc.doc.title ?? '', words));
      }
      case 'near': {
        if (scope === 'author') return (doc) => evaluateTokenized(node, doc, scope);
        const infos = required(node);
        return (doc) => allPresent(infos) && evaluateTokenized(node, doc, scope);
      }
      case 'wildcard': {
        if (scope === 'author') return (doc) => evaluateTokenized(node, doc, scope);
        const { pattern, kind } = node;
        return (doc) => (scope === 'default' && hasWildcard(doc.text, pattern, kind)) || hasWildcard(doc.title, pattern, kind);
      }
      default:
        return (doc) => evaluateTokenized(node, doc, scope);
    }
  };
  return compile(ast, 'default');
}

/** A word (with its kind or exact case) in one field, without allocating. */
function hasWord(tokens: DocToken[], source: string, word: QueryWord): boolean {
  for (const token of tokens) if (wordMatches(word, token, source)) return true;
  return false;
}

/** Exact phrase in one field, without allocating (the reference collects every span). */
function hasPhrase(tokens: DocToken[], source: string, words: QueryWord[]): boolean {
  const last = tokens.length - words.length;
  outer: for (let p = 0; p <= last; p++) {
    for (let k = 0; k < words.length; k++) {
      if (!wordMatches(words[k] as QueryWord, tokens[p + k] as DocToken, source)) continue outer;
    }
    return true;
  }
  return false;
}

function hasWildcard(tokens: DocToken[], pattern: string, kind: TokenKind): boolean {
  for (const token of tokens) if (wildcardMatches(pattern, kind, token)) return true;
  return false;
}
