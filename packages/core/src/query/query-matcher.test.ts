import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import type { MatchableDocument } from '../ports/matcher';
import { evaluateQuery } from './evaluate-query';
import { parseQuery } from './parse-query';
import { postArbitrary, queryArbitrary } from './query-arbitraries.case';
import { compileQueries, createQueryMatcher } from './query-matcher';

const sorted = (ids: string[]) => [...ids].sort();

describe('createQueryMatcher', () => {
  it('returns the ids of matching queries', () => {
    const matcher = createQueryMatcher();
    matcher.set('brand', 'vigie NOT emploi');
    matcher.set('fruit', '"jus d\'orange"');
    matcher.set('tag', '#vigieapp');
    expect(sorted(matcher.match({ text: "J'adore Vigie et son jus d’orange #VigieApp" }))).toEqual(['brand', 'fruit', 'tag']);
    expect(matcher.match({ text: 'Vigie : offre d’emploi' })).toEqual([]);
    expect(matcher.size()).toBe(3);
  });

  it('applies edits and deletions on the next post', () => {
    const matcher = createQueryMatcher();
    matcher.set('q', 'vigie');
    expect(matcher.match({ text: 'vigie' })).toEqual(['q']);
    matcher.set('q', 'veille');
    expect(matcher.match({ text: 'vigie' })).toEqual([]);
    expect(matcher.match({ text: 'veille' })).toEqual(['q']);
    matcher.delete('q');
    expect(matcher.match({ text: 'veille' })).toEqual([]);
    expect(matcher.size()).toBe(0);
  });

  it('keeps the previous version when an edit does not parse', () => {
    const matcher = createQueryMatcher();
    matcher.set('q', 'vigie');
    expect(() => matcher.set('q', '(vigie')).toThrow(AppError);
    expect(matcher.match({ text: 'vigie' })).toEqual(['q']);
  });

  it('removes the topic exclusions from every query', () => {
    const matcher = createQueryMatcher();
    const exclusions = '"offre d\'emploi" OR recrute';
    matcher.set('a', 'vigie', { exclusions });
    matcher.set('b', 'veille', { exclusions });
    expect(matcher.match({ text: 'Vigie recrute' })).toEqual([]);
    expect(sorted(matcher.match({ text: 'Vigie fait de la veille' }))).toEqual(['a', 'b']);
  });

  it('matches queries with no word to index (NOT-only, fields, leading ?)', () => {
    const matcher = createQueryMatcher();
    matcher.set('not', 'NOT spam');
    matcher.set('lang', 'lang:fr');
    matcher.set('url', 'url:/blog/');
    matcher.set('wild', '?igie');
    const doc = { text: 'vigie', lang: 'fr', url: 'https://x.org/blog/1' };
    expect(sorted(matcher.match(doc))).toEqual(['lang', 'not', 'url', 'wild']);
  });

  it('answers right through thousands of edits (the index grows, forgets deleted words, reuses room)', () => {
    const matcher = createQueryMatcher();
    const live = new Map<string, string>();
    const word = (i: number) => `mot${i.toString(36)}`;
    const set = (id: string, query: string) => {
      matcher.set(id, query);
      live.set(id, query);
    };
    const remove = (id: string) => {
      matcher.delete(id);
      live.delete(id);
    };
    const expected = (doc: MatchableDocument) => [...live].filter(([, query]) => evaluateQuery(parseQuery(query), doc)).map(([id]) => id).sort();
    const posts = [`${word(9)} #${word(15)}`, word(10), `${word(1)}x ${word(4)} ${word(5)}`, `@${word(2998)} ${word(2999)} ${word(3000)}`];
    for (let i = 0; i < 3000; i++) set(`w${i}`, i % 3 === 0 ? `${word(i)}*` : `${word(i)} OR "${word(i + 1)} ${word(i + 2)}"`);
    for (let i = 0; i < 3000; i += 2) remove(`w${i}`);
    for (let i = 0; i < 3000; i += 4) set(`w${i}`, `#${word(i + 7)}`);
    expect(matcher.size()).toBe(2250);
    expect(sorted(matcher.match({ text: posts[0] as string }))).toEqual(['w15', 'w8', 'w9']);
    for (const text of posts) expect(sorted(matcher.match({ text }))).toEqual(expected({ text }));
    for (let i = 0; i < 3000; i++) remove(`w${i}`);
    expect(matcher.size()).toBe(0);
    for (const text of posts) expect(matcher.match({ text })).toEqual([]);
  });

  it('compiles a batch and reports the queries that fail', () => {
    const { matcher, compileMs, failed } = compileQueries([
      { id: 'ok', query: 'vigie' },
      { id: 'bad', query: 'vigie AND' },
    ]);
    expect(matcher.size()).toBe(1);
    expect(failed.map((f) => f.id)).toEqual(['bad']);
    expect(compileMs).toBeGreaterThanOrEqual(0);
  });
});

describe('createQueryMatcher: same answers as the reference evaluator (property)', () => {
  const reference = (queries: Map<string, { query: string; exclusions?: string }>, doc: MatchableDocument) =>
    [...queries].filter(([, q]) => evaluateQuery(parseQuery(q.query), doc) && !(q.exclusions && evaluateQuery(parseQuery(q.exclusions), doc))).map(([id]) => id).sort();

  it('random queries × random posts, with edits and deletions in between', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(queryArbitrary, fc.option(queryArbitrary, { freq: 4, nil: undefined })), { minLength: 1, maxLength: 25 }),
        fc.array(postArbitrary, { minLength: 1, maxLength: 20 }),
        fc.array(fc.tuple(fc.nat(), fc.option(queryArbitrary, { nil: undefined })), { maxLength: 6 }),
        (queries, posts, edits) => {
          const matcher = createQueryMatcher();
          const live = new Map<string, { query: string; exclusions?: string }>();
          queries.forEach(([query, exclusions], i) => {
            matcher.set(`q${i}`, query, { exclusions });
            live.set(`q${i}`, { query, exclusions });
          });
          for (const post of posts) expect(sorted(matcher.match(post))).toEqual(reference(live, post));
          for (const [n, replacement] of edits) {
            const id = `q${n % queries.length}`;
            if (replacement === undefined) {
              matcher.delete(id);
              live.delete(id);
            } else {
              matcher.set(id, replacement);
              live.set(id, { query: replacement });
            }
          }
          for (const post of posts) expect(sorted(matcher.match(post))).toEqual(reference(live, post));
          expect(matcher.size()).toBe(live.size);
        },
      ),
      { numRuns: 500 },
    );
  });
});
