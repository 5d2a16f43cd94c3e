/**
 * The listening-query parser: recursive descent over the lexer's tokens.
 *
 * Precedence, loosest first: OR, AND (explicit or by juxtaposition), NOT / `-`, NEAR.
 * Limits (QUERY_LIMITS) are checked as the parser goes, so an oversized or deeply nested query
 * fails fast with a clear error; nothing here backtracks.
 */
import { type AppError } from '../errors';
import { foldWord, isApostropheAt, isWordCharAt } from './fold-text';
import { lexQueryDetailed, type LexedToken } from './lex-query';
import { KEYWORD_FIELDS, QUERY_LIMITS, type KeywordField, type QueryAst, type QueryWord, type TextField } from './query-ast';
import { querySyntaxError } from './query-syntax-error';
import { ELISIONS, exactTokenText, tokenizeText, type TokenKind } from './tokenize-document';

/**
 * Parses a query; throws `AppError('query_syntax')` whose detail gives the column.
 *
 * @example
 * parseQuery('vigie -emploi'); // { type: 'and', items: [term vigie, not(term emploi)] }
 */
export function parseQuery(text: string): QueryAst {
  if (text.length > QUERY_LIMITS.maxLength) {
    throw querySyntaxError('too_long', QUERY_LIMITS.maxLength, 1,
      `The query is longer than ${QUERY_LIMITS.maxLength} characters`, `la requête dépasse ${QUERY_LIMITS.maxLength} caractères`);
  }
  return new QueryParser(text).parse();
}

class QueryParser {
  private readonly tokens: LexedToken[];
  private pos = 0;
  private depth = 0;
  private terms = 0;

  constructor(private readonly text: string) {
    this.tokens = lexQueryDetailed(text).filter((t) => t.type !== 'space');
  }

  parse(): QueryAst {
    if (this.tokens.length === 0) throw querySyntaxError('empty', 0, 1, 'The query is empty', 'la requête est vide');
    const ast = this.parseOr();
    const extra = this.peek();
    if (extra) {
      if (extra.type === 'paren') {
        throw querySyntaxError('unexpected_paren', extra.start, 1, 'Unexpected closing parenthesis', 'parenthèse fermante inattendue');
      }
      throw this.unexpected(extra);
    }
    return ast;
  }

  private peek(): LexedToken | undefined {
    return this.tokens[this.pos];
  }

  private isOperator(token: LexedToken | undefined, name: string): boolean {
    return token?.type === 'operator' && token.name === name;
  }

  private isClose(token: LexedToken | undefined): boolean {
    return token?.type === 'paren' && this.text[token.start] === ')';
  }

  private parseOr(): QueryAst {
    const items = [this.parseAnd()];
    while (this.isOperator(this.peek(), 'OR')) {
      const op = this.tokens[this.pos++] as LexedToken;
      this.requireOperand(op);
      items.push(this.parseAnd());
    }
    return items.length === 1 ? (items[0] as QueryAst) : combine('or', items);
  }

  private parseAnd(): QueryAst {
    const items = [this.parseUnary()];
    for (;;) {
      const next = this.peek();
      if (!next || this.isClose(next) || this.isOperator(next, 'OR')) break;
      if (this.isOperator(next, 'AND')) {
        this.pos++;
        this.requireOperand(next);
      }
      items.push(this.parseUnary());
    }
    return items.length === 1 ? (items[0] as QueryAst) : combine('and', items);
  }

  private requireOperand(op: LexedToken): void {
    const next = this.peek();
    if (!next || this.isClose(next) || this.isOperator(next, 'OR') || this.isOperator(next, 'AND')) {
      const name = this.text.slice(op.start, op.end);
      throw querySyntaxError('missing_operand', next ? next.start : this.text.length, 1,
        `A term is expected after ${name}`, `un terme est attendu après ${name}`);
    }
  }

  private parseUnary(): QueryAst {
    const token = this.peek();
    if (token && this.isOperator(token, 'NOT')) {
      this.pos++;
      this.requireOperand(token);
      this.enter(token);
      const item = this.parseUnary();
      this.depth--;
      return { type: 'not', item, start: token.start, end: item.end };
    }
    return this.parseNear();
  }

