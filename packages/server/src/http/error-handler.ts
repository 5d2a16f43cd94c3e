import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { AppError, ERROR_CODES, type ErrorDetail } from '@vigie/core';
import type { Logger } from '../logger';

/** The JSON every error answers with; `code` is a row of the error table (docs/errors.md). */
export function errorBody(error: AppError) {
  return { error: { code: error.code, message: error.message, details: error.details } };
}

export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.') || undefined, message: issue.message }));
}

/** Turns anything thrown into an AppError; unknown errors become `internal` (a bug). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return new AppError('validation_failed', 'Invalid input', zodDetails(error));
  if (error instanceof HTTPException) {
    const code = error.status === 413 ? 'payload_too_large' : error.status === 404 ? 'not_found' : error.status === 401 ? 'unauthenticated' : 'validation_failed';
    return new AppError(code, error.message || ERROR_CODES[code].summary);
  }
  return new AppError('internal', 'Internal error');
}

/** The one place errors become HTTP responses (the domain never imports HTTP). */
export function createErrorHandler(log: Logger) {
  return (error: unknown, c: Context) => {
    const appError = toAppError(error);
    // The intake URL's last segment is its secret token: never in the log.
    if (appError.code === 'internal') log.error({ err: error, path: c.req.path.replace(/^(\/api\/intake\/)[^/]+/, '$1[redacted]') }, 'unhandled error');
    if (appError.retryAfterMs !== undefined) c.header('Retry-After', String(Math.ceil(appError.retryAfterMs / 1000)));
    return c.json(errorBody(appError), appError.status as ContentfulStatusCode);
  };
}
