/**
 * Highlights for the query preview: where the query's words, phrases and raw strings occur in a
 * post, as spans of the ORIGINAL text and title (what the user reads), merged and sorted.
 */
import type { MatchableDocument } from '../ports/matcher';
import { fieldsOf, leafSpans, rawOccurrences, type QueryScope } from './evaluate-query';
import type { QueryAst } from './query-ast';
import { tokenizeDocument } from './tokenize-document';

export interface Highlight {
  field: 'text' | 'title';
  start: number;
  end: number;
}

/**
 * Spans of the positive parts of the query (excluded words are not highlighted).
 *
 * @example
 * highlightMatches(parseQuery('orange'), { text: "Un jus d'Orange" }); // [{ field: 'text', start: 9, end: 15 }]
 */
export function highlightMatches(ast: QueryAst, doc: MatchableDocument): Highlight[] {
  const tokens = tokenizeDocument(doc);
  const found: Highlight[] = [];
  const collect = (node: QueryAst, scope: QueryScope): void => {
    switch (node.type) {
      case 'and':
      case 'or':
        node.items.forEach((item) => collect(item, scope));
        return;
      case 'field':
        if (node.field === 'title') collect(node.item, 'title');
        return;
      case 'not':
      case 'keyword':
        return;
      case 'raw':
        for (const f of fieldsOf(tokens, scope)) {
          if (f.field === 'author') continue;
          for (const at of rawOccurrences(f.source, node.value)) found.push({ field: f.field, start: at, end: at + node.value.length });
        }
        return;
      default:
        for (const f of fieldsOf(tokens, scope)) {
          if (f.field === 'author') continue;
          for (const [s, e] of leafSpans(node, f)) {
            const first = f.tokens[s];
            const last = f.tokens[e];
            if (first && last) found.push({ field: f.field, start: first.start, end: last.end });
          }
        }
    }
  };
  collect(ast, 'default');
  return merge(found);
}

function merge(spans: Highlight[]): Highlight[] {
  const sorted = [...spans].sort((a, b) => (a.field === b.field ? a.start - b.start || a.end - b.end : a.field === 'text' ? -1 : 1));
  const out: Highlight[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && last.field === span.field && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}
