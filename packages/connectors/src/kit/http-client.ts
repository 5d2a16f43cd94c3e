/**
 * kit/http-client — the only way connectors reach the network. Every request gets a timeout, a
 * body-size cap enforced while streaming, redirects followed by hand (at most 5, each hop
 * re-checked) and sockets whose DNS lookup refuses private addresses (the check happens on the
 * address actually connected to, which stops DNS rebinding). Failures are `ConnectorError`s.
 */
import { pipeline } from 'node:stream';
import { Agent, request, type Dispatcher } from 'undici';
import { ConnectorError } from '../connector-error';
import { createPinnedLookup, resolveAllowedAddresses, type AddressPolicy } from './address-policy';
import { errorFromStatus } from './error-from-status';
import { openWebSocket, type WebSocketConnection, type WebSocketOptions } from './open-web-socket';
import { decoderFor, formatBytes, readCapped } from './read-capped';
import { fromTransportError } from './transport-error';

export interface HttpClientOptions extends AddressPolicy {
  /** Whole request, body included. Default 15 s. */
  timeoutMs?: number;
  /** Largest body accepted, after decompression. Default 10 MB. */
  maxBodyBytes?: number;
  userAgent?: string;
  /** Injected clock for `Retry-After` dates. */
  now?: () => Date;
}

export interface HttpRequestOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Default true: a 4xx/5xx answer throws its classified ConnectorError. False returns it (to read documented API error codes). */
  throwHttpErrors?: boolean;
}

/**
 * @example
 * const res = await http.get('https://blog.example/feed', { headers: { 'if-none-match': etag } });
 * if (res.status === 304) return notModified;
 */
export interface HttpResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  /** The URL after redirects. */
  url: string;
}

/**
 * @example
 * const http = createHttpClient({ allowPrivate: false });
 * const res = await http.get('https://blog.example/feed');
 */
