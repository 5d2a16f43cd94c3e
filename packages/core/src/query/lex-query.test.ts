import { describe, expect, it } from 'vitest';
import { lexQuery } from './lex-query';

const types = (query: string) =>
  lexQuery(query).filter((t) => t.type !== 'space').map((t) => `${t.type}:${query.slice(t.start, t.end)}`);

describe('lexQuery', () => {
  it('types every span for the editor', () => {
    expect(types('(vigie OR "la vigie"~2) NEAR/3f app* -#emploi @bob lang:fr {Orange}')).toEqual([
      'paren:(', 'term:vigie', 'operator:OR', 'phrase:"la vigie"', 'near:~2', 'paren:)', 'near:NEAR/3f', 'wildcard:app*',
      'operator:-', 'hashtag:#emploi', 'mention:@bob', 'field:lang:', 'term:fr', 'term:{Orange}',
    ]);
  });

  it('never throws and covers the whole text, even when unfinished', () => {
    for (const query of ['"unfinished', '{open', 'NEAR/x a', 'a)', '', '   ', 'title:']) {
      const tokens = lexQuery(query);
      expect(tokens.map((t) => query.slice(t.start, t.end)).join('')).toBe(query);
      tokens.slice(1).forEach((t, i) => expect(t.start).toBe(tokens[i]?.end));
    }
    expect(types('"unfinished')).toEqual(['error:"unfinished']);
  });
});
