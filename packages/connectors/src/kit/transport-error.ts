/**
 * Failures without an HTTP answer (refused, reset, DNS, TLS, timeouts) as ConnectorErrors,
 * classified by their error code, never by their text.
 */
import { ConnectorError, isConnectorError } from '../connector-error';

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ENOTFOUND: 'the host name could not be resolved',
  EAI_AGAIN: 'the host name could not be resolved (temporary DNS failure)',
  UND_ERR_SOCKET: 'the connection was closed unexpectedly',
};

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** Maps a transport failure (no HTTP answer) to a ConnectorError, by error code only. */
export function fromTransportError(error: unknown, url: string, timeoutMs: number): ConnectorError {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if (isConnectorError(current)) return current;
  }
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (TIMEOUT_CODES.has(code)) {
    return new ConnectorError('timeout', timeoutMs > 0 ? `no answer from ${url} within ${timeoutMs / 1000} s` : `${url} stopped sending data`, { cause: error });
  }
  const reason = NETWORK_REASONS[code] ?? (code.startsWith('ERR_TLS') || code.includes('CERT') ? `TLS error (${code})` : `network error (${code || 'unknown'})`);
  return new ConnectorError('upstream_unavailable', `could not fetch ${url}: ${reason}`, { cause: error });
}