export interface HttpClient {
  get(url: string, options?: HttpRequestOptions): Promise<HttpResponse>;
  post(url: string, body: string | Buffer, options?: HttpRequestOptions): Promise<HttpResponse>;
  /** A long-lived GET read chunk by chunk (SSE, streaming APIs); 4xx/5xx throw as for `get`. */
  stream(url: string, options?: HttpRequestOptions): Promise<HttpStream>;
  /** A WebSocket (ws/wss) under the same address policy; see open-web-socket.ts. */
  webSocket(url: string, options?: WebSocketOptions): Promise<WebSocketConnection>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

/**
 * @example
 * const res = await http.stream('https://mastodon.example/api/v1/streaming/hashtag?tag=vigie', { signal });
 * for await (const chunk of res.body) parser.push(chunk.toString('utf8'));
 */
export interface HttpStream {
  status: number;
  headers: Record<string, string>;
  url: string;
  body: AsyncIterable<Buffer>;
}

interface OpenResponse {
  status: number;
  headers: Record<string, string>;
  body: Dispatcher.ResponseData['body'];
  url: URL;
}

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that must not follow a redirect to another origin. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** A stream whose transport failures arrive as ConnectorErrors, like everything else from kit. */
async function* guarded(source: AsyncIterable<Buffer>, url: string, callerSignal: AbortSignal | undefined): AsyncIterable<Buffer> {
  try {
    for await (const chunk of source) yield chunk;
  } catch (error) {
    if (callerSignal?.aborted === true) throw callerSignal.reason;
    throw fromTransportError(error, url, 0);
  }
}

/**
 * Builds the HTTP client connectors receive in their context.
 *
 * @example
 * const http = createHttpClient({ allowPrivate: config.allowPrivateUrls, timeoutMs: 10_000 });
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const userAgent = options.userAgent ?? 'Vigie/0.1 (self-hosted social listening; +https://github.com/vigie-app/vigie)';
  const now = options.now ?? (() => new Date());
  const agent = new Agent({
    connect: { lookup: createPinnedLookup(options), timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });

  /** Follows redirects (each hop re-checked) and returns the first non-redirect answer, body unread. */
  async function open(method: 'GET' | 'POST', startUrl: string, body: string | Buffer | undefined, requestOptions: HttpRequestOptions, signal: AbortSignal, hops: { url: URL }): Promise<OpenResponse> {
    let headers: Record<string, string> = { 'user-agent': userAgent, 'accept-encoding': 'gzip, deflate, br', ...lowerKeys(requestOptions.headers ?? {}) };
    let currentMethod = method;
    let currentBody = body;
    for (let hop = 0; ; hop += 1) {
      const url = hops.url;
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new ConnectorError('blocked_url', `${url.protocol} URLs are not allowed: only http and https`);
      }
      // Checked before every hop: literal IPs never reach the pinned lookup, and a readable
      // message naming the URL beats a socket error. The pinned lookup still guards the connect.
      await resolveAllowedAddresses(url.hostname, options, url.href);
      const response = await request(url, { method: currentMethod, headers, body: currentBody, signal, dispatcher: agent });
      const responseHeaders = flattenHeaders(response.headers);
      const location = responseHeaders.location;
      if (!REDIRECT_STATUSES.has(response.statusCode) || location === undefined) return { status: response.statusCode, headers: responseHeaders, body: response.body, url };
      // dump() discards the rest quietly; destroy() would surface an abort error nobody awaits.
      await response.body.dump();
      if (hop >= MAX_REDIRECTS) throw new ConnectorError('upstream_unavailable', `${startUrl} redirected more than ${MAX_REDIRECTS} times`);
      const next = new URL(location, url);
      if (next.origin !== url.origin) headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.includes(name)));
      if (response.statusCode === 303 || (currentMethod === 'POST' && response.statusCode !== 307 && response.statusCode !== 308)) {
        currentMethod = 'GET';
        currentBody = undefined;
      }
      hops.url = next;
    }
  }

  /** Reads a whole answer (capped) and classifies error statuses. */
  async function readAll(opened: OpenResponse, requestOptions: HttpRequestOptions): Promise<HttpResponse> {
    const declared = Number(opened.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBodyBytes && opened.headers['content-encoding'] === undefined) {
      await opened.body.dump({ limit: 0 });
      throw new ConnectorError('too_large', `the response from ${opened.url.href} exceeded ${formatBytes(maxBodyBytes)}`, { status: opened.status });
    }
    const payload = await readCapped(opened.body, opened.headers['content-encoding'], maxBodyBytes, opened.url.href);
    const result: HttpResponse = { status: opened.status, headers: opened.headers, body: payload, url: opened.url.href };
    if (requestOptions.throwHttpErrors !== false) {
      const failure = errorFromStatus(result.status, opened.url.href, opened.headers, now());
      if (failure !== undefined) throw failure;
    }
    return result;
  }

  function failureOf(error: unknown, url: URL, requestOptions: HttpRequestOptions, timer: AbortController): unknown {
    if (requestOptions.signal?.aborted === true) return requestOptions.signal.reason;
    if (timer.signal.aborted) return new ConnectorError('timeout', `no complete answer from ${url.href} within ${timeoutMs / 1000} s`, { cause: error });
    return fromTransportError(error, url.href, timeoutMs);
  }

  async function send(method: 'GET' | 'POST', startUrl: string, body: string | Buffer | undefined, requestOptions: HttpRequestOptions): Promise<HttpResponse> {
    if (!URL.canParse(startUrl)) throw new ConnectorError('invalid_request', `"${startUrl}" is not a valid URL`);
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), timeoutMs);
    const signal = requestOptions.signal === undefined ? timer.signal : AbortSignal.any([requestOptions.signal, timer.signal]);
    const hops = { url: new URL(startUrl) };
    try {
      return await readAll(await open(method, startUrl, body, requestOptions, signal, hops), requestOptions);
    } catch (error) {
      throw failureOf(error, hops.url, requestOptions, timer);
    } finally {
      clearTimeout(timeout);
    }
  }

  /**
   * A long-lived GET (server-sent events, streaming APIs): same checks, the timeout applies until
   * the headers and then between chunks (undici bodyTimeout), no size cap on the whole stream.
   */
  async function stream(startUrl: string, requestOptions: HttpRequestOptions): Promise<HttpStream> {
    if (!URL.canParse(startUrl)) throw new ConnectorError('invalid_request', `"${startUrl}" is not a valid URL`);
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), timeoutMs);
    const signal = requestOptions.signal === undefined ? timer.signal : AbortSignal.any([requestOptions.signal, timer.signal]);
    const hops = { url: new URL(startUrl) };
    try {
      const opened = await open('GET', startUrl, undefined, requestOptions, signal, hops);
      if (opened.status >= 400) await readAll(opened, { ...requestOptions, throwHttpErrors: true });
      const decoder = decoderFor(opened.headers['content-encoding']);
      const source: AsyncIterable<Buffer> = decoder === undefined ? opened.body : (pipeline(opened.body, decoder, () => undefined) as unknown as AsyncIterable<Buffer>);
      return { status: opened.status, headers: opened.headers, url: opened.url.href, body: guarded(source, opened.url.href, requestOptions.signal) };
    } catch (error) {
      throw failureOf(error, hops.url, requestOptions, timer);
    } finally {
      clearTimeout(timeout);
    }
  }

  return {
    get: (url, requestOptions = {}) => send('GET', url, undefined, requestOptions),
    post: (url, body, requestOptions = {}) => send('POST', url, body, requestOptions),
    stream: (url, requestOptions = {}) => stream(url, requestOptions),
    webSocket: (url, socketOptions = {}) => openWebSocket(url, options, { userAgent, timeoutMs, maxMessageBytes: maxBodyBytes }, socketOptions),
    close: () => agent.close(),
  };
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
