/**
 * WebSocket connections through kit/: the same SSRF policy as HTTP (pre-check with a readable
 * message, then the pinned lookup on the socket itself), no redirects, a per-message size cap,
 * an idle timeout, and failures as ConnectorErrors. For firehoses such as Bluesky's Jetstream.
 */
import WebSocket from 'ws';
import { ConnectorError } from '../connector-error';
import { createPinnedLookup, resolveAllowedAddresses, type AddressPolicy } from './address-policy';
import { errorFromStatus } from './error-from-status';
import { formatBytes } from './read-capped';
import { fromTransportError } from './transport-error';

export interface WebSocketOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * An open connection. `messages` ends when the server closes normally or `close()` is called;
 * it throws a ConnectorError when the connection fails or goes silent.
 *
 * @example
 * const socket = await http.webSocket('wss://jetstream2.us-east.bsky.network/subscribe?wantedCollections=app.bsky.feed.post', { signal });
 * for await (const message of socket.messages) handle(JSON.parse(message));
 */
export interface WebSocketConnection {
  messages: AsyncIterable<string>;
  send(data: string): void;
  close(): void;
}

export interface WebSocketLimits {
  userAgent: string;
  /** Handshake timeout, and the longest silence accepted between two messages. */
  timeoutMs: number;
  /** Largest single message. */
  maxMessageBytes: number;
}

/** How many unread messages are buffered before the socket is paused (backpressure). */
const HIGH_WATER = 1000;

/**
 * @example
 * const socket = await openWebSocket('wss://stream.example/', { allowPrivate: false }, limits, { signal });
 */
export async function openWebSocket(input: string, policy: AddressPolicy, limits: WebSocketLimits, options: WebSocketOptions = {}): Promise<WebSocketConnection> {
  if (!URL.canParse(input)) throw new ConnectorError('invalid_request', `"${input}" is not a valid URL`);
  const url = new URL(input);
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new ConnectorError('blocked_url', `${url.protocol} URLs are not allowed here: only ws and wss`);
  await resolveAllowedAddresses(url.hostname, policy, url.href);
  const socket = new WebSocket(url, {
    headers: { 'user-agent': limits.userAgent, ...options.headers },
    lookup: createPinnedLookup(policy),
    // Our own timer (below) reports the handshake timeout; ws's is only a backstop.
    handshakeTimeout: limits.timeoutMs * 2,
    maxPayload: limits.maxMessageBytes,
    followRedirects: false,
  });

  const queue: string[] = [];
  let failure: unknown;
  let ended = false;
  let wake: (() => void) | undefined;
  let idle: NodeJS.Timeout | undefined;
  let opened = false;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  const finish = (error?: unknown): void => {
    if (ended) return;
    ended = true;
    failure = error;
    clearTimeout(idle);
    options.signal?.removeEventListener('abort', onAbort);
    if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.terminate();
    notify();
  };
  const armIdle = (): void => {
    clearTimeout(idle);
    idle = setTimeout(() => finish(new ConnectorError('timeout', `${url.href} sent nothing for ${limits.timeoutMs / 1000} s`)), limits.timeoutMs);
  };
  const onAbort = (): void => finish(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });

  socket.on('message', (data: WebSocket.RawData) => {
    armIdle();
    queue.push(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'));
    if (queue.length >= HIGH_WATER) socket.pause();
    notify();
  });
  socket.on('close', () => finish(failure));

  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown): void => {
      clearTimeout(handshake);
      finish(error);
      reject(error);
    };
    const handshake = setTimeout(() => fail(new ConnectorError('timeout', `${url.href} did not open the WebSocket within ${limits.timeoutMs / 1000} s`)), limits.timeoutMs);
    socket.once('open', () => {
      opened = true;
      clearTimeout(handshake);
      armIdle();
      resolve();
    });
    socket.once('unexpected-response', (_request, response) => {
      const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
      const status = response.statusCode ?? 0;
      response.resume();
      fail(errorFromStatus(status, url.href, headers) ?? new ConnectorError('upstream_unavailable', `${url.href} answered HTTP ${status} instead of opening a WebSocket`, { status }));
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!opened && !ended) {
        fail(fromTransportError(error, url.href, limits.timeoutMs));
        return;
      }
      if (failure !== undefined) return;
      failure =
        error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
          ? new ConnectorError('too_large', `a message from ${url.href} exceeded ${formatBytes(limits.maxMessageBytes)}`)
          : fromTransportError(error, url.href, limits.timeoutMs);
    });
    if (options.signal?.aborted === true) fail(options.signal.reason);
    options.signal?.addEventListener('abort', () => fail(options.signal?.reason), { once: true });
  });

  async function* messages(): AsyncIterable<string> {
    for (;;) {
      const next = queue.shift();
      if (next !== undefined) {
        if (queue.length < HIGH_WATER / 2 && socket.isPaused) socket.resume();
        yield next;
        continue;
      }
      if (ended) {
        if (failure !== undefined) throw failure;
        return;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  }

  return {
    messages: messages(),
    send: (data) => socket.send(data),
    close: () => {
      socket.close(1000);
      finish();
    },
  };
}
