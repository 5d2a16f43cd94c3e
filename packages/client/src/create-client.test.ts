import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientError, createClient, type MentionView } from './index';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const seen: Seen[] = [];
let server: Server;
let baseUrl: string;

const session = {
  user: { id: 'u1', email: 'ana@example.com', name: 'Ana', locale: 'fr' },
  workspace: { id: 'ws1', name: 'Vigie', slug: 'default', isDemo: false },
  role: 'owner',
  permissions: ['read', 'respond', 'approve', 'configure', 'admin'],
  workspaces: [],
  via: 'session',
};

const mention = { id: 'm1', title: 'Bonjour', text: 'Vigie est là' } as unknown as MentionView;

function reply(res: ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

function route(req: IncomingMessage, res: ServerResponse, body: string): void {
  const path = (req.url ?? '').split('?')[0];
  if (path === '/api/topics' && req.method === 'POST') return reply(res, 201, { id: 't1', ...JSON.parse(body) });
  if (path === '/api/topics/missing') {
    return reply(res, 404, { error: { code: 'not_found', message: 'Topic missing does not exist', details: [] } });
  }
  if (path === '/api/sources' && req.method === 'POST') {
    return reply(res, 400, {
      error: { code: 'validation_failed', message: 'Invalid source', details: [{ field: 'url', message: 'not a URL' }] },
    });
  }
  if (path === '/api/queries/validate') return reply(res, 200, { valid: false, error: { message: 'x', column: 4 } });
  if (path === '/api/queries/q1' && req.method === 'DELETE') return reply(res, 204);
  if (path === '/api/mentions') return reply(res, 200, { items: [mention], nextCursor: null });
  if (path === '/api/sources/opml') return reply(res, 200, { created: [], errors: [{ line: 3, message: 'no xmlUrl' }] });
  if (path === '/api/broken') return reply(res, 502);
  if (path === '/api/auth/login') {
    const { password } = JSON.parse(body) as { password: string };
    if (password === 'encore') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '540' });
      res.end(JSON.stringify({ error: { code: 'rate_limited', message: 'too many attempts' } }));
      return undefined;
    }
    if (password !== 'bon mot de passe') return reply(res, 401, { error: { code: 'unauthenticated', message: 'wrong e-mail or password' } });
    return reply(res, 200, { ...session, csrfToken: 'csrf-1' });
  }
  if (path === '/api/session/workspace') return reply(res, 200, { ...session, workspace: { ...session.workspace, id: 'ws2' }, csrfToken: 'csrf-1' });
  if (path === '/api/auth/logout') return reply(res, 204);
  if (path === '/api/auth/password-reset') return reply(res, 202);
  if (path === '/api/session') return reply(res, 401, { error: { code: 'unauthenticated', message: 'sign in first' } });
  if (path === '/api/members' && req.method === 'POST') {
    return reply(res, 201, { member: { userId: 'u2', email: 'bea@example.com', name: '', role: 'agent', createdAt: 'x' }, inviteUrl: 'http://v/#/invite?token=t' });
  }
  if (path === '/api/audit') return reply(res, 200, { items: [], nextCursor: null });
  if (path === '/api/workspace' && req.method === 'DELETE') return reply(res, 204);
  if (path === '/api/mentions/stream') {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    // Split one event across two writes: the client must reassemble it.
    res.write(': hello\n\nevent: mention\ndata: {"id":"m1",');
    setTimeout(() => res.write('"title":"Bonjour"}\n\n'), 20);
    return undefined;
  }
  return reply(res, 404, { error: { code: 'not_found', message: 'no route' } });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      route(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('createClient', () => {
  it('sends JSON with the bearer token and returns the created resource', async () => {
    const api = createClient({ baseUrl, token: 's3cret' });
    const topic = await api.topics.create({ name: 'Vigie', kind: 'brand', queries: ['vigie'] });
    expect(topic).toMatchObject({ id: 't1', name: 'Vigie', queries: ['vigie'] });
    const last = seen.at(-1);
    expect(last?.headers.authorization).toBe('Bearer s3cret');
    expect(last?.headers['content-type']).toBe('application/json');
  });

  it('throws a ClientError carrying status, code and field details', async () => {
    const api = createClient({ baseUrl });
    const notFound = await api.topics.get('missing').catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(ClientError);
    expect(notFound).toMatchObject({ status: 404, code: 'not_found', message: 'Topic missing does not exist' });
    const invalid = await api.sources.create({ connector: 'rss', url: 'nope' }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ status: 400, code: 'validation_failed', details: [{ field: 'url' }] });
  });

  it('reports an unreachable server as a network error', async () => {
    const api = createClient({ baseUrl: 'http://127.0.0.1:1' });
    await expect(api.health()).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('puts mention filters in the query string, skipping empty ones', async () => {
    const api = createClient({ baseUrl });
    const page = await api.mentions.list({ search: 'prix élevé', sentiment: 'negative', topic: '', limit: 20 });
    expect(page.items[0]?.id).toBe('m1');
    const params = new URL(seen.at(-1)?.url ?? '', 'http://x').searchParams;
    expect(params.get('search')).toBe('prix élevé');
    expect(params.get('sentiment')).toBe('negative');
    expect(params.get('limit')).toBe('20');
    expect(params.has('topic')).toBe(false);
  });

  it('fills missing token and warning lists of a validation answer', async () => {
    const api = createClient({ baseUrl });
    const result = await api.queries.validate('a AND');
    expect(result).toEqual({ valid: false, error: { message: 'x', column: 4 }, tokens: [], warnings: [] });
  });

  it('resolves 204 answers and uploads OPML as XML', async () => {
    const api = createClient({ baseUrl });
    await expect(api.queries.delete('q1')).resolves.toBeUndefined();
    const result = await api.sources.importOpml('<opml version="2.0"/>');
    expect(result.errors).toEqual([{ line: 3, message: 'no xmlUrl' }]);
    expect(seen.at(-1)?.headers['content-type']).toBe('text/xml');
    expect(seen.at(-1)?.body).toBe('<opml version="2.0"/>');
  });

  it('streams mentions until unsubscribed', async () => {
    const api = createClient({ baseUrl });
    const received = await new Promise<MentionView>((resolve, reject) => {
      const stop = api.mentions.stream(
        (m) => {
          stop();
          resolve(m);
        },
        { onError: reject },
      );
    });
    expect(received).toEqual({ id: 'm1', title: 'Bonjour' });
  });

  it('echoes the CSRF token of the session on unsafe methods only, and forgets it on sign-out', async () => {
    const api = createClient({ baseUrl });
    await api.topics.create({ name: 'Avant', kind: 'brand', queries: ['a'] });
    expect(seen.at(-1)?.headers['x-csrf-token']).toBeUndefined();
    let ended = 0;
    api.onUnauthenticated(() => (ended += 1));
    const wrong = await api.auth.login({ email: 'ana@example.com', password: 'faux' }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ status: 401, code: 'unauthenticated' });
    // A refused sign-in is not the end of a session.
    const limited = await api.auth.login({ email: 'ana@example.com', password: 'encore' }).catch((e: unknown) => e);
    expect(limited).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSec: 540 });
    expect(ended).toBe(0);
    await expect(api.session.get()).rejects.toMatchObject({ status: 401 });
    expect(ended).toBe(1);
    const me = await api.auth.login({ email: 'ana@example.com', password: 'bon mot de passe' });
    expect(me.permissions).toContain('admin');
    await api.mentions.list();
    expect(seen.at(-1)?.headers['x-csrf-token']).toBeUndefined();
    await api.members.add({ email: 'bea@example.com', role: 'agent' });
    expect(seen.at(-1)?.headers['x-csrf-token']).toBe('csrf-1');
    await api.workspaces.delete('default');
    expect(seen.at(-1)).toMatchObject({ method: 'DELETE', body: '{"confirm":"default"}' });
    expect(seen.at(-1)?.headers['x-csrf-token']).toBe('csrf-1');
    await api.auth.logout();
    await expect(api.auth.requestPasswordReset('ana@example.com')).resolves.toBeUndefined();
    await api.topics.create({ name: 'Après', kind: 'brand', queries: ['a'] });
    expect(seen.at(-1)?.headers['x-csrf-token']).toBeUndefined();
  });

  it('names the chosen workspace on every request once switched', async () => {
    const api = createClient({ baseUrl });
    await api.mentions.list();
    expect(seen.at(-1)?.headers['x-vigie-workspace']).toBeUndefined();
    const switched = await api.session.switchWorkspace('ws2');
    expect(switched.workspace.id).toBe('ws2');
    await api.audit.list({ action: 'token.create', limit: 20 });
    const last = seen.at(-1);
    expect(last?.headers['x-vigie-workspace']).toBe('ws2');
    expect(new URL(last?.url ?? '', 'http://x').searchParams.get('action')).toBe('token.create');
    // A download link sends no header: the export URL names the workspace in its query.
    expect(api.workspaces.exportUrl()).toBe(`${baseUrl.replace(/\/$/, '')}/api/workspace/export?workspace=ws2`);
  });
});
