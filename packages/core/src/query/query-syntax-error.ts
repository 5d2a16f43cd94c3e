/**
 * Syntax errors of listening queries, in English and French. The thrown `AppError` carries one
 * detail: `column` (1-based), `length` (characters to underline), `message` (English) and
 * `messageFr` (French); `formatQueryError` picks the language.
 */
import { AppError, type ErrorDetail } from '../errors';

/** The detail of a `query_syntax` error. */
export interface QuerySyntaxDetail extends ErrorDetail {
  column: number;
  length: number;
  message: string;
  messageFr: string;
  /** Stable reason, e.g. `unclosed_paren`. */
  reason: string;
}

/** Builds the error for a problem at `start` (0-based offset), underlining `length` characters. */
export function querySyntaxError(reason: string, start: number, length: number, en: string, fr: string): AppError {
  const column = start + 1;
  const detail: QuerySyntaxDetail = {
    column,
    length: Math.max(1, length),
    message: `${en} at column ${column}`,
    messageFr: `${fr} en colonne ${column}`,
    reason,
  };
  return new AppError('query_syntax', detail.message, [detail]);
}

/**
 * The message of a query syntax error in the user's language (falls back to `error.message`).
 *
 * @example
 * try { parseQuery('(vigie'); } catch (e) { formatQueryError(e, 'fr'); } // 'parenthèse fermante attendue en colonne 7'
 */
export function formatQueryError(error: unknown, locale: 'fr' | 'en'): string {
  if (!(error instanceof AppError)) return error instanceof Error ? error.message : String(error);
  const detail = error.details[0] as Partial<QuerySyntaxDetail> | undefined;
  if (locale === 'fr' && detail?.messageFr) return detail.messageFr;
  return detail?.message ?? error.message;
}
