/**
 * The one error type connectors and kit/ throw. Its `code` is stable and documented in
 * docs/connectors/errors.md; the server stores it in the source's health and maps it to
 * `source_failed` (with the code in details) when a user asks for a fetch.
 */

/** Codes classified from the network's answer (status codes, documented API error codes). */
export const UPSTREAM_ERROR_CODES = [
  'auth_expired',
  'forbidden',
  'not_found',
  'rate_limited',
  'invalid_request',
  'upstream_unavailable',
] as const;

/** Codes for our own refusals and limits. */
export const LOCAL_ERROR_CODES = ['invalid_payload', 'timeout', 'too_large', 'blocked_url'] as const;

export const CONNECTOR_ERROR_CODES = [...UPSTREAM_ERROR_CODES, ...LOCAL_ERROR_CODES] as const;

export type ConnectorErrorCode = (typeof CONNECTOR_ERROR_CODES)[number];

export interface ConnectorErrorOptions {
  /** HTTP status of the answer that caused it, when there was one. */
  status?: number;
  /** How long to wait before trying again (from `Retry-After`, or our own backoff hint). */
  retryAfterMs?: number;
  /** Where in the payload the problem is (parsers), for `invalid_payload`. */
  line?: number;
  column?: number;
  cause?: unknown;
}

/**
 * @example
 * throw new ConnectorError('not_found', 'HTTP 404 from https://blog.example/feed: the feed does not exist', { status: 404 });
 * if (isConnectorError(e) && e.code === 'rate_limited') scheduleIn(e.retryAfterMs ?? 60_000);
 */
export class ConnectorError extends Error {
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly line?: number;
  readonly column?: number;

  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
    options: ConnectorErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConnectorError';
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.line = options.line;
    this.column = options.column;
  }

  /** Plain object for health records and API answers (no stack, no cause). */
  toJSON(): { code: ConnectorErrorCode; message: string; status?: number; retryAfterMs?: number; line?: number; column?: number } {
    return { code: this.code, message: this.message, status: this.status, retryAfterMs: this.retryAfterMs, line: this.line, column: this.column };
  }
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}
