import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchableDocument } from '../ports/matcher';
import type { FtsPlan } from '../ports/store';
import { evaluateQuery } from './evaluate-query';
import { parseQuery } from './parse-query';
import { postArbitrary, queryArbitrary } from './query-arbitraries.case';
import { toFtsPlan } from './to-fts-plan';

/**
 * What the databases see: FTS5 `unicode61 remove_diacritics 2` and PostgreSQL
 * `to_tsvector('simple', unaccent(…))` as the plan's contract describes them — runs of letters
 * and digits, lower case, diacritics removed, œ/æ/ß left as they are; apostrophes, `_`, `#`, `@`
 * and all other characters separate words. Text and title are two columns.
 */
function databaseWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  for (const ch of text.normalize('NFD').toLowerCase()) {
    if (/\p{M}/u.test(ch)) continue;
    if (/[\p{L}\p{N}]/u.test(ch)) {
      current += ch;
    } else if (current !== '') {
      words.push(current);
      current = '';
    }
  }
  if (current !== '') words.push(current);
  return words;
}

function databaseMatches(plan: FtsPlan, columns: string[][]): boolean {
  switch (plan.kind) {
    case 'term':
      return columns.some((words) => words.some((w) => (plan.prefix ? w.startsWith(plan.value) : w === plan.value)));
    case 'phrase':
      return columns.some((words) => words.some((_, i) => plan.words.every((p, k) => words[i + k] === p)));
    case 'and':
      return plan.items.every((item) => databaseMatches(item, columns));
    case 'or':
      return plan.items.some((item) => databaseMatches(item, columns));
    case 'not':
      return !databaseMatches(plan.item, columns);
  }
}

/** History search: candidates from the database, confirmed by the evaluator. */
function historySearch(query: string, corpus: MatchableDocument[]): MatchableDocument[] {
  const ast = parseQuery(query);
  const plan = toFtsPlan(ast);
  const candidates = plan === null ? corpus : corpus.filter((doc) => databaseMatches(plan, [databaseWords(doc.text), databaseWords(doc.title ?? '')]));
  return candidates.filter((doc) => evaluateQuery(ast, doc));
}

describe('toFtsPlan', () => {
  it('keeps folded words and prefixes, turns phrases into AND, leaves NOT to the matcher', () => {
    expect(toFtsPlan(parseQuery('"Jus d\'Orange" NOT pulpe'))).toEqual({
      kind: 'and', items: [{ kind: 'term', value: 'jus' }, { kind: 'term', value: 'orange' }],
    });
    expect(toFtsPlan(parseQuery('orang* OR #Vigie'))).toEqual({
      kind: 'or', items: [{ kind: 'term', value: 'orang', prefix: true }, { kind: 'term', value: 'vigie' }],
    });
  });

  it('asks for ligature spellings the database keeps', () => {
    expect(toFtsPlan(parseQuery('cœur'))).toEqual({ kind: 'or', items: [{ kind: 'term', value: 'coeur' }, { kind: 'term', value: 'cœur' }] });
  });

  it('splits words on _ as the database does', () => {
    expect(toFtsPlan(parseQuery('vigie_app'))).toEqual({ kind: 'and', items: [{ kind: 'term', value: 'vigie' }, { kind: 'term', value: 'app' }] });
  });

  it('returns null when nothing narrows the search', () => {
    expect(toFtsPlan(parseQuery('NOT emploi'))).toBeNull();
    expect(toFtsPlan(parseQuery('lang:fr'))).toBeNull();
    expect(toFtsPlan(parseQuery('vigie OR lang:fr'))).toBeNull();
    expect(toFtsPlan(parseQuery('?igie'))).toBeNull();
  });

  it('keeps only the narrowing side of an AND with a field', () => {
    expect(toFtsPlan(parseQuery('vigie lang:fr author:bob'))).toEqual({ kind: 'term', value: 'vigie' });
  });

  it('is a superset of the true matches (property)', () => {
    fc.assert(
      fc.property(queryArbitrary, fc.array(postArbitrary, { minLength: 1, maxLength: 15 }), (query, posts) => {
        const ast = parseQuery(query);
        const plan = toFtsPlan(ast);
        if (plan === null) return;
        for (const post of posts) {
          if (evaluateQuery(ast, post)) expect(databaseMatches(plan, [databaseWords(post.text), databaseWords(post.title ?? '')])).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('history search and the live matcher agree on the same corpus', () => {
    const corpus = fc.sample(postArbitrary, { numRuns: 300, seed: 42 });
    for (const query of fc.sample(queryArbitrary, { numRuns: 150, seed: 7 })) {
      const live = corpus.filter((doc) => evaluateQuery(parseQuery(query), doc));
      expect(historySearch(query, corpus)).toEqual(live);
    }
  });
});
