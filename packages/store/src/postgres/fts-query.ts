import { sql, type Expression, type SqlBool } from 'kysely';
import type { FtsPlan } from '@vigie/core';
import { normalizePlan, type NormalizedPlan } from '../fts-plan';

/**
 * FtsPlan → tsquery text for `to_tsquery('vigie_search', …)`. Every lexeme is single-quoted and
 * holds only letters and digits (see fts-plan.ts), so no user text can become a tsquery operator;
 * the whole string is a bound parameter. The `vigie_search` configuration (simple + unaccent)
 * folds accents and case on the index and on the query alike.
 */
function print(plan: NormalizedPlan): string {
  switch (plan.kind) {
    case 'tokens': {
      const last = plan.tokens.length - 1;
      const lexemes = plan.tokens.map((token, index) => `'${token}'${plan.prefix && index === last ? ':*' : ''}`);
      return lexemes.length === 1 ? (lexemes[0] as string) : `(${lexemes.join(' <-> ')})`;
    }
    case 'and':
      return `(${[...plan.positives.map(print), ...plan.negatives.map((item) => `!${print(item)}`)].join(' & ')})`;
    case 'or':
      return `(${plan.items.map(print).join(' | ')})`;
  }
}

/**
 * @example
 * toFtsQuery({ kind: 'and', items: [{ kind: 'term', value: 'ecole' }, { kind: 'not', item: { kind: 'phrase', words: ['hors', 'contrat'] } }] });
 * // "('ecole' & !('hors' <-> 'contrat'))"
 */
export function toFtsQuery(plan: FtsPlan): string {
  return print(normalizePlan(plan));
}

/** `mentions` rows whose title or text match the plan, through the GIN index on search_vector. */
export function matchesPlan(plan: FtsPlan): Expression<SqlBool> {
  return sql<SqlBool>`mentions.search_vector @@ to_tsquery('vigie_search', ${toFtsQuery(plan)})`;
}