  private parseNear(): QueryAst {
    let left = this.parsePrimary();
    for (;;) {
      const op = this.peek();
      if (!op || op.type !== 'near' || op.name !== 'NEAR') return left;
      this.pos++;
      this.requireOperand(op);
      const right = this.parsePrimary();
      for (const side of [left, right]) checkNearOperand(side);
      const distance = this.checkDistance(op);
      left = { type: 'near', left, right, distance, ordered: op.ordered === true, start: left.start, end: right.end };
    }
  }

  private checkDistance(op: LexedToken): number {
    const distance = op.distance ?? 0;
    if (distance > QUERY_LIMITS.maxDistance) {
      throw querySyntaxError('distance_too_large', op.start, op.end - op.start,
        `The distance is larger than ${QUERY_LIMITS.maxDistance}`, `la distance dépasse ${QUERY_LIMITS.maxDistance}`);
    }
    return distance;
  }

  private enter(token: LexedToken): void {
    this.depth++;
    if (this.depth > QUERY_LIMITS.maxDepth) {
      throw querySyntaxError('too_deep', token.start, 1,
        `Nesting is deeper than ${QUERY_LIMITS.maxDepth} levels`, `imbrication de plus de ${QUERY_LIMITS.maxDepth} niveaux`);
    }
  }

  private countTerm(start: number, end: number): void {
    this.terms++;
    if (this.terms > QUERY_LIMITS.maxTerms) {
      throw querySyntaxError('too_many_terms', start, end - start,
        `The query has more than ${QUERY_LIMITS.maxTerms} terms`, `la requête a plus de ${QUERY_LIMITS.maxTerms} termes`);
    }
  }

  private unexpected(token: LexedToken): AppError {
    const shown = this.text.slice(token.start, Math.min(token.end, token.start + 20));
    if (token.type === 'operator' && token.name === 'NOT') {
      return querySyntaxError('near_operand', token.start, token.end - token.start,
        'NOT cannot be used inside NEAR', 'NOT ne peut pas s’employer dans NEAR');
    }
    if (token.type === 'operator' || token.type === 'near') {
      return querySyntaxError('missing_left', token.start, token.end - token.start,
        `${shown} must follow a term`, `${shown} doit suivre un terme`);
    }
    if (token.type === 'error') return this.lexError(token);
    return querySyntaxError('unexpected', token.start, token.end - token.start, `Unexpected “${shown}”`, `« ${shown} » inattendu`);
  }

  private lexError(token: LexedToken): AppError {
    switch (token.reason) {
      case 'unclosed_quote':
        return querySyntaxError('unclosed_quote', token.start, 1,
          'Closing quote expected for the phrase opened', 'guillemet fermant attendu pour l’expression ouverte');
      case 'unclosed_brace':
        return querySyntaxError('unclosed_brace', token.start, 1,
          'Closing brace expected for the case-sensitive term opened', 'accolade fermante attendue pour le terme ouvert');
      case 'bad_near':
        return querySyntaxError('bad_near', token.start, token.end - token.start,
          'NEAR must be written NEAR/n or NEAR/nf (e.g. NEAR/3)', 'NEAR s’écrit NEAR/n ou NEAR/nf (par ex. NEAR/3)');
      default:
        return querySyntaxError('unexpected', token.start, 1, 'Unexpected character', 'caractère inattendu');
    }
  }

  private parsePrimary(): QueryAst {
    const token = this.peek();
    if (!token) {
      throw querySyntaxError('missing_operand', this.text.length, 1, 'A term is expected', 'un terme est attendu');
    }
    this.pos++;
    switch (token.type) {
      case 'paren': {
        if (this.text[token.start] === ')') {
          throw querySyntaxError('unexpected_paren', token.start, 1, 'Unexpected closing parenthesis', 'parenthèse fermante inattendue');
        }
        this.enter(token);
        if (this.isClose(this.peek())) {
          throw querySyntaxError('empty_group', token.start, 2, 'Empty parentheses', 'parenthèses vides');
        }
        const inner = this.parseOr();
        const close = this.peek();
        if (!this.isClose(close)) {
          throw querySyntaxError('unclosed_paren', close ? close.start : this.text.length, 1,
            'Closing parenthesis expected', 'parenthèse fermante attendue');
        }
        this.pos++;
        this.depth--;
        const grouped = { ...inner, start: token.start, end: (close as LexedToken).end };
        return grouped.type === 'and' || grouped.type === 'or' ? { ...grouped, group: true } : grouped;
      }
      case 'term':
      case 'hashtag':
      case 'mention':
        return this.wordsNode(token, token.caseSensitive === true);
      case 'phrase':
        return this.phraseNode(token);
      case 'wildcard':
        return this.wildcardNode(token);
      case 'field':
        return this.fieldNode(token);
      default:
        throw this.unexpected(token);
    }
  }

