import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createHttpClient, type HttpClient } from './http-client';
import { createServer, type Server } from 'node:http';

let wss: WebSocketServer;
let refusing: Server;
let origin: string;
let refusingOrigin: string;
let http: HttpClient;

beforeAll(async () => {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  origin = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  wss.on('connection', (socket, request) => {
    const path = request.url ?? '/';
    if (path === '/three') {
      for (const id of [1, 2, 3]) socket.send(JSON.stringify({ id }));
      socket.close(1000);
    } else if (path === '/echo') {
      socket.on('message', (data) => socket.send(`echo:${String(data)}`));
    } else if (path === '/huge') {
      socket.send('x'.repeat(64 * 1024));
    }
    // '/silent': says nothing
  });
  refusing = createServer((_req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid token"}');
  });
  await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
  refusingOrigin = `ws://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
  http = createHttpClient({ allowPrivate: true, timeoutMs: 800, maxBodyBytes: 16 * 1024 });
});

afterAll(async () => {
  await http.close();
  for (const client of wss.clients) client.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  await new Promise<void>((resolve) => refusing.close(() => resolve()));
});

async function collect(messages: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const message of messages) out.push(message);
  return out;
}

describe('http.webSocket', () => {
  it('delivers messages in order and ends when the server closes', async () => {
    const socket = await http.webSocket(`${origin}/three`);
    expect(await collect(socket.messages)).toEqual(['{"id":1}', '{"id":2}', '{"id":3}']);
  });

  it('sends messages', async () => {
    const socket = await http.webSocket(`${origin}/echo`);
    socket.send('bonjour');
    const iterator = socket.messages[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe('echo:bonjour');
    socket.close();
    expect((await iterator.next()).done).toBe(true);
  });

  it('ends with a timeout when the server goes silent', async () => {
    const socket = await http.webSocket(`${origin}/silent`);
    await expect(collect(socket.messages)).rejects.toMatchObject({ code: 'timeout' });
  });

  it('refuses a message over the size cap as too_large', async () => {
    const socket = await http.webSocket(`${origin}/huge`);
    await expect(collect(socket.messages)).rejects.toMatchObject({ code: 'too_large' });
  });

  it('classifies a refused handshake by its HTTP status', async () => {
    await expect(http.webSocket(`${refusingOrigin}/`)).rejects.toMatchObject({ code: 'auth_expired', status: 401 });
  });

  it('applies the SSRF policy and the scheme check', async () => {
    const strict = createHttpClient({ allowPrivate: false });
    await expect(strict.webSocket(`${origin}/three`)).rejects.toMatchObject({ code: 'blocked_url' });
    await expect(strict.webSocket('https://example.org/')).rejects.toMatchObject({ code: 'blocked_url' });
    await strict.close();
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const socket = await http.webSocket(`${origin}/silent`, { signal: controller.signal });
    const reading = collect(socket.messages);
    controller.abort(new Error('shutting down'));
    await expect(reading).rejects.toThrow('shutting down');
  });
});
