/**
 * The query linter: warnings about queries that parse but are probably not what the user meant.
 * Each warning has a stable code, an English and a French message, and the column (1-based).
 */
import type { QueryAst } from './query-ast';

export type QueryWarningCode = 'wildcard_broad' | 'near_distance' | 'not_only' | 'long_or' | 'mixed_and_or' | 'lowercase_operator';

export interface QueryWarning {
  code: QueryWarningCode;
  message: string;
  messageFr: string;
  column: number;
}

/** Above this NEAR distance, words are rarely related. */
export const NEAR_WARNING_DISTANCE = 10;
/** Above this many alternatives, an OR should be a list (a topic of its own, or an import). */
export const LONG_OR_ITEMS = 100;

function positive(node: QueryAst): boolean {
  switch (node.type) {
    case 'not':
      return false;
    case 'and':
      return node.items.some(positive);
    case 'or':
      return node.items.every(positive);
    case 'field':
      return positive(node.item);
    default:
      return true;
  }
}

function literalLetters(pattern: string): number {
  return [...pattern].filter((c) => c !== '*' && c !== '?').length;
}

/**
 * @example
 * lintQuery(parseQuery('NOT emploi')); // [{ code: 'not_only', column: 1, … }]
 */
export function lintQuery(ast: QueryAst): QueryWarning[] {
  const warnings: QueryWarning[] = [];
  const warn = (code: QueryWarningCode, node: QueryAst, message: string, messageFr: string): void => {
    warnings.push({ code, message, messageFr, column: node.start + 1 });
  };
  if (!positive(ast)) {
    warn('not_only', ast, 'The query only excludes: it matches almost every post', 'la requête ne fait qu’exclure : elle retient presque tous les messages');
  }
  const visit = (node: QueryAst): void => {
    switch (node.type) {
      case 'wildcard': {
        const beforeStar = node.pattern.endsWith('*') ? literalLetters(node.pattern) : Infinity;
        if (beforeStar <= 3 || node.pattern.startsWith('?') || literalLetters(node.pattern) < 3) {
          warn('wildcard_broad', node, `${node.pattern} will match many different words`, `${node.pattern} va correspondre à beaucoup de mots différents`);
        }
        return;
      }
      case 'phrase':
        if (node.slop !== undefined && node.slop > NEAR_WARNING_DISTANCE) {
          warn('near_distance', node, `A distance of ${node.slop} words rarely links them`, `une distance de ${node.slop} mots les relie rarement`);
        }
        return;
      case 'term':
        if (node.kind === 'word' && node.exact === undefined && ['and', 'or', 'not'].includes(node.value)) {
          const op = node.value.toUpperCase();
          warn('lowercase_operator', node, `“${node.value}” is searched as a word; write ${op} for the operator`, `« ${node.value} » est cherché comme un mot ; écrivez ${op} pour l’opérateur`);
        }
        return;
      case 'near':
        if (node.distance > NEAR_WARNING_DISTANCE) {
          warn('near_distance', node, `NEAR/${node.distance}: over ${NEAR_WARNING_DISTANCE} words apart, terms are rarely related`, `NEAR/${node.distance} : à plus de ${NEAR_WARNING_DISTANCE} mots, les termes sont rarement liés`);
        }
        visit(node.left);
        visit(node.right);
        return;
      case 'or':
        if (node.items.length > LONG_OR_ITEMS) {
          warn('long_or', node, `An OR of ${node.items.length} terms: keep such lists as separate queries or a topic`, `un OR de ${node.items.length} termes : gardez ces listes en requêtes séparées ou en sujet`);
        }
        for (const item of node.items) {
          if (item.type === 'and' && !item.group) {
            warn('mixed_and_or', item, 'AND binds tighter than OR here; add parentheses to make it explicit', 'AND l’emporte sur OR ici ; ajoutez des parenthèses pour lever l’ambiguïté');
          }
        }
        node.items.forEach(visit);
        return;
      case 'and':
        node.items.forEach(visit);
        return;
      case 'not':
      case 'field':
        visit(node.item);
        return;
      default:
        return;
    }
  };
  visit(ast);
  return warnings;
}
