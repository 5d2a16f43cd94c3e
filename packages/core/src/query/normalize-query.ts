/**
 * The canonical text of a query (what `vigie query check` prints): operators in capitals,
 * explicit AND, words folded, parentheses wherever AND and OR meet. Parsing the canonical text
 * gives back an equivalent query.
 */
import type { QueryAst, QueryWord } from './query-ast';
import type { TokenKind } from './tokenize-document';

const PRECEDENCE = { or: 1, and: 2, not: 3, near: 4 } as const;

function sigil(kind: TokenKind): string {
  return kind === 'hashtag' ? '#' : kind === 'mention' ? '@' : '';
}

function word(w: QueryWord): string {
  return w.exact !== undefined ? w.exact : sigil(w.kind) + w.value;
}

function keywordValue(value: string): string {
  const plain = value !== '' && ![...value].some((c) => ' \t\n()"{}'.includes(c)) && !value.startsWith('-');
  return plain ? value : `"${value}"`;
}

function precedence(node: QueryAst): number {
  return node.type in PRECEDENCE ? PRECEDENCE[node.type as keyof typeof PRECEDENCE] : 5;
}

/** Prints `node`, in parentheses when it binds looser than `min` requires. */
function print(node: QueryAst, min: number): string {
  const text = printNode(node);
  return precedence(node) < min ? `(${text})` : text;
}

function printNode(node: QueryAst): string {
  switch (node.type) {
    case 'term':
      return node.exact !== undefined ? `{${node.exact}}` : sigil(node.kind) + node.value;
    case 'phrase': {
      const exact = node.words.every((w) => w.exact !== undefined);
      const body = exact ? `{${node.words.map(word).join(' ')}}` : `"${node.words.map(word).join(' ')}"`;
      return node.slop !== undefined ? `${body}~${node.slop}` : body;
    }
    case 'wildcard':
      return sigil(node.kind) + node.pattern;
    case 'raw':
      return `raw:"${node.value}"`;
    case 'keyword':
      return `${node.field}:${keywordValue(node.value)}`;
    case 'field':
      return `${node.field}:${print(node.item, 5)}`;
    case 'near':
      return `${print(node.left, 4)} NEAR/${node.distance}${node.ordered ? 'f' : ''} ${print(node.right, 5)}`;
    case 'not':
      return `NOT ${print(node.item, 3)}`;
    case 'and':
      return node.items.map((item) => print(item, item.type === 'or' ? 5 : 2)).join(' AND ');
    case 'or':
      return node.items.map((item) => print(item, item.type === 'and' ? 5 : 1)).join(' OR ');
  }
}

/**
 * @example
 * normalizeQuery(parseQuery('Vigie  OR app -emploi')); // 'vigie OR (app AND NOT emploi)'
 */
export function normalizeQuery(ast: QueryAst): string {
  return print(ast, 0);
}
