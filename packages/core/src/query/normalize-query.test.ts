import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateQuery } from './evaluate-query';
import { normalizeQuery } from './normalize-query';
import { parseQuery } from './parse-query';
import { postArbitrary, queryArbitrary } from './query-arbitraries.case';

describe('normalizeQuery', () => {
  it('writes operators in capitals, AND explicitly and groups explicitly', () => {
    expect(normalizeQuery(parseQuery('Vigie  OR app -emploi'))).toBe('vigie OR (app AND NOT emploi)');
    expect(normalizeQuery(parseQuery('(a OR b) NEAR/3 c'))).toBe('(a OR b) NEAR/3 c');
    expect(normalizeQuery(parseQuery('NOT (a b)'))).toBe('NOT (a AND b)');
  });

  it('is stable and keeps the meaning (property)', () => {
    fc.assert(
      fc.property(queryArbitrary, fc.array(postArbitrary, { maxLength: 10 }), (query, posts) => {
        const ast = parseQuery(query);
        const normalized = normalizeQuery(ast);
        const again = parseQuery(normalized);
        expect(normalizeQuery(again)).toBe(normalized);
        for (const post of posts) expect(evaluateQuery(again, post)).toBe(evaluateQuery(ast, post));
      }),
      { numRuns: 300 },
    );
  });
});
