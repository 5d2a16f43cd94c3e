/**
 * The query lexer: splits a listening query into typed spans. It never throws (the web editor
 * colours what the user is typing); problems become `error` tokens the parser reports.
 */

export type QueryTokenType =
  | 'term' | 'phrase' | 'operator' | 'field' | 'paren' | 'wildcard' | 'hashtag' | 'mention' | 'near' | 'error' | 'space';

/** One span of the query text (0-based, `end` exclusive). */
export interface QueryToken {
  type: QueryTokenType;
  start: number;
  end: number;
}

/** What the parser needs beyond the span. */
export interface LexedToken extends QueryToken {
  /** Field name for `field`; `AND`/`OR`/`NOT` for operators (`-` is `NOT`). */
  name?: string;
  distance?: number;
  ordered?: boolean;
  /** For `{Case}` terms. */
  caseSensitive?: boolean;
  /** For `error` tokens: unclosed_quote, unclosed_brace, bad_near. */
  reason?: string;
}

const FIELD_NAMES = new Set(['lang', 'author', 'site', 'url', 'connector', 'title', 'country', 'raw']);

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000;
}

function isRunStop(code: number): boolean {
  return isSpace(code) || code === 40 || code === 41 || code === 34 || code === 123 || code === 125;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Reads `NEAR/12` or `NEAR/12f`; undefined when malformed. */
function readNear(word: string): { distance: number; ordered: boolean } | undefined {
  if (!word.startsWith('NEAR/')) return undefined;
  let i = 5;
  while (i < word.length && isDigit(word.charCodeAt(i))) i++;
  if (i === 5 || i - 5 > 6) return undefined;
  const rest = word.slice(i);
  if (rest !== '' && rest !== 'f' && rest !== 'F') return undefined;
  return { distance: Number(word.slice(5, i)), ordered: rest !== '' };
}

/**
 * Internal lexer used by the parser: spans plus operator names, NEAR distances, field names.
 */
export function lexQueryDetailed(text: string): LexedToken[] {
  const tokens: LexedToken[] = [];
  const n = text.length;
  let i = 0;
  let afterValueStart = true;
  while (i < n) {
    const code = text.charCodeAt(i);
    const start = i;
    if (isSpace(code)) {
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      tokens.push({ type: 'space', start, end: i });
      afterValueStart = true;
      continue;
    }
    const atBoundary = afterValueStart;
    afterValueStart = false;
    if (code === 40 || code === 41) {
      tokens.push({ type: 'paren', start, end: i + 1 });
      i++;
      afterValueStart = code === 40;
      continue;
    }
    if (code === 34 || code === 123) {
      const close = text.indexOf(code === 34 ? '"' : '}', i + 1);
      if (close < 0) {
        tokens.push({ type: 'error', start, end: n, reason: code === 34 ? 'unclosed_quote' : 'unclosed_brace' });
        break;
      }
      i = close + 1;
      tokens.push(code === 34 ? { type: 'phrase', start, end: i } : { type: 'term', start, end: i, caseSensitive: true });
      if (code === 34 && text.charCodeAt(i) === 126 && isDigit(text.charCodeAt(i + 1))) {
        let j = i + 1;
        while (j < n && isDigit(text.charCodeAt(j))) j++;
        tokens.push({ type: 'near', start: i, end: j, distance: Number(text.slice(i + 1, j)), ordered: false, name: '~' });
        i = j;
      }
      continue;
    }
    if (code === 125) {
      tokens.push({ type: 'error', start, end: i + 1, reason: 'unexpected_brace' });
      i++;
      continue;
    }
    if (code === 45 && atBoundary && i + 1 < n && !isSpace(text.charCodeAt(i + 1)) && text.charCodeAt(i + 1) !== 41) {
      tokens.push({ type: 'operator', start, end: i + 1, name: 'NOT' });
      i++;
      afterValueStart = true;
      continue;
    }
    let j = i;
    while (j < n && !isRunStop(text.charCodeAt(j))) j++;
    const word = text.slice(i, j);
    const colon = word.indexOf(':');
    if (colon > 0 && FIELD_NAMES.has(word.slice(0, colon).toLowerCase())) {
      tokens.push({ type: 'field', start, end: i + colon + 1, name: word.slice(0, colon).toLowerCase() });
      i += colon + 1;
      continue;
    }
    i = j;
    if (word === 'AND' || word === 'OR' || word === 'NOT') {
      tokens.push({ type: 'operator', start, end: j, name: word });
      afterValueStart = true;
      continue;
    }
    if (word === 'NEAR' || word.startsWith('NEAR/')) {
      const near = readNear(word);
      tokens.push(near ? { type: 'near', start, end: j, name: 'NEAR', ...near } : { type: 'error', start, end: j, reason: 'bad_near' });
      afterValueStart = true;
      continue;
    }
    const isWildcard = word.includes('*') || word.includes('?');
    const first = word.charCodeAt(0);
    const type = isWildcard ? 'wildcard' : first === 35 ? 'hashtag' : first === 64 ? 'mention' : 'term';
    tokens.push({ type, start, end: j });
  }
  return tokens;
}

/**
 * Splits a query into typed spans for syntax highlighting; never throws.
 *
 * @example
 * lexQuery('vigie NEAR/3 app'); // [{type:'term',start:0,end:5},{type:'space',…},{type:'near',start:6,end:12},…]
 */
export function lexQuery(text: string): QueryToken[] {
  return lexQueryDetailed(text).map(({ type, start, end }) => ({ type, start, end }));
}
