/**
 * The listening query language: lexer, parser (bilingual errors with columns), linter,
 * normaliser, folding and tokenisation shared by all of Vigie, the reference evaluator, the
 * percolator (QueryMatcher), the history-search plan (FtsPlan) and preview highlights.
 * Reference: docs/query-language.md.
 */
export { foldText } from './fold-text';
export { tokenizeText, tokenizeDocument, ELISIONS, type DocToken, type TokenKind, type TokenizedDocument } from './tokenize-document';
export { lexQuery, type QueryToken, type QueryTokenType } from './lex-query';
export { parseQuery } from './parse-query';
export { formatQueryError, type QuerySyntaxDetail } from './query-syntax-error';
export { QUERY_LIMITS, type QueryAst, type QueryField, type QueryWord, type KeywordField, type TextField } from './query-ast';
export { normalizeQuery } from './normalize-query';
export { lintQuery, NEAR_WARNING_DISTANCE, LONG_OR_ITEMS, type QueryWarning, type QueryWarningCode } from './lint-query';
export { evaluateQuery } from './evaluate-query';
export { createQueryMatcher, compileQueries, type CompiledQueries } from './query-matcher';
export { toFtsPlan } from './to-fts-plan';
export { highlightMatches, type Highlight } from './highlight-matches';
