import { ConnectorError } from '../connector-error';
import { parseRetryAfter } from './parse-retry-after';

/** Why, in words a user understands, for the statuses we classify. */
const READABLE: Record<number, string> = {
  400: 'the request was refused as invalid',
  401: 'the credentials are missing or expired',
  403: 'access is forbidden',
  404: 'the resource does not exist',
  405: 'the method is not allowed',
  408: 'the server timed out waiting for the request',
  410: 'the resource is gone',
  413: 'the request is too large',
  422: 'the request was refused as invalid',
  429: 'too many requests (rate limited)',
  500: 'the server had an internal error',
  502: 'the server is unreachable behind its gateway',
  503: 'the server is temporarily unavailable',
  504: 'the server timed out behind its gateway',
};

/**
 * Classifies a non-success HTTP answer by its status code alone (never by its text).
 * Returns undefined for 2xx/3xx. `what` names the thing fetched for the message ("the feed").
 *
 * @example
 * errorFromStatus(404, 'https://blog.example/feed', headers); // ConnectorError not_found "HTTP 404 from https://blog.example/feed: the resource does not exist"
 */
export function errorFromStatus(
  status: number,
  url: string,
  headers: Record<string, string | undefined> = {},
  now: Date = new Date(),
): ConnectorError | undefined {
  if (status < 400) return undefined;
  const reason = READABLE[status] ?? (status >= 500 ? 'the server failed' : 'the request was refused');
  const message = `HTTP ${status} from ${url}: ${reason}`;
  const retryAfterMs = parseRetryAfter(headers['retry-after'], now);
  const options = { status, retryAfterMs };
  if (status === 401) return new ConnectorError('auth_expired', message, options);
  if (status === 403) return new ConnectorError('forbidden', message, options);
  if (status === 404 || status === 410) return new ConnectorError('not_found', message, options);
  if (status === 429) return new ConnectorError('rate_limited', message, options);
  if (status >= 500 || status === 408) return new ConnectorError('upstream_unavailable', message, options);
  return new ConnectorError('invalid_request', message, options);
}
