import { describe, expect, it } from 'vitest';
import type { MatchableDocument } from '../ports/matcher';
import { evaluateQuery } from './evaluate-query';
import { parseQuery } from './parse-query';

const matches = (query: string, doc: MatchableDocument | string) =>
  evaluateQuery(parseQuery(query), typeof doc === 'string' ? { text: doc } : doc);

describe('evaluateQuery: words', () => {
  it('is case- and accent-insensitive, with ligatures', () => {
    expect(matches('cafe', 'Un CAFÉ serré')).toBe(true);
    expect(matches('été', 'ete')).toBe(true);
    expect(matches('coeur', 'le cœur')).toBe(true);
    expect(matches('œuvre', 'OEUVRE')).toBe(true);
    expect(matches('strasse', 'Straße')).toBe(true);
  });

  it('respects word boundaries', () => {
    expect(matches('orange', 'une orangeade')).toBe(false);
    expect(matches('orange', 'Orange, enfin')).toBe(true);
  });

  it('handles French elision', () => {
    expect(matches('entreprise', "l'entreprise")).toBe(true);
    expect(matches("l'entreprise", 'cette entreprise')).toBe(true);
    expect(matches('"jus d\'orange"', "Un jus d’orange pressé")).toBe(true);
    expect(matches('"jus d\'orange"', 'du jus, puis une orange')).toBe(false);
  });

  it('matches hashtags and mentions, plain words matching both', () => {
    expect(matches('#vigieapp', 'Essayez #VigieApp')).toBe(true);
    expect(matches('#vigieapp', 'Essayez VigieApp')).toBe(false);
    expect(matches('vigieapp', 'Essayez #VigieApp')).toBe(true);
    expect(matches('@vigie', 'merci @Vigie !')).toBe(true);
    expect(matches('@vigie', 'écrire à contact@vigie.fr')).toBe(false);
  });

  it('honours {Case} and raw:', () => {
    expect(matches('{Orange}', 'forfait Orange')).toBe(true);
    expect(matches('{Orange}', 'une orange')).toBe(false);
    expect(matches('raw:"C++"', 'I love C++!')).toBe(true);
    expect(matches('raw:"C++"', 'I love c++!')).toBe(false);
    expect(matches('raw:"Orange"', 'Orangeade')).toBe(false);
  });

  it('expands wildcards on one word', () => {
    expect(matches('orang*', 'Oranges et orangeade')).toBe(true);
    expect(matches('orang*', 'une orang-outan')).toBe(true);
    expect(matches('wom?n', 'Women')).toBe(true);
    expect(matches('wom?n', 'womban')).toBe(false);
  });
});

describe('evaluateQuery: operators', () => {
  it('combines AND, OR, NOT and juxtaposition', () => {
    expect(matches('vigie NOT emploi', "J'adore Vigie")).toBe(true);
    expect(matches('vigie -emploi', 'Vigie recrute : offre d’emploi')).toBe(false);
    expect(matches('vigie app', 'app seule')).toBe(false);
    expect(matches('(vigie OR veille) app', 'une app de veille')).toBe(true);
  });

  it('measures NEAR in words between, ordered with f', () => {
    expect(matches('vigie NEAR/2 app', 'vigie est une app')).toBe(true);
    expect(matches('vigie NEAR/1 app', 'vigie est une app')).toBe(false);
    expect(matches('app NEAR/2 vigie', 'vigie est une app')).toBe(true);
    expect(matches('app NEAR/2f vigie', 'vigie est une app')).toBe(false);
    expect(matches('(vigie OR veille) NEAR/0 "super app"', 'la veille super app')).toBe(true);
  });

  it('reads "a b"~n as the words in any order within a window', () => {
    expect(matches('"vigie app"~1', 'app de vigie')).toBe(true);
    expect(matches('"vigie app"~0', 'app de vigie')).toBe(false);
  });
});

describe('evaluateQuery: fields', () => {
  const doc: MatchableDocument = {
    text: 'Nouvelle version',
    title: 'Vigie 2.0',
    lang: 'fr-CA',
    author: '@alice@mastodon.social',
    url: 'https://blog.example.com/posts/1',
    connector: 'rss',
    country: 'CA',
  };

  it('searches the title with the text, and alone with title:', () => {
    expect(matches('vigie', doc)).toBe(true);
    expect(matches('title:vigie', doc)).toBe(true);
    expect(matches('title:version', doc)).toBe(false);
  });

  it('compares lang, connector, country, site and url', () => {
    expect(matches('lang:fr', doc)).toBe(true);
    expect(matches('lang:en', doc)).toBe(false);
    expect(matches('connector:RSS', doc)).toBe(true);
    expect(matches('country:ca', doc)).toBe(true);
    expect(matches('site:example.com', doc)).toBe(true);
    expect(matches('site:ample.com', doc)).toBe(false);
    expect(matches('url:/posts/', doc)).toBe(true);
  });

  it('searches author names and handles', () => {
    expect(matches('author:alice', doc)).toBe(true);
    expect(matches('author:@alice', doc)).toBe(true);
    expect(matches('author:bob', doc)).toBe(false);
  });

  it('treats a missing field as no match', () => {
    expect(matches('lang:fr', 'texte')).toBe(false);
    expect(matches('NOT lang:fr', 'texte')).toBe(true);
  });
});

describe('evaluateQuery: long posts stay fast', () => {
  it('evaluates NEAR over 5,000 repeated words quickly', () => {
    const text = 'vigie '.repeat(5_000);
    const started = performance.now();
    expect(matches('vigie NEAR/10 vigie', text)).toBe(true);
    expect(matches('"vigie vigie vigie"~5', text)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