  /** A term: one word gives a term node, several (e.g. `e-mail`, `{Orange Bank}`) a phrase. */
  private wordsNode(token: LexedToken, caseSensitive: boolean, slop?: number): QueryAst {
    const source = caseSensitive || token.type === 'phrase' ? this.text.slice(token.start + 1, token.end - 1) : this.text.slice(token.start, token.end);
    this.countTerm(token.start, token.end);
    const words: QueryWord[] = tokenizeText(source).map((t) => ({
      value: t.value,
      kind: t.kind,
      ...(caseSensitive ? { exact: exactTokenText(source, t) } : {}),
    }));
    if (words.length === 0) {
      const shown = source.slice(0, 20);
      throw querySyntaxError('no_letters', token.start, token.end - token.start,
        `“${shown}” has no letter or digit`, `« ${shown} » ne contient ni lettre ni chiffre`);
    }
    const span = { start: token.start, end: token.end };
    if (words.length === 1 && slop === undefined) return { type: 'term', ...(words[0] as QueryWord), ...span };
    return { type: 'phrase', words, ...(slop !== undefined ? { slop } : {}), ...span };
  }

  private phraseNode(token: LexedToken): QueryAst {
    const next = this.peek();
    let slop: number | undefined;
    let end = token.end;
    if (next && next.type === 'near' && next.name === '~' && next.start === token.end) {
      this.pos++;
      slop = this.checkDistance(next);
      end = next.end;
    }
    const node = this.wordsNode(token, false, slop);
    return { ...node, end };
  }

  private wildcardNode(token: LexedToken): QueryAst {
    this.countTerm(token.start, token.end);
    const word = this.text.slice(token.start, token.end);
    const first = word.charCodeAt(0);
    const kind: TokenKind = first === 35 ? 'hashtag' : first === 64 ? 'mention' : 'word';
    let bodyStart = kind === 'word' ? 0 : 1;
    for (let i = bodyStart; i < word.length; i++) {
      if (isApostropheAt(word, i) && ELISIONS.has(foldWord(word, bodyStart, i))) bodyStart = i + 1;
    }
    let pattern = '';
    let literal = 0;
    for (let i = bodyStart; i < word.length; i++) {
      const ch = word[i] as string;
      if (ch === '*') {
        if (i !== word.length - 1) {
          throw querySyntaxError('wildcard_position', token.start + i, 1, '* is allowed only at the end of a word', '* n’est permis qu’en fin de mot');
        }
        if (literal < 3) {
          throw querySyntaxError('wildcard_short', token.start, word.length, 'At least 3 letters are needed before *', 'il faut au moins 3 lettres avant *');
        }
        pattern += '*';
      } else if (ch === '?') {
        pattern += '?';
      } else {
        if (!isWordCharAt(word, i)) {
          throw querySyntaxError('wildcard_word', token.start + i, 1, 'A wildcard applies to a single word', 'un joker s’applique à un seul mot');
        }
        const width = word.charCodeAt(i) >= 0xd800 && word.charCodeAt(i) <= 0xdbff ? 2 : 1;
        const folded = foldWord(word, i, i + width);
        pattern += folded;
        literal += folded.length;
        i += width - 1;
      }
    }
    if (literal === 0 && !pattern.includes('?')) {
      throw querySyntaxError('no_letters', token.start, word.length, `“${word}” has no letter or digit`, `« ${word} » ne contient ni lettre ni chiffre`);
    }
    return { type: 'wildcard', pattern, kind, start: token.start, end: token.end };
  }

