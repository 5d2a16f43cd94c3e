import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { lexQuery } from './lex-query';
import { lintQuery } from './lint-query';
import { normalizeQuery } from './normalize-query';
import { parseQuery } from './parse-query';
import { queryArbitrary } from './query-arbitraries.case';
import { toFtsPlan } from './to-fts-plan';

/** Any text a user could paste: query syntax characters mixed with letters, accents and emoji. */
const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.array(fc.constantFrom('(', ')', '"', '{', '}', '-', '*', '?', '~', ':', '#', '@', ' ', 'AND', 'OR', 'NOT', 'NEAR/3', 'lang:', 'raw:', 'é', 'œ', "l'", 'a', 'vigie', '😀', '3'), { maxLength: 40 }).map((parts) => parts.join('')),
  queryArbitrary.chain((query) => fc.nat(query.length).map((cut) => query.slice(0, cut))),
);

describe('queries typed by users (fuzz)', () => {
  it('lexQuery never throws and its spans tile the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = lexQuery(text);
        expect(tokens.map((t) => text.slice(t.start, t.end)).join('')).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('parseQuery either parses or throws a query_syntax error with a column inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        try {
          const ast = parseQuery(text);
          lintQuery(ast);
          toFtsPlan(ast);
          expect(() => parseQuery(normalizeQuery(ast))).not.toThrow();
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          const appError = error as AppError;
          expect(appError.code).toBe('query_syntax');
          const column = appError.details[0]?.column ?? 0;
          expect(column).toBeGreaterThanOrEqual(1);
          expect(column).toBeLessThanOrEqual(text.length + 1);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
