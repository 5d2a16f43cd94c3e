import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../conformance/fixture-server';
import { ConnectorError } from '../connector-error';
import { createHttpClient, type HttpClient } from './http-client';

let server: FixtureServer;
let http: HttpClient;

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

beforeAll(async () => {
  server = await startFixtureServer({
    '/ok': { status: 200, headers: { 'content-type': 'text/plain', etag: '"v1"' }, body: 'bonjour' },
    '/gz': { status: 200, headers: { 'content-encoding': 'gzip' }, body: gzipSync('compressé') },
    '/bomb': { status: 200, headers: { 'content-encoding': 'gzip' }, body: gzipSync(Buffer.alloc(3 * 1024 * 1024)) },
    '/big': { status: 200, headers: { 'content-type': 'application/xml' }, streamBytes: 3 * 1024 * 1024 },
    '/slow': { status: 200, body: 'late', delayMs: 3_000 },
    '/r1': { status: 302, headers: { location: '/r2' } },
    '/r2': { status: 301, headers: { location: '/ok' } },
    '/loop': { status: 302, headers: { location: '/loop' } },
    '/to-metadata': { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } },
    '/to-file': { status: 302, headers: { location: 'file:///etc/passwd' } },
    '/to-rebind': { status: 302, headers: { location: 'http://rebind.test/' } },
    '/gone': { status: 404, body: 'missing' },
    '/busy': { status: 429, headers: { 'retry-after': '7' } },
    '/events': {
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
      chunks: [
        { data: 'event: update\ndata: {"id":"1"}\n\n', delayMs: 0 },
        { data: 'event: update\ndata: {"id":"2"}\n\n', delayMs: 600 },
        { data: 'event: update\ndata: {"id":"3"}\n\n', delayMs: 600 },
      ],
    },
    '/stalled': { status: 200, headers: { 'content-type': 'text/event-stream' }, chunks: [{ data: ':ok\n\n', delayMs: 0 }], keepOpen: true },
    '/private-stream': { status: 401, body: '{"error":"The access token is invalid"}' },
  });
  http = createHttpClient({ allowPrivate: true, maxBodyBytes: 1024 * 1024, timeoutMs: 1_000 });
});

afterAll(async () => {
  await http.close();
  await server.close();
});

describe('createHttpClient', () => {
  it('returns status, lower-case headers, body and final URL', async () => {
    const res = await http.get(server.url('/ok'));
    expect(res).toMatchObject({ status: 200, url: server.url('/ok') });
    expect(res.headers.etag).toBe('"v1"');
    expect(res.body.toString()).toBe('bonjour');
  });

  it('sends a user agent and the caller headers', async () => {
    await http.get(server.url('/ok'), { headers: { 'If-None-Match': '"v0"' } });
    const seen = server.requests.at(-1)?.headers;
    expect(seen?.['if-none-match']).toBe('"v0"');
    expect(String(seen?.['user-agent'])).toMatch(/^Vigie\//);
  });

  it('decompresses gzip', async () => {
    expect((await http.get(server.url('/gz'))).body.toString()).toBe('compressé');
  });

  it('follows redirects and reports the final URL', async () => {
    expect((await http.get(server.url('/r1'))).url).toBe(server.url('/ok'));
  });

  it('stops after 5 redirects', async () => {
    const error = await failure(http.get(server.url('/loop')));
    expect(error.code).toBe('upstream_unavailable');
    expect(error.message).toContain('redirected more than 5 times');
  });

  it('aborts a body larger than the cap while streaming', async () => {
    const error = await failure(http.get(server.url('/big')));
    expect(error.code).toBe('too_large');
    expect(error.message).toBe(`the response from ${server.url('/big')} exceeded 1 MB`);
  });

  it('caps the decompressed size, not the compressed one (gzip bomb)', async () => {
    expect((await failure(http.get(server.url('/bomb')))).code).toBe('too_large');
  });

  it('times out a server that does not answer', async () => {
    const error = await failure(http.get(server.url('/slow')));
    expect(error.code).toBe('timeout');
    expect(error.message).toContain('within 1 s');
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = http.get(server.url('/slow'), { signal: controller.signal });
    controller.abort(new Error('shutting down'));
    await expect(pending).rejects.toThrow('shutting down');
  });

  it('classifies HTTP errors by status and reads Retry-After', async () => {
    expect((await failure(http.get(server.url('/gone')))).code).toBe('not_found');
    const limited = await failure(http.get(server.url('/busy')));
    expect(limited).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 7_000 });
  });

  it('returns HTTP errors instead of throwing when asked', async () => {
    const res = await http.get(server.url('/gone'), { throwHttpErrors: false });
    expect(res.status).toBe(404);
    expect(res.body.toString()).toBe('missing');
  });

  it('refuses a malformed URL as invalid_request', async () => {
    expect((await failure(http.get('not a url'))).code).toBe('invalid_request');
  });

  it('reports a refused connection as upstream_unavailable', async () => {
    const error = await failure(http.get('http://127.0.0.1:1/'));
    expect(error.code).toBe('upstream_unavailable');
    expect(error.message).toContain('the connection was refused');
  });
});

