/**
 * The reference evaluator: a straightforward walk of the query over the tokens of one document,
 * with linear scans and no index. The percolator must answer exactly like it (a differential
 * property test checks this), and it confirms the percolator's candidates.
 */
import type { MatchableDocument } from '../ports/matcher';
import { isWordCharAt } from './fold-text';
import { matchesKeyword } from './keyword-match';
import type { QueryAst, QueryWord, TextField } from './query-ast';
import { exactTokenText, tokenizeDocument, type DocToken, type TokenizedDocument, type TokenKind } from './tokenize-document';

/** Where leaves look: text and title by default, or one field. */
export type QueryScope = 'default' | TextField;

/** One searchable field of a document: its tokens and the text they come from. */
export interface FieldTokens {
  field: 'text' | 'title' | 'author';
  tokens: DocToken[];
  source: string;
}

/** A match of a leaf: first and last token index (inclusive). */
export type TokenSpan = [number, number];

/**
 * Whether a document matches a parsed query. Pass `tokenizeDocument(doc)` instead of the
 * document to evaluate many queries on one post without tokenizing it each time. (No hidden
 * cache: long-lived token objects would make V8 pretenure the tokenizer's allocations and slow
 * the percolator down in the same process.)
 *
 * @example
 * evaluateQuery(parseQuery('vigie NOT emploi'), { text: "J'adore Vigie" }); // true
 * const tokens = tokenizeDocument(post); queries.filter((q) => evaluateQuery(q, tokens));
 */
export function evaluateQuery(ast: QueryAst, doc: MatchableDocument | TokenizedDocument): boolean {
  return evaluateTokenized(ast, isTokenized(doc) ? doc : tokenizeDocument(doc));
}

function isTokenized(doc: MatchableDocument | TokenizedDocument): doc is TokenizedDocument {
  return Array.isArray(doc.text);
}

/** Same as evaluateQuery on an already tokenized document. */
export function evaluateTokenized(ast: QueryAst, doc: TokenizedDocument, scope: QueryScope = 'default'): boolean {
  switch (ast.type) {
    case 'and':
      return ast.items.every((item) => evaluateTokenized(item, doc, scope));
    case 'or':
      return ast.items.some((item) => evaluateTokenized(item, doc, scope));
    case 'not':
      return !evaluateTokenized(ast.item, doc, scope);
    case 'field':
      return evaluateTokenized(ast.item, doc, ast.field);
    case 'keyword':
      return matchesKeyword(ast.field, ast.value, doc.doc);
    case 'raw':
      return fieldsOf(doc, scope).some((f) => rawOccurrences(f.source, ast.value).length > 0);
    default:
      return fieldsOf(doc, scope).some((f) => leafSpans(ast, f).length > 0);
  }
}

/** The fields a scope searches. */
export function fieldsOf(doc: TokenizedDocument, scope: QueryScope): FieldTokens[] {
  if (scope === 'title') return [{ field: 'title', tokens: doc.title, source: doc.doc.title ?? '' }];
  if (scope === 'author') return [{ field: 'author', tokens: doc.author, source: doc.doc.author ?? '' }];
  return [
    { field: 'text', tokens: doc.text, source: doc.doc.text },
    { field: 'title', tokens: doc.title, source: doc.doc.title ?? '' },
  ];
}

/** Whether a token satisfies a query word (a plain word also matches hashtags and mentions). */
export function wordMatches(word: QueryWord, token: DocToken, source: string): boolean {
  return token.value === word.value
    && (word.kind === 'word' || token.kind === word.kind)
    && (word.exact === undefined || exactTokenText(source, token) === word.exact);
}

/** `*` (last character only) and `?` (one character) over a folded token value. */
export function wildcardMatches(pattern: string, kind: TokenKind, token: DocToken): boolean {
  if (kind !== 'word' && token.kind !== kind) return false;
  const value = token.value;
  const open = pattern.endsWith('*');
  const fixed = open ? pattern.length - 1 : pattern.length;
  if (open ? value.length < fixed : value.length !== fixed) return false;
  for (let i = 0; i < fixed; i++) {
    const p = pattern.charCodeAt(i);
    if (p !== 63 && p !== value.charCodeAt(i)) return false;
  }
  return true;
}

