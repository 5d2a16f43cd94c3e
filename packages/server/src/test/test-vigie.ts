import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../config';
import { createVigie, type Vigie } from '../create-vigie';
import { createApp, type App } from '../app';
import { createLogger } from '../logger';

export interface TestVigie {
  vigie: Vigie;
  app: App;
  /** Calls the app in-process with a JSON body. */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> & { items?: Record<string, unknown>[] } }>;
  close(): Promise<void>;
}

/** A real Vigie on a fresh SQLite data folder, with no background work unless asked. */
export async function createTestVigie(overrides: Partial<Config> = {}, now?: () => Date): Promise<TestVigie> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-test-'));
  const config = loadConfig({}, { dataDir, demo: false, worker: false, allowPrivateUrls: true, logLevel: 'silent', ...overrides });
  const vigie = await createVigie(config, { log: createLogger('silent'), now });
  const app = createApp(vigie);
  return {
    vigie,
    app,
    async call(method, path, body) {
      const response = await app.request(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    async close() {
      await vigie.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A local HTTP server serving feeds by path; a path can be changed while it runs. */
export async function startFeedServer(routes: Record<string, { status?: number; type?: string; body: string }>) {
  const server: Server = createServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'application/rss+xml; charset=utf-8' }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, routes, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** An RSS 2.0 feed with the given items. */
export function rssFeed(items: { guid: string; title: string; description: string; date?: string }[]): string {
  const entries = items
    .map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>https://blog.example/${i.guid}</link><description>${i.description}</description><pubDate>${i.date ?? new Date(Date.now() - 86_400_000).toUTCString()}</pubDate><dc:creator>Jeanne</dc:creator></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Blog</title><link>https://blog.example/</link><description>Test</description><language>fr</language>${entries}</channel></rss>`;
}
