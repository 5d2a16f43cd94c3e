/**
 * Translation of a query to an `FtsPlan` for searching stored history with SQLite FTS5 or
 * PostgreSQL full-text search. The plan is a SUPERSET of the true matches on text and title:
 * callers confirm each candidate with the matcher. Hence:
 *
 * - phrases and NEAR become AND of words (the database sees elided articles we drop, and
 *   splits `_`), NOT is left out (a database word is not always one of our words), and fields
 *   other than title (lang, author, site…) are left to the caller;
 * - FTS5 `unicode61 remove_diacritics 2` keeps œ, æ, ß as letters, so a word with oe/ae/ss also
 *   asks for its ligature spellings.
 */
import type { FtsPlan } from '../ports/store';
import type { QueryAst } from './query-ast';
import { ELISIONS, tokenizeText } from './tokenize-document';

type Scope = 'default' | 'title' | 'author';

/** Spellings of one folded word the database may hold (œ for oe, æ for ae, ß for ss). */
const LIGATURES: [string, string][] = [['oe', 'œ'], ['ae', 'æ'], ['ss', 'ß']];
/** Past this many spellings the word is not used to narrow (the plan stays a superset). */
const MAX_VARIANTS = 16;

/**
 * @example
 * toFtsPlan(parseQuery('"jus d\'orange" NOT pulpe')); // { kind: 'and', items: [term jus, term orange] }
 * toFtsPlan(parseQuery('NOT emploi')); // null: scan everything, confirm with the matcher
 */
export function toFtsPlan(ast: QueryAst): FtsPlan | null {
  return plan(ast, 'default');
}

function plan(node: QueryAst, scope: Scope): FtsPlan | null {
  if (scope === 'author') return null;
  switch (node.type) {
    case 'term':
      return wordPlan(node.value, false);
    case 'phrase':
      return and(node.words.map((w) => wordPlan(w.value, false)));
    case 'wildcard': {
      const cut = [node.pattern.indexOf('?'), node.pattern.indexOf('*')].filter((i) => i >= 0);
      const prefix = node.pattern.slice(0, Math.min(...cut));
      return prefix === '' ? null : wordPlan(prefix, true);
    }
    case 'raw': {
      const tokens = tokenizeText(node.value);
      const last = tokens[tokens.length - 1];
      if (last && last.kind === 'word' && ELISIONS.has(last.value)) tokens.pop();
      return and(tokens.map((t) => wordPlan(t.value, false)));
    }
    case 'keyword':
    case 'not':
      return null;
    case 'field':
      return plan(node.item, node.field);
    case 'near':
      return and([plan(node.left, scope), plan(node.right, scope)]);
    case 'and':
      return and(node.items.map((item) => plan(item, scope)));
    case 'or': {
      const items = node.items.map((item) => plan(item, scope));
      if (items.some((item) => item === null)) return null;
      return flatten('or', items as FtsPlan[]);
    }
  }
}

/** AND of the parts that narrow; parts that cannot (null) are simply not required. */
function and(items: (FtsPlan | null)[]): FtsPlan | null {
  const kept = items.filter((item): item is FtsPlan => item !== null);
  return kept.length === 0 ? null : flatten('and', kept);
}

function flatten(kind: 'and' | 'or', items: FtsPlan[]): FtsPlan {
  const flat = items.flatMap((item) => (item.kind === kind ? item.items : [item]));
  const unique = [...new Map(flat.map((item) => [JSON.stringify(item), item])).values()];
  return unique.length === 1 ? (unique[0] as FtsPlan) : { kind, items: unique };
}

/** One folded word: `_` splits it into database words; ligature spellings are OR-ed. */
function wordPlan(value: string, prefix: boolean): FtsPlan | null {
  const runs = value.split('_').filter((r) => r !== '');
  const parts: (FtsPlan | null)[] = runs.map((run, i) => {
    const isPrefix = prefix && i === runs.length - 1 && !value.endsWith('_');
    const spellings = variants(run, isPrefix);
    if (spellings.length > MAX_VARIANTS) return null;
    const terms: FtsPlan[] = spellings.map((s) => (isPrefix ? { kind: 'term', value: s, prefix: true } : { kind: 'term', value: s }));
    return terms.length === 1 ? (terms[0] as FtsPlan) : { kind: 'or', items: terms };
  });
  return and(parts);
}

/** Every spelling whose folding is `run` (each oe/ae/ss may be a ligature; overlaps included). */
function variants(run: string, prefix: boolean): string[] {
  const out: string[] = [];
  const walk = (i: number, acc: string): void => {
    if (out.length > MAX_VARIANTS) return;
    if (i === run.length) {
      out.push(acc);
      return;
    }
    const ch = run[i] as string;
    walk(i + 1, acc + ch);
    const pair = LIGATURES.find(([folded]) => run.startsWith(folded, i));
    if (pair) walk(i + 2, acc + pair[1]);
    // A prefix ending in o, a or s may stop in the middle of œ, æ or ß.
    const tail = prefix && i === run.length - 1 ? LIGATURES.find(([folded]) => folded[0] === ch) : undefined;
    if (tail) walk(i + 1, acc + tail[1]);
  };
  walk(0, '');
  return out;
}
