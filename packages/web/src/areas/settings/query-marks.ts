import type { QueryTokenType, QueryValidation } from '@vigie/client';

export type QueryMark = QueryTokenType | 'error-mark';

/**
 * The spans of a query to colour: the server's tokens (spaces left plain), and the place the
 * syntax error points at, which replaces the tokens it overlaps. The error column is 1-based;
 * without a length from the server the whole token under that column is marked.
 *
 * @example
 * queryMarks('vigie AND', { valid: false, tokens: [...], warnings: [], error: { message: '…', column: 7 } });
 * // [..., { start: 6, end: 9, kind: 'error-mark' }]
 */
export function queryMarks(text: string, validation: QueryValidation | undefined): { start: number; end: number; kind: QueryMark }[] {
  if (validation === undefined) return [];
  const marks: { start: number; end: number; kind: QueryMark }[] = validation.tokens
    .filter((t) => t.type !== 'space')
    .map((t) => ({ start: t.start, end: t.end, kind: t.type }));
  const column = validation.error?.column;
  // A column past the end (a missing closing parenthesis) has no character to mark: the editor
  // shows an end-of-text marker instead (see isErrorPastEnd).
  if (column === undefined || column - 1 >= text.length) return marks;
  const start = Math.max(0, column - 1);
  const within = validation.tokens.find((t) => t.type !== 'space' && t.start <= start && start < t.end);
  const end = start + (validation.error?.length ?? (within ? within.end - start : 1));
  return [...marks.filter((m) => m.end <= start || m.start >= end), { start, end, kind: 'error-mark' }];
}

/** Whether the syntax error points just after the text (something is missing at the end). */
export function isErrorPastEnd(text: string, validation: QueryValidation | undefined): boolean {
  const column = validation?.error?.column;
  return column !== undefined && column - 1 >= text.length;
}
