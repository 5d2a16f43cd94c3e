import { AppError, type FtsPlan } from '@vigie/core';

/**
 * An FtsPlan checked and reduced to what both full-text engines express the same way: token
 * sequences (a term or a phrase, the last token possibly a prefix), AND with negated operands,
 * OR. Both `sqlite/fts-query.ts` and `postgres/fts-query.ts` print this, so they cannot drift.
 */
export type NormalizedPlan =
  | { kind: 'tokens'; tokens: string[]; prefix: boolean }
  | { kind: 'and'; positives: NormalizedPlan[]; negatives: NormalizedPlan[] }
  | { kind: 'or'; items: NormalizedPlan[] };

// Letters and digits only: whatever else a caller sends is a separator, exactly as both
// tokenizers treat it. This is also what makes the printed queries safe to hand to the engines.
const TOKEN = /[\p{L}\p{N}]+/gu;

/** Splits text into lower-case tokens the way the full-text tokenizers do. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

function invalid(message: string): AppError {
  return new AppError('validation_failed', message, [{ field: 'plan', message }]);
}

/**
 * Validates and normalises a plan. A `not` outside an `and`, an `and` with only negations, an
 * empty group or a term without letters/digits is a caller bug: `validation_failed`.
 *
 * @example
 * normalizePlan({ kind: 'term', value: 'jean-marc' }); // { kind: 'tokens', tokens: ['jean', 'marc'], prefix: false }
 */
export function normalizePlan(plan: FtsPlan): NormalizedPlan {
  switch (plan.kind) {
    case 'term':
    case 'phrase': {
      const source = plan.kind === 'term' ? plan.value : plan.words.join(' ');
      const tokens = tokenize(source);
      if (tokens.length === 0) throw invalid(`Full-text ${plan.kind} has no letters or digits: "${source}"`);
      return { kind: 'tokens', tokens, prefix: plan.kind === 'term' && plan.prefix === true };
    }
    case 'and': {
      const positives: NormalizedPlan[] = [];
      const negatives: NormalizedPlan[] = [];
      for (const item of plan.items) {
        if (item.kind === 'not') negatives.push(normalizePlan(item.item));
        else positives.push(normalizePlan(item));
      }
      if (positives.length === 0) throw invalid('Full-text "and" needs at least one positive item');
      if (positives.length === 1 && negatives.length === 0) return positives[0] as NormalizedPlan;
      return { kind: 'and', positives, negatives };
    }
    case 'or': {
      if (plan.items.length === 0) throw invalid('Full-text "or" needs at least one item');
      const items = plan.items.map(normalizePlan);
      return items.length === 1 ? (items[0] as NormalizedPlan) : { kind: 'or', items };
    }
    case 'not':
      throw invalid('Full-text "not" may only appear inside an "and" with a positive item');
  }
}

/**
 * The plan of the `search` filter: plain words, all required, the last one also matching as a
 * prefix (so results follow the user while they type). Undefined when there is no word.
 *
 * @example
 * planFromSearch('École fran'); // and(term ecole, term fran*)
 */
export function planFromSearch(search: string): FtsPlan | undefined {
  const words = tokenize(search);
  if (words.length === 0) return undefined;
  return {
    kind: 'and',
    items: words.map((value, index) => ({ kind: 'term', value, prefix: index === words.length - 1 })),
  };
}