/** Spans where a positional leaf (term, wildcard, phrase, OR of those, NEAR) occurs in one field. */
export function leafSpans(node: QueryAst, field: FieldTokens): TokenSpan[] {
  const { tokens, source } = field;
  const spans: TokenSpan[] = [];
  switch (node.type) {
    case 'term':
      tokens.forEach((t, i) => {
        if (wordMatches(node, t, source)) spans.push([i, i]);
      });
      return spans;
    case 'wildcard':
      tokens.forEach((t, i) => {
        if (wildcardMatches(node.pattern, node.kind, t)) spans.push([i, i]);
      });
      return spans;
    case 'phrase':
      return node.slop === undefined ? exactPhraseSpans(node.words, field) : sloppyPhraseSpans(node.words, node.slop, field);
    case 'or':
      return node.items.flatMap((item) => leafSpans(item, field));
    case 'near':
      return nearSpans(leafSpans(node.left, field), leafSpans(node.right, field), node.distance, node.ordered);
    default:
      return spans;
  }
}

function exactPhraseSpans(words: QueryWord[], { tokens, source }: FieldTokens): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (let p = 0; p + words.length <= tokens.length; p++) {
    if (words.every((w, k) => wordMatches(w, tokens[p + k] as DocToken, source))) spans.push([p, p + words.length - 1]);
  }
  return spans;
}

/**
 * `"a b c"~n`: every word, in any order, on distinct tokens within a window of (words + n)
 * tokens. Words are placed first-fit, the most specific (hashtag, mention, exact case) first.
 */
function sloppyPhraseSpans(words: QueryWord[], slop: number, { tokens, source }: FieldTokens): TokenSpan[] {
  const ordered = [...words].sort((a, b) => specificity(b) - specificity(a));
  const window = words.length + slop;
  const spans: TokenSpan[] = [];
  for (let s = 0; s < tokens.length; s++) {
    const used: number[] = [];
    const last = Math.min(tokens.length, s + window) - 1;
    for (const word of ordered) {
      for (let i = s; i <= last; i++) {
        if (!used.includes(i) && wordMatches(word, tokens[i] as DocToken, source)) {
          used.push(i);
          break;
        }
      }
    }
    if (used.length === words.length && used.includes(s)) spans.push([s, Math.max(...used)]);
  }
  return spans;
}

function specificity(word: QueryWord): number {
  return (word.kind !== 'word' ? 2 : 0) + (word.exact !== undefined ? 1 : 0);
}

/**
 * Pairs of spans at most `distance` tokens apart (non-overlapping; ordered = left first). Right
 * spans are sorted once and searched by bisection, so long posts stay linear in the output.
 */
function nearSpans(left: TokenSpan[], right: TokenSpan[], distance: number, ordered: boolean): TokenSpan[] {
  const spans: TokenSpan[] = [];
  if (left.length === 0 || right.length === 0) return spans;
  const byStart = [...right].sort((x, y) => x[0] - y[0]);
  const byEnd = ordered ? [] : [...right].sort((x, y) => x[1] - y[1]);
  for (const [a0, a1] of left) {
    for (let i = lowerBound(byStart, 0, a1 + 1); i < byStart.length; i++) {
      const [b0, b1] = byStart[i] as TokenSpan;
      if (b0 - a1 - 1 > distance) break;
      spans.push([a0, Math.max(a1, b1)]);
    }
    if (ordered) continue;
    for (let i = lowerBound(byEnd, 1, a0 - 1 - distance); i < byEnd.length; i++) {
      const [b0, b1] = byEnd[i] as TokenSpan;
      if (b1 >= a0) break;
      spans.push([Math.min(a0, b0), a1]);
    }
  }
  return spans;
}

function lowerBound(spans: TokenSpan[], side: 0 | 1, value: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as TokenSpan)[side] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Start offsets of `value` in `source` at word boundaries (plain indexOf, case-sensitive). */
export function rawOccurrences(source: string, value: string): number[] {
  const found: number[] = [];
  if (value === '') return found;
  const wordStart = isWordCharAt(value, 0);
  const wordEnd = isWordCharAt(value, value.length - 1);
  let from = 0;
  for (;;) {
    const at = source.indexOf(value, from);
    if (at < 0) return found;
    const end = at + value.length;
    if ((!wordStart || !isWordCharAt(source, at - 1)) && (!wordEnd || !isWordCharAt(source, end))) found.push(at);
    from = at + 1;
  }
}