describe('stream', () => {
  it('delivers chunks as they arrive, past the request timeout', async () => {
    const res = await http.stream(server.url('/events'));
    const chunks: string[] = [];
    for await (const chunk of res.body) chunks.push(chunk.toString('utf8'));
    expect(res.status).toBe(200);
    // 1.2 s in all, more than the 1 s request timeout: only the gaps between chunks are timed.
    expect(chunks.join('')).toBe('event: update\ndata: {"id":"1"}\n\nevent: update\ndata: {"id":"2"}\n\nevent: update\ndata: {"id":"3"}\n\n');
  });

  it('reports a stream that stops talking as a timeout', async () => {
    const res = await http.stream(server.url('/stalled'));
    const reading = (async () => {
      for await (const chunk of res.body) expect(chunk.length).toBeGreaterThan(0);
    })();
    await expect(reading).rejects.toMatchObject({ code: 'timeout' });
  });

  it('classifies an error status before streaming', async () => {
    await expect(http.stream(server.url('/private-stream'))).rejects.toMatchObject({ code: 'auth_expired' });
  });

  it('is subject to the same SSRF checks', async () => {
    const strict = createHttpClient({ allowPrivate: false });
    await expect(strict.stream(server.url('/events'))).rejects.toMatchObject({ code: 'blocked_url' });
    await strict.close();
  });
});

describe('SSRF protection', () => {
  it('refuses loopback unless private URLs are allowed', async () => {
    const strict = createHttpClient({ allowPrivate: false });
    const error = await failure(strict.get(server.url('/ok')));
    expect(error.code).toBe('blocked_url');
    expect(error.message).toBe(`${server.url('/ok')} resolves to a private address; set VIGIE_ALLOW_PRIVATE_URLS=1 to allow intranet sources`);
    await strict.close();
  });

  it('refuses a public-looking name that resolves to a private address (rebinding)', async () => {
    const strict = createHttpClient({ allowPrivate: false, resolve: async () => [{ address: '10.0.0.7', family: 4 }] });
    expect((await failure(strict.get('http://feeds.example/rss'))).code).toBe('blocked_url');
    await strict.close();
  });

  it('re-checks every redirect hop', async () => {
    // Only the test server's own address is allowed: the redirect targets must be judged on their own.
    const strict = createHttpClient({
      allowPrivate: false,
      allowedAddresses: ['127.0.0.1'],
      resolve: async (host) => [{ address: host === 'rebind.test' ? '192.168.1.1' : '127.0.0.1', family: 4 }],
    });
    expect((await strict.get(server.url('/r1'))).status).toBe(200);
    expect((await failure(strict.get(server.url('/to-metadata')))).code).toBe('blocked_url');
    expect((await failure(strict.get(server.url('/to-rebind')))).code).toBe('blocked_url');
    expect((await failure(strict.get(server.url('/to-file')))).message).toContain('only http and https');
    await strict.close();
  });

  it('checks the address actually connected to, not only the first answer (DNS rebinding)', async () => {
    let answers = 0;
    const strict = createHttpClient({
      allowPrivate: false,
      allowedAddresses: ['127.0.0.1'],
      // First answer (the pre-check) is allowed; the one the socket gets is not.
      resolve: async () => [{ address: answers++ === 0 ? '127.0.0.1' : '10.0.0.1', family: 4 }],
    });
    const port = new URL(server.origin).port;
    const error = await failure(strict.get(`http://rebind.test:${port}/ok`));
    expect(error.code).toBe('blocked_url');
    expect(answers).toBe(2);
    await strict.close();
  });

  it('refuses IPv4-mapped IPv6 loopback', async () => {
    const strict = createHttpClient({ allowPrivate: false });
    expect((await failure(strict.get('http://[::ffff:127.0.0.1]:1/'))).code).toBe('blocked_url');
    await strict.close();
  });
});
