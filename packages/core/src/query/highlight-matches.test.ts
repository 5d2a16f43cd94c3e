import { describe, expect, it } from 'vitest';
import { highlightMatches } from './highlight-matches';
import { parseQuery } from './parse-query';

const marked = (query: string, text: string, title?: string) =>
  highlightMatches(parseQuery(query), { text, title }).map((h) => `${h.field}:${(h.field === 'text' ? text : title ?? '').slice(h.start, h.end)}`);

describe('highlightMatches', () => {
  it('marks words in the original text, accents and case kept', () => {
    expect(marked('orange cafe', "Un Café et un jus d'Orange")).toEqual(['text:Café', 'text:Orange']);
  });

  it('marks phrases, hashtags, raw strings and titles', () => {
    expect(marked('"jus d\'orange" OR #vigie', 'Jus d’orange chez #Vigie', 'Le jus')).toEqual(['text:Jus d’orange', 'text:#Vigie']);
    expect(marked('raw:"C++"', 'Du C++ ici')).toEqual(['text:C++']);
    expect(marked('title:vigie', 'vigie', 'Vigie')).toEqual(['title:Vigie']);
  });

  it('does not mark excluded words and merges overlaps', () => {
    expect(marked('vigie -emploi', 'Vigie emploi')).toEqual(['text:Vigie']);
    expect(marked('"vigie app" OR app', 'vigie app')).toEqual(['text:vigie app']);
  });
});
