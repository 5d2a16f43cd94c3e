import { describe, expect, it } from 'vitest';
import type { FtsPlan } from '@vigie/core';
import { planFromSearch } from './fts-plan';
import { toFtsQuery as toPostgres } from './postgres/fts-query';
import { toFtsQuery as toSqlite } from './sqlite/fts-query';

const vigie: FtsPlan = { kind: 'term', value: 'vigie' };

describe('FtsPlan translation, side by side', () => {
  const cases: [string, FtsPlan, string, string][] = [
    ['term', vigie, '"vigie"', "'vigie'"],
    ['prefix', { kind: 'term', value: 'fran', prefix: true }, '"fran"*', "'fran':*"],
    ['phrase', { kind: 'phrase', words: ['bon', 'produit'] }, '"bon produit"', "('bon' <-> 'produit')"],
    ['or', { kind: 'or', items: [vigie, { kind: 'term', value: 'app' }] }, '("vigie" OR "app")', "('vigie' | 'app')"],
    [
      'and with not',
      { kind: 'and', items: [vigie, { kind: 'not', item: { kind: 'term', value: 'emploi' } }, { kind: 'not', item: { kind: 'term', value: 'stage' } }] },
      '(("vigie") NOT ("emploi" OR "stage"))',
      "('vigie' & !'emploi' & !'stage')",
    ],
    ['a term with a separator becomes a phrase', { kind: 'term', value: 'jean-marc', prefix: true }, '"jean marc"*', "('jean' <-> 'marc':*)"],
  ];
  for (const [name, plan, sqlite, postgres] of cases) {
    it(name, () => {
      expect(toSqlite(plan)).toBe(sqlite);
      expect(toPostgres(plan)).toBe(postgres);
    });
  }

  it('keeps quotes, operators and syntax in terms from ever reaching the engines', () => {
    const hostile: FtsPlan = { kind: 'term', value: `x" OR "y' | !z:* NEAR(` };
    expect(toSqlite(hostile)).toBe('"x or y z near"');
    expect(toPostgres(hostile)).toBe("('x' <-> 'or' <-> 'y' <-> 'z' <-> 'near')");
  });

  it('turns a search box into all words required, the last as a prefix', () => {
    const plan = planFromSearch('  École, français ');
    expect(plan && toSqlite(plan)).toBe('("école" AND "français"*)');
    expect(planFromSearch('?!')).toBeUndefined();
  });
});
