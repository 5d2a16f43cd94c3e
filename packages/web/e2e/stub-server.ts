/**
 * A small in-memory stand-in for the Vigie API (docs/api.md), serving packages/web/dist. It lets
 * the browser tests run while @vigie/server cannot start (VIGIE_E2E_SERVER=stub); the real server
 * is the default. It implements only what the e2e cases touch, with the same answer shapes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { MentionView, QueryToken, Source, Topic } from '@vigie/client';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

function lex(query: string): { tokens: QueryToken[]; error?: { message: string; messageFr: string; column: number } } {
  const tokens: QueryToken[] = [];
  const re = /(\s+)|("[^"]*"?)|([()])|\b(AND|OR|NOT)\b|(\w+:)|(#\w+)|(@\w+)|(\w+\*)|([^\s()"]+)/gu;
  let depth = 0;
  let error: { message: string; messageFr: string; column: number } | undefined;
  for (const m of query.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    const type: QueryToken['type'] = m[1] ? 'space' : m[2] ? 'phrase' : m[3] ? 'paren' : m[4] ? 'operator' : m[5] ? 'field' : m[6] ? 'hashtag' : m[7] ? 'mention' : m[8] ? 'wildcard' : 'term';
    tokens.push({ type, start, end });
    if (m[3] === '(') depth += 1;
    if (m[3] === ')') depth -= 1;
    if (depth < 0 && !error) error = { message: `unexpected ) at column ${start + 1}`, messageFr: `) inattendue en colonne ${start + 1}`, column: start + 1 };
  }
  const last = tokens.filter((t) => t.type !== 'space').at(-1);
  if (!error && last?.type === 'operator') {
    error = { message: `a term is missing after the operator at column ${last.start + 1}`, messageFr: `il manque un terme après l’opérateur en colonne ${last.start + 1}`, column: last.start + 1 };
  }
  if (!error && depth > 0) error = { message: `missing ) at column ${query.length + 1}`, messageFr: `) manquante en colonne ${query.length + 1}`, column: query.length + 1 };
  return { tokens, error };
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Starts the stub on 127.0.0.1 with a random port. */
export async function startStubServer(webDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const topics: Topic[] = [];
  const sources: Source[] = [];
  const mentions: MentionView[] = [];
  const streams = new Set<ServerResponse>();
  let seq = 0;
  const id = (): string => `id${++seq}`;
  const now = (): string => new Date().toISOString();

  const json = (res: ServerResponse, status: number, body?: unknown): void => {
    res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const fail = (res: ServerResponse, status: number, code: string, message: string, field?: string): void =>
    json(res, status, { error: { code, message, details: field ? [{ field, message }] : [] } });

  async function fetchFeed(source: Source): Promise<{ fetched: number; inserted: number; skipped: number }> {
    const xml = await (await fetch(String(source.config.url))).text();
    const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1] ?? '');
    const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const tag = (item: string, name: string): string =>
      decode(item.match(new RegExp(`<${name}>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</${name}>`))?.[1] ?? '').trim();
    let inserted = 0;
    for (const item of items) {
      const link = tag(item, 'link');
      if (mentions.some((m) => m.externalId === link)) continue;
      const mention = {
        id: id(), workspaceId: 'w', sourceId: source.id, connector: 'rss', externalId: link, url: link,
        // Like the RSS connector: a title is HTML, so tags are dropped and entities decoded to text.
        author: { handle: tag(item, 'author') || source.name }, title: decode(tag(item, 'title').replace(/<script[\s\S]*?<\/script>|<[^>]*>/g, '')), text: tag(item, 'description'),
        publishedAt: new Date(tag(item, 'pubDate') || Date.now()).toISOString(), fetchedAt: now(), engagement: {}, kind: 'article',
        analysis: { lang: { analyzer: 'stub@1', value: 'fr', confidence: 1 }, sentiment: { analyzer: 'stub@1', label: 'neutral', score: 0 } },
        queryIds: [], topicIds: [],
      } as MentionView;
      mentions.unshift(mention);
      inserted += 1;
      for (const s of streams) s.write(`event: mention\ndata: ${JSON.stringify(mention)}\n\n`);
    }
    source.health = { ...source.health, status: 'ok', lastSuccessAt: now(), lastRunAt: now(), lastRun: { fetched: items.length, inserted, skipped: items.length - inserted, durationMs: 5 } };
    return { fetched: items.length, inserted, skipped: items.length - inserted };
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, body: string): Promise<void> {
    const path = url.pathname.replace(/^\/api/, '');
    const method = req.method ?? 'GET';
    const input = (body && req.headers['content-type'] === 'application/json' ? JSON.parse(body) : {}) as Record<string, unknown>;
    const parts = path.split('/').filter(Boolean);
    if (path === '/health') return json(res, 200, { status: 'ok', version: 'stub', database: 'sqlite', uptimeSec: 1 });
    if (path === '/connectors') return json(res, 200, { items: [{ id: 'rss', name: 'RSS', capabilities: ['poll'], sourceConfigSchema: {} }] });
    if (path === '/demo') return json(res, 200, { enabled: false, replay: false });
    if (path === '/topics' && method === 'GET') return json(res, 200, { items: topics });
    if (path === '/topics' && method === 'POST') {
      if (!input.name) return fail(res, 400, 'validation_failed', 'name is required', 'name');
      const topicId = id();
      const queries = (input.queries as string[]).map((text) => ({ id: id(), workspaceId: 'w', topicId, text, enabled: true, createdAt: now(), updatedAt: now() }));
      const topic = { ...(input as unknown as Topic), id: topicId, workspaceId: 'w', createdAt: now(), queries };
      topics.push(topic);
      return json(res, 201, topic);
    }
    const topic = topics.find((t) => t.id === parts[1]);
    if (parts[0] === 'topics' && topic && method === 'PATCH') return json(res, 200, Object.assign(topic, input));
    if (parts[0] === 'topics' && topic && method === 'DELETE') {
      topics.splice(topics.indexOf(topic), 1);
      return json(res, 204);
    }
    const query = topics.flatMap((t) => t.queries).find((q) => q.id === parts[1]);
    if (parts[0] === 'queries' && query && method === 'PATCH') return json(res, 200, Object.assign(query, input));
    if (path === '/queries/validate') {
      const { tokens, error } = lex(String(input.query));
      const lower = /\b(and|or|not)\b/.exec(String(input.query));
      const warnings = lower ? [{ code: 'lowercase_operator', message: `“${lower[1]}” is searched as a word`, messageFr: `« ${lower[1]} » est cherché comme un mot`, column: lower.index + 1 }] : [];
      return json(res, 200, error ? { valid: false, tokens, warnings: [], error } : { valid: true, normalized: input.query, tokens, warnings });
    }
    if (path === '/queries/preview') {
      const words = fold(String(input.query)).split(/\W+/).filter((w) => w && !['and', 'or', 'not'].includes(w));
      const hits = mentions.filter((m) => words.some((w) => fold(`${m.title} ${m.text}`).includes(w)));
      const items = hits.slice(0, 5).map((mention) => ({
        mention,
        highlights: words.flatMap((w) => {
          const at = fold(mention.text).indexOf(w);
          return at === -1 ? [] : [{ field: 'text', start: at, end: at + w.length }];
        }),
      }));
      return json(res, 200, { count: hits.length, items });
    }
    if (path === '/sources' && method === 'GET') return json(res, 200, { items: sources });
    if (path === '/sources' && method === 'POST') {
      if (!/^https?:\/\//.test(String(input.url))) return fail(res, 400, 'validation_failed', 'url must be an http(s) URL', 'url');
      const source = {
        id: id(), workspaceId: 'w', connector: 'rss', name: String(input.name ?? input.url), config: { url: input.url }, pollIntervalSec: 900,
        enabled: true, state: {}, createdAt: now(), health: { status: 'pending', consecutiveFailures: 0, nextRunAt: now() },
      } as Source;
      sources.push(source);
      return json(res, 201, source);
    }
    if (path === '/sources/opml') {
      const created = [...body.matchAll(/<outline[^>]*text="([^"]*)"[^>]*xmlUrl="([^"]*)"/g)].map(([, name, url]) => {
        const added = { ...(sources[0] as Source), id: id(), name: name ?? '', config: { url } };
        sources.push(added);
        return added;
      });
      return json(res, 200, { created, errors: [] });
    }
    const source = sources.find((s) => s.id === parts[1]);
    if (parts[0] === 'sources' && parts[2] === 'fetch' && source) return json(res, 200, await fetchFeed(source));
    if (path === '/mentions/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(': connected\n\n');
      streams.add(res);
      res.on('close', () => streams.delete(res));
      return undefined;
    }
    if (path === '/mentions') {
      const search = fold(url.searchParams.get('search') ?? '');
      const items = mentions.filter((m) => search.split(/\s+/).every((w) => fold(`${m.title} ${m.text}`).includes(w)));
      return json(res, 200, { items, nextCursor: null });
    }
    if (path === '/stats/overview') {
      const byDay = [...new Set(mentions.map((m) => m.publishedAt.slice(0, 10)))].sort().map((day) => {
        const count = mentions.filter((m) => m.publishedAt.startsWith(day)).length;
        return { day, count, negative: 0, neutral: count, positive: 0 };
      });
      return json(res, 200, { total: mentions.length, byDay, byConnector: [{ connector: 'rss', count: mentions.length }], byTopic: [], bySentiment: { negative: 0, neutral: mentions.length, positive: 0 } });
    }
    return fail(res, 404, 'not_found', `no route ${method} ${path}`);
  }

  function serveFile(res: ServerResponse, pathname: string): void {
    const file = join(webDir, normalize(pathname));
    const target = pathname !== '/' && existsSync(file) && extname(file) ? file : join(webDir, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      // The policy the real server promises: the app must work without inline scripts or styles.
      'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    });
    res.end(readFileSync(target));
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      if (!url.pathname.startsWith('/api/')) return serveFile(res, url.pathname);
      api(req, res, url, body).catch((error: unknown) => fail(res, 500, 'internal', String(error)));
      return undefined;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const s of streams) s.end();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
