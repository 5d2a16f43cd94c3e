/**
 * A local HTTP server on 127.0.0.1 replaying recorded responses, for connector tests and the
 * conformance suite. No network beyond loopback is ever needed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One recorded answer.
 *
 * @example
 * { status: 200, headers: { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"' }, body: feedXml }
 * { status: 429, headers: { 'retry-after': '120' }, body: '' }
 */
export interface RecordedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Stream this many bytes of filler instead of `body` (an oversized answer), without holding them in memory. */
  streamBytes?: number;
  /** Wait this long before answering (a slow or hung server). */
  delayMs?: number;
  /** Send the body in pieces, each after its delay (a stream, a server that stalls mid-body). */
  chunks?: { data: string; delayMs: number }[];
  /** Leave the response open after the last chunk (a stream that stops talking). */
  keepOpen?: boolean;
}

/** What the server saw, so tests can assert conditional headers, cursors, auth… */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The request's body as text ('' for a GET), so tests can read what was posted. */
  body: string;
}

/** A path's answers: one fixed answer, a sequence (the last one repeats), or a function of the request. */
export type FixtureRoute = RecordedResponse | RecordedResponse[] | ((request: IncomingMessage) => RecordedResponse);

export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url(path: string): string;
  requests: RecordedRequest[];
  /** Adds or replaces a route while the server runs. */
  route(path: string, answer: FixtureRoute): void;
  close(): Promise<void>;
}

function pick(route: FixtureRoute, request: IncomingMessage, served: number): RecordedResponse {
  if (typeof route === 'function') return route(request);
  if (Array.isArray(route)) return route[Math.min(served, route.length - 1)] ?? { status: 500 };
  return route;
}

async function answer(res: ServerResponse, recorded: RecordedResponse): Promise<void> {
  if (recorded.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, recorded.delayMs));
  if (res.destroyed) return;
  res.writeHead(recorded.status, recorded.headers);
  if (recorded.chunks !== undefined) {
    for (const chunk of recorded.chunks) {
      await new Promise((resolve) => setTimeout(resolve, chunk.delayMs));
      if (res.destroyed) return;
      res.write(chunk.data);
    }
    if (recorded.keepOpen !== true) res.end();
    return;
  }
  if (recorded.streamBytes === undefined) {
    res.end(recorded.body);
    return;
  }
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let left = recorded.streamBytes;
  const writeMore = (): void => {
    while (left > 0 && !res.destroyed) {
      const size = Math.min(left, chunk.length);
      left -= size;
      if (!res.write(chunk.subarray(0, size))) {
        res.once('drain', writeMore);
        return;
      }
    }
    res.end();
  };
  writeMore();
}

/**
 * @example
 * const server = await startFixtureServer({ '/feed.xml': { status: 200, body: xml } });
 * await connector.capabilities.poll.fetch(ctx, { config: { url: server.url('/feed.xml') }, state: {} });
 * await server.close();
 */
export async function startFixtureServer(routes: Record<string, FixtureRoute> = {}): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes));
  const served = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const route = table.get(path) ?? table.get(path.split('?')[0] ?? path);
      const count = served.get(path) ?? 0;
      served.set(path, count + 1);
      const recorded = route === undefined ? { status: 404, headers: { 'content-type': 'text/plain' }, body: 'no fixture' } : pick(route, req, count);
      answer(res, recorded).catch((error: unknown) => res.destroy(error instanceof Error ? error : undefined));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    route(path, route) {
      table.set(path, route);
      served.delete(path);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
