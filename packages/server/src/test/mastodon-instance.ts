/**
 * A local Mastodon-like instance for the accounts and OAuth tests, replaying documented answers.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const fixtures = new URL('../../../connectors/src/mastodon/fixtures/', import.meta.url);
/** https://docs.joinmastodon.org/methods/timelines/#tag */
const timeline = readFileSync(new URL('tag-timeline-newer.json', fixtures), 'utf8');
/** https://docs.joinmastodon.org/entities/Error/ — what an instance answers for a revoked or expired token (401). */
const invalidToken = readFileSync(new URL('error-invalid-token.json', fixtures), 'utf8');

export interface RecordedRequest {
  method: string;
  url: string;
  authorization?: string;
  body: string;
}

/** A Mastodon-like instance: tag timelines for the token `good-token-123` (or any listed), 401 for any other. */
export async function startInstance(handlers: Record<string, (req: IncomingMessage, body: string, res: ServerResponse) => void> = {}) {
  const requests: RecordedRequest[] = [];
  const validTokens = new Set(['good-token-123']);
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      requests.push({ method: req.method ?? 'GET', url: req.url ?? '', authorization: req.headers.authorization, body });
      const path = (req.url ?? '').split('?')[0] ?? '';
      const handler = handlers[`${req.method} ${path}`];
      if (handler) return handler(req, body, res);
      if (path === '/api/v1/streaming/hashtag') {
        // https://docs.joinmastodon.org/methods/streaming/ — 401 with an invalid token, else an open event stream.
        const token = req.headers.authorization?.replace(/^Bearer /, '');
        if (token !== undefined && !validTokens.has(token)) return res.writeHead(401, { 'content-type': 'application/json' }).end(invalidToken);
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' }).write(':thump\n\n');
        return;
      }
      if (path.startsWith('/api/v1/timelines/tag/')) {
        const token = req.headers.authorization?.replace(/^Bearer /, '');
        if (token !== undefined && !validTokens.has(token)) return res.writeHead(401, { 'content-type': 'application/json' }).end(invalidToken);
        return res.writeHead(200, { 'content-type': 'application/json' }).end(timeline);
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Record not found"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    validTokens,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