  private fieldNode(token: LexedToken): QueryAst {
    const field = token.name as string;
    const value = this.peek();
    if (!value || value.start !== token.end || value.type === 'operator' || value.type === 'near' || this.isClose(value)) {
      throw querySyntaxError('field_value', token.end, 1, `A value is expected right after ${field}:`, `une valeur est attendue juste après ${field}:`);
    }
    if (field === 'raw') {
      this.pos++;
      const inner = value.type === 'phrase' ? this.text.slice(value.start + 1, value.end - 1) : this.text.slice(value.start, value.end);
      if (value.type === 'paren' || value.type === 'field' || value.type === 'error' || inner.trim() === '') {
        throw querySyntaxError('field_value', value.start, 1, 'raw: expects a phrase in quotes', 'raw: attend une expression entre guillemets');
      }
      this.countTerm(value.start, value.end);
      return { type: 'raw', value: inner, start: token.start, end: value.end };
    }
    if ((KEYWORD_FIELDS as readonly string[]).includes(field)) return this.keywordNode(token, field as KeywordField);
    const item = this.parsePrimary();
    if (containsField(item)) {
      throw querySyntaxError('field_nested', item.start, item.end - item.start, 'Fields cannot be nested', 'les champs ne s’imbriquent pas');
    }
    return { type: 'field', field: field as TextField, item, start: token.start, end: item.end };
  }

  /** `lang:fr`, `site:example.com`, or a list `lang:(fr OR en)`. */
  private keywordNode(token: LexedToken, field: KeywordField): QueryAst {
    const open = this.peek() as LexedToken;
    if (open.type !== 'paren') return this.keywordValue(field, token.start);
    this.pos++;
    const items: QueryAst[] = [this.keywordValue(field)];
    while (this.isOperator(this.peek(), 'OR')) {
      this.pos++;
      items.push(this.keywordValue(field));
    }
    const close = this.peek();
    if (!this.isClose(close)) {
      throw querySyntaxError('unclosed_paren', close ? close.start : this.text.length, 1,
        `Closing parenthesis expected (values of ${field}: are separated by OR)`, `parenthèse fermante attendue (les valeurs de ${field}: sont séparées par OR)`);
    }
    this.pos++;
    const end = (close as LexedToken).end;
    return items.length === 1 ? { ...(items[0] as QueryAst), start: token.start, end } : { type: 'or', items, group: true, start: token.start, end };
  }

  private keywordValue(field: KeywordField, nodeStart?: number): QueryAst {
    const value = this.peek();
    if (!value || !['term', 'phrase', 'hashtag', 'mention', 'wildcard'].includes(value.type)) {
      const at = value ? value.start : this.text.length;
      throw querySyntaxError('field_value', at, 1, `A value is expected for ${field}:`, `une valeur est attendue pour ${field}:`);
    }
    this.pos++;
    this.countTerm(value.start, value.end);
    const raw = value.type === 'phrase' ? this.text.slice(value.start + 1, value.end - 1) : this.text.slice(value.start, value.end);
    const normalized = raw.trim().toLowerCase();
    if (normalized === '') {
      throw querySyntaxError('field_value', value.start, 1, `A value is expected for ${field}:`, `une valeur est attendue pour ${field}:`);
    }
    return { type: 'keyword', field, value: normalized, start: nodeStart ?? value.start, end: value.end };
  }
}

function combine(type: 'and' | 'or', items: QueryAst[]): QueryAst {
  const first = items[0] as QueryAst;
  const last = items[items.length - 1] as QueryAst;
  return { type, items, start: first.start, end: last.end };
}

function containsField(node: QueryAst): boolean {
  switch (node.type) {
    case 'field':
    case 'keyword':
    case 'raw':
      return true;
    case 'and':
    case 'or':
      return node.items.some(containsField);
    case 'not':
      return containsField(node.item);
    case 'near':
      return containsField(node.left) || containsField(node.right);
    default:
      return false;
  }
}

function checkNearOperand(node: QueryAst): void {
  const ok = (n: QueryAst): boolean =>
    n.type === 'term' || n.type === 'phrase' || n.type === 'wildcard' || n.type === 'near' || (n.type === 'or' && n.items.every(ok));
  if (!ok(node)) {
    throw querySyntaxError('near_operand', node.start, node.end - node.start,
      'NEAR only combines words, phrases, wildcards or OR groups', 'NEAR ne combine que des mots, expressions, jokers ou groupes OR');
  }
}
