/**
 * Errors as a table of stable codes. The domain throws `AppError(code, …)`; the server maps the
 * code to an HTTP status and the CLI to an exit code, both read from this one table.
 * Every code is documented in docs/errors.md (a test fails when one is missing).
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, exit: 2, summary: 'The input is invalid; `details` lists each field and reason.' },
  query_syntax: { status: 400, exit: 2, summary: 'A listening query does not parse; `details` gives the column.' },
  unauthenticated: { status: 401, exit: 3, summary: 'No valid session or token was given.' },
  forbidden: { status: 403, exit: 3, summary: 'The caller may not do this.' },
  not_found: { status: 404, exit: 4, summary: 'The resource does not exist (or is not visible to the caller).' },
  conflict: { status: 409, exit: 5, summary: 'The resource already exists or changed meanwhile.' },
  payload_too_large: { status: 413, exit: 2, summary: 'The request body or file is larger than allowed.' },
  rate_limited: { status: 429, exit: 6, summary: 'Too many requests; retry after the given delay.' },
  source_failed: { status: 502, exit: 7, summary: 'A source could not be fetched; `details` has the connector error code.' },
  database_unavailable: { status: 503, exit: 8, summary: 'The database cannot be opened (locked, not a database, unreachable).' },
  config_invalid: { status: 500, exit: 9, summary: 'The configuration is invalid; every problem is listed at once.' },
  internal: { status: 500, exit: 1, summary: 'An unexpected error (a bug); the log has the details.' },
} as const satisfies Record<string, { status: number; exit: number; summary: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem in the input: where (field path, or line/column) and why. */
export interface ErrorDetail {
  field?: string;
  line?: number;
  column?: number;
  message: string;
}

/**
 * @example
 * throw new AppError('not_found', 'Topic 42 does not exist');
 * throw new AppError('validation_failed', 'Invalid topic', [{ field: 'kind', message: 'expected brand|product|…' }]);
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
