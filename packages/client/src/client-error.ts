import type { ErrorDetail } from '@vigie/core';

/**
 * An error answered by the Vigie API (or a failure to reach it), parsed from the error JSON
 * `{"error": {"code", "message", "details"}}` so callers branch on a stable `code`, never on text.
 *
 * @example
 * try { await api.topics.get('nope'); }
 * catch (e) { if (e instanceof ClientError && e.code === 'not_found') showNotFound(); }
 */
export class ClientError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** A code from the error table (docs/errors.md), or `network` / `invalid_response` on the client side. */
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Seconds to wait before retrying, from `Retry-After` (429 answers). */
    readonly retryAfterSec?: number,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

export function isClientError(error: unknown): error is ClientError {
  return error instanceof ClientError;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** Builds a ClientError from a failed response, whatever its body holds. */
export async function parseClientError(response: Response): Promise<ClientError> {
  const text = await response.text();
  const retryHeader = Number(response.headers.get('retry-after'));
  const retryAfterSec = Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined;
  let body: ErrorBody | undefined;
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    // Not JSON (a proxy page, a crash): keep the status and a short excerpt so the user sees something.
    return new ClientError(response.status, 'invalid_response', text.slice(0, 200) || response.statusText, [], retryAfterSec);
  }
  const error = body?.error;
  const code = typeof error?.code === 'string' ? error.code : 'internal';
  const message = typeof error?.message === 'string' ? error.message : response.statusText;
  const details = Array.isArray(error?.details) ? (error.details as ErrorDetail[]) : [];
  return new ClientError(response.status, code, message, details, retryAfterSec);
}
