import { describe, expect, it } from 'vitest';
import { lintQuery } from './lint-query';
import { parseQuery } from './parse-query';

const codes = (query: string) => lintQuery(parseQuery(query)).map((w) => w.code);

describe('lintQuery', () => {
  it('says nothing about a sound query', () => {
    expect(codes('(vigie OR "vigie app") NEAR/3 lancement -emploi')).toEqual([]);
  });

  it('warns about broad wildcards', () => {
    expect(codes('app*')).toEqual(['wildcard_broad']);
    expect(codes('?pp')).toEqual(['wildcard_broad']);
    expect(codes('appli*')).toEqual([]);
  });

  it('warns about NEAR distances over 10', () => {
    expect(codes('vigie NEAR/11 app')).toEqual(['near_distance']);
    expect(codes('"vigie app"~20')).toEqual(['near_distance']);
    expect(codes('vigie NEAR/10 app')).toEqual([]);
  });

  it('warns about NOT-only queries, pointing at the column', () => {
    const [warning] = lintQuery(parseQuery('NOT emploi -stage'));
    expect(warning?.code).toBe('not_only');
    expect(warning?.column).toBe(1);
    expect(warning?.messageFr).toContain('exclure');
  });

  it('warns about an OR of hundreds of terms', () => {
    expect(codes(Array.from({ length: 150 }, (_, i) => `mot${i}`).join(' OR '))).toEqual(['long_or']);
  });

  it('warns about AND and OR mixed without parentheses, and lower-case operators', () => {
    expect(codes('a OR b c')).toEqual(['mixed_and_or']);
    expect(codes('a OR (b c)')).toEqual([]);
    const warnings = lintQuery(parseQuery('vigie or veille'));
    expect(warnings.map((w) => [w.code, w.column])).toEqual([['lowercase_operator', 7]]);
  });
});
