import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { formatQueryError, type QuerySyntaxDetail } from './query-syntax-error';
import { normalizeQuery } from './normalize-query';
import { parseQuery } from './parse-query';
import { QUERY_LIMITS } from './query-ast';

const canonical = (q: string) => normalizeQuery(parseQuery(q));

function errorOf(query: string): { column: number; en: string; fr: string; reason: string } {
  try {
    parseQuery(query);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('query_syntax');
    const detail = appError.details[0] as QuerySyntaxDetail;
    return { column: detail.column, reason: detail.reason, en: formatQueryError(error, 'en'), fr: formatQueryError(error, 'fr') };
  }
  throw new Error(`expected a syntax error for ${query}`);
}

describe('parseQuery: operators', () => {
  it('reads AND, OR, NOT, -term, juxtaposition and parentheses', () => {
    expect(canonical('vigie app')).toBe('vigie AND app');
    expect(canonical('vigie OR veille')).toBe('vigie OR veille');
    expect(canonical('vigie NOT emploi')).toBe('vigie AND NOT emploi');
    expect(canonical('vigie -emploi')).toBe('vigie AND NOT emploi');
    expect(canonical('(vigie OR veille) app')).toBe('(vigie OR veille) AND app');
  });

  it('gives AND precedence over OR', () => {
    expect(canonical('a OR b c')).toBe('a OR (b AND c)');
  });

  it('keeps a hyphen inside a word as part of it', () => {
    expect(canonical('e-mail')).toBe('"e mail"');
  });

  it('treats lower-case operators as words', () => {
    expect(canonical('rock or roll')).toBe('rock AND or AND roll');
  });

  it('reads phrases, proximity and wildcards', () => {
    expect(canonical('"Jus d\'Orange"')).toBe('"jus orange"');
    expect(canonical('"vigie app"~3')).toBe('"vigie app"~3');
    expect(canonical('vigie NEAR/5 app')).toBe('vigie NEAR/5 app');
    expect(canonical('vigie NEAR/5f app')).toBe('vigie NEAR/5f app');
    expect(canonical('(a OR b) NEAR/2 "c d"')).toBe('(a OR b) NEAR/2 "c d"');
    expect(canonical('Orang* wom?n')).toBe('orang* AND wom?n');
  });

  it('reads fields, hashtags, mentions, raw and case-sensitive terms', () => {
    expect(canonical('lang:FR title:vigie author:@alice')).toBe('lang:fr AND title:vigie AND author:@alice');
    expect(canonical('site:example.com url:/blog/ connector:rss country:be')).toBe('site:example.com AND url:/blog/ AND connector:rss AND country:be');
    expect(canonical('lang:(fr OR en)')).toBe('lang:fr OR lang:en');
    expect(canonical('title:(a OR b)')).toBe('title:(a OR b)');
    expect(canonical('#VigieApp @Vigie')).toBe('#vigieapp AND @vigie');
    expect(canonical('raw:"C++ Builder"')).toBe('raw:"C++ Builder"');
    expect(canonical('{Orange}')).toBe('{Orange}');
    expect(canonical('{Orange Bank}')).toBe('{Orange Bank}');
  });
});

describe('parseQuery: errors point at the column, in French and English', () => {
  it('reports a missing closing parenthesis', () => {
    const query = '(vigie OR veille OR "la vigie" OR appli';
    const error = errorOf(query);
    expect(error.column).toBe(query.length + 1);
    expect(error.fr).toBe(`parenthèse fermante attendue en colonne ${query.length + 1}`);
    expect(error.en).toBe(`Closing parenthesis expected at column ${query.length + 1}`);
  });

  it.each([
    ['vigie)', 6, 'unexpected_paren'],
    ['vigie "app', 7, 'unclosed_quote'],
    ['{Vigie', 1, 'unclosed_brace'],
    ['vigie AND', 10, 'missing_operand'],
    ['vigie OR OR app', 10, 'missing_operand'],
    ['OR vigie', 1, 'missing_left'],
    ['vigie NEAR app', 7, 'bad_near'],
    ['ab*', 1, 'wildcard_short'],
    ['ab*c', 3, 'wildcard_position'],
    ['lang: fr', 6, 'field_value'],
    ['title:(lang:fr)', 7, 'field_nested'],
    ['vigie NEAR/3 (a AND b)', 14, 'near_operand'],
    ['vigie NEAR/3 -b', 14, 'near_operand'],
    ['vigie !!!', 7, 'no_letters'],
    ['vigie ()', 7, 'empty_group'],
    ['   ', 1, 'empty'],
    ['a NEAR/500 b', 3, 'distance_too_large'],
  ])('%s → column %i (%s)', (query, column, reason) => {
    const error = errorOf(query);
    expect(error.reason).toBe(reason);
    expect(error.column).toBe(column);
    expect(error.fr).toMatch(new RegExp(`en colonne ${column}$`));
  });
});

describe('parseQuery: limits', () => {
  it('refuses more than 4,096 characters', () => {
    const error = errorOf('a '.repeat(2049));
    expect(error.reason).toBe('too_long');
    expect(error.column).toBe(QUERY_LIMITS.maxLength + 1);
  });

  it('refuses deep nesting quickly', () => {
    const started = performance.now();
    expect(errorOf(`${'('.repeat(2000)}a${')'.repeat(2000)}`).reason).toBe('too_deep');
    expect(errorOf(`${'NOT '.repeat(1000)}a`).reason).toBe('too_deep');
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses too many terms', () => {
    expect(errorOf(Array.from({ length: 1001 }, () => 'a').join(' ')).reason).toBe('too_many_terms');
  });

  it('handles pathological inputs at the limit quickly', () => {
    const inputs = [
      '"'.repeat(4096), '('.repeat(4096), ')'.repeat(4096), '*'.repeat(4096), '-'.repeat(4096), '"a'.repeat(2048),
      'a*'.repeat(2048), 'NEAR/1 '.repeat(585), '#'.repeat(4096), 'x'.repeat(4096), "l'".repeat(2048), 'é'.repeat(4096),
    ];
    for (const input of inputs) {
      const started = performance.now();
      try {
        parseQuery(input);
      } catch (error) {
        expect((error as AppError).code).toBe('query_syntax');
      }
      expect(performance.now() - started).toBeLessThan(100);
    }
  });
});
