import { sql, type Expression, type SqlBool } from 'kysely';
import type { FtsPlan } from '@vigie/core';
import { normalizePlan, type NormalizedPlan } from '../fts-plan';

/**
 * FtsPlan → FTS5 MATCH expression. Every token is a double-quoted FTS5 string, so words such as
 * AND, NEAR or a `*` can never act as operators; tokens hold only letters and digits (see
 * fts-plan.ts). Accents and case are folded by the `unicode61 remove_diacritics 2` tokenizer,
 * on the index and on the query alike.
 */
function print(plan: NormalizedPlan): string {
  switch (plan.kind) {
    case 'tokens':
      // A quoted string of several tokens is an FTS5 phrase; a trailing * makes its last token a prefix.
      return `"${plan.tokens.join(' ').replaceAll('"', '""')}"${plan.prefix ? '*' : ''}`;
    case 'and': {
      const positives = plan.positives.map(print).join(' AND ');
      if (plan.negatives.length === 0) return `(${positives})`;
      // FTS5 NOT is binary (a NOT b): exclude the union of the negated items at once.
      return `((${positives}) NOT (${plan.negatives.map(print).join(' OR ')}))`;
    }
    case 'or':
      return `(${plan.items.map(print).join(' OR ')})`;
  }
}

/**
 * @example
 * toFtsQuery({ kind: 'and', items: [{ kind: 'term', value: 'ecole' }, { kind: 'not', item: { kind: 'phrase', words: ['hors', 'contrat'] } }] });
 * // '(("ecole") NOT ("hors contrat")))'
 */
export function toFtsQuery(plan: FtsPlan): string {
  return print(normalizePlan(plan));
}

/** `mentions` rows whose title or text match the plan; the MATCH string is a bound parameter. */
export function matchesPlan(plan: FtsPlan): Expression<SqlBool> {
  return sql<SqlBool>`mentions.seq in (select rowid from mentions_fts where mentions_fts match ${toFtsQuery(plan)})`;
}
