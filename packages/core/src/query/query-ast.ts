/**
 * The parsed form of a listening query. Every node keeps its span in the query text (`start`,
 * `end`, 0-based UTF-16 offsets) so warnings and highlights can point at it.
 */
import type { TokenKind } from './tokenize-document';

/** Fields whose value is a word or phrase searched in the tokens of that field. */
export type TextField = 'title' | 'author';
/** Fields compared as a whole value (no tokenisation). */
export type KeywordField = 'lang' | 'site' | 'url' | 'connector' | 'country';
export type QueryField = TextField | KeywordField | 'raw';

export const TEXT_FIELDS: readonly TextField[] = ['title', 'author'];
export const KEYWORD_FIELDS: readonly KeywordField[] = ['lang', 'site', 'url', 'connector', 'country'];

interface Span {
  start: number;
  end: number;
}

/** One word to find: folded value, kind (`word` also matches hashtags and mentions), exact form for `{Case}`. */
export interface QueryWord {
  value: string;
  kind: TokenKind;
  /** Set for case-sensitive words: the word as written, NFC-normalised. */
  exact?: string;
}

export type QueryAst =
  | ({ type: 'term' } & QueryWord & Span)
  | ({ type: 'phrase'; words: QueryWord[]; slop?: number } & Span)
  /** Folded pattern; `*` only at the end, `?` one character. */
  | ({ type: 'wildcard'; pattern: string; kind: TokenKind } & Span)
  /** `raw:"…"`: exact, case- and punctuation-sensitive substring at word boundaries. */
  | ({ type: 'raw'; value: string } & Span)
  | ({ type: 'keyword'; field: KeywordField; value: string } & Span)
  | ({ type: 'field'; field: TextField; item: QueryAst } & Span)
  | ({ type: 'near'; left: QueryAst; right: QueryAst; distance: number; ordered: boolean } & Span)
  /** `group` is true when the user wrote the parentheses (the linter reads it). */
  | ({ type: 'and' | 'or'; items: QueryAst[]; group?: boolean } & Span)
  | ({ type: 'not'; item: QueryAst } & Span);

/** Limits: over any of them the parser throws a clear error instead of working hard. */
export const QUERY_LIMITS = {
  /** Characters per query (as Talkwalker). */
  maxLength: 4096,
  /** Parenthesis / NOT nesting depth. */
  maxDepth: 32,
  /** Words, phrases, wildcards and field values per query. */
  maxTerms: 1000,
  /** Largest NEAR/n or "…"~n distance accepted. */
  maxDistance: 100,
} as const;
