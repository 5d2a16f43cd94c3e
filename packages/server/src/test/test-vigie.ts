import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role, User, Workspace } from '@vigie/core';
import { loadConfig, type Config } from '../config';
import { createVigie, type Vigie, type VigieOptions } from '../create-vigie';
import { createApp, type App } from '../app';
import { createLogger } from '../logger';
import { issueApiToken } from '../security/api-tokens';
import { generateToken, hashToken } from '../security/opaque-token';

export type CallResult = { status: number; json: Record<string, unknown> & { items?: Record<string, unknown>[] }; headers: Headers };

/** Who makes a call: a role (a person with that role, signed in by cookie), an API token, a cookie session, or nobody. */
export type Caller = Role | 'anonymous' | { token: string } | { cookie: string; csrf?: string };

export interface CallOptions {
  /** Extra request headers (they win over the ones the harness adds). */
  headers?: Record<string, string>;
  /** The caller's address as the server sees it (default 127.0.0.1). */
  ip?: string;
}

/** A person signed in by cookie, as a browser would be. */
export interface TestSession {
  userId: string;
  email: string;
  /** The `vigie_session` cookie value. */
  cookie: string;
  /** The CSRF token to echo in X-CSRF-Token on unsafe methods. */
  csrf: string;
}

export interface TestWorkspace {
  workspace: Workspace;
  /** An owner API token of that workspace. */
  ownerToken: string;
  /** Calls as that workspace's owner (Bearer). */
  call(method: string, path: string, body?: unknown, options?: CallOptions): Promise<CallResult>;
}

export interface TestVigie {
  vigie: Vigie;
  app: App;
  /** The owner of the default workspace (no password) and their API token, which `call()` sends. */
  owner: { user: User; token: string };
  /** Calls the app in-process with a JSON body, as the owner of the default workspace (Bearer token). */
  call(method: string, path: string, body?: unknown, options?: CallOptions): Promise<CallResult>;
  /** Calls as someone else: a role (cookie session + CSRF token of a member with that role), a token, a cookie, or nobody. */
  callAs(who: Caller, method: string, path: string, body?: unknown, options?: CallOptions): Promise<CallResult>;
  /** A member with this role of the workspace (default: the default one), signed in by cookie; one per role and workspace. */
  sessionFor(role: Role, workspaceId?: string): Promise<TestSession>;
  /** A new API token with this role in the workspace (default: the default one), created by its owner. */
  tokenFor(role: Role, workspaceId?: string): Promise<string>;
  /** Another workspace with its own owner, e.g. to check nothing crosses. */
  createWorkspace(name?: string): Promise<TestWorkspace>;
  close(): Promise<void>;
}

const HOUR = 3_600_000;

/** Signs a person in by writing a session straight to the store (no password, no rate limit). */
export async function openTestSession(vigie: Vigie, userId: string, workspaceId: string, options: { expiresAt?: Date } = {}): Promise<{ cookie: string; csrf: string; sessionId: string }> {
  const cookie = generateToken();
  const csrf = generateToken();
  const at = vigie.now();
  const session = await vigie.store.sessions.create(hashToken(cookie), {
    userId,
    workspaceId,
    csrfToken: csrf,
    createdAt: at.toISOString(),
    lastSeenAt: at.toISOString(),
    expiresAt: (options.expiresAt ?? new Date(at.getTime() + 12 * HOUR)).toISOString(),
    absoluteExpiresAt: new Date(at.getTime() + 720 * HOUR).toISOString(),
  });
  return { cookie, csrf, sessionId: session.id };
}

/** Creates an API token straight in the store and returns its secret. */
export async function createTestToken(vigie: Vigie, workspaceId: string, role: Role, createdBy?: string, name = `test ${role}`): Promise<string> {
  const { secret } = await issueApiToken(vigie.store, { workspaceId, name, role, at: vigie.now(), ...(createdBy && { createdBy }) });
  return secret;
}

/**
 * For tests that start a real server (startServer): an owner of the default workspace and their
 * API token, to send as `Authorization: Bearer <token>`.
 *
 * @example
 * const token = await createOwnerToken(server.vigie);
 * await fetch(`${server.url}/api/topics`, { headers: { authorization: `Bearer ${token}` } });
 */
export async function createOwnerToken(vigie: Vigie, workspaceId = vigie.defaultWorkspace.id): Promise<string> {
  const email = `owner-${workspaceId}@test.vigie`;
  const user = (await vigie.store.users.getByEmail(email)) ?? (await vigie.store.users.create({ email, name: 'Owner', locale: 'fr' }));
  await vigie.store.memberships.set(workspaceId, user.id, 'owner');
  return createTestToken(vigie, workspaceId, 'owner', user.id, 'test owner');
}

/** A real Vigie on a fresh SQLite data folder, with no background work unless asked; `call()` acts as the owner. */
export async function createTestVigie(overrides: Partial<Config> = {}, now?: () => Date, options: Omit<VigieOptions, 'now' | 'log'> = {}): Promise<TestVigie> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-test-'));
  const config = loadConfig({}, { dataDir, demo: false, worker: false, allowPrivateUrls: true, logLevel: 'silent', ...overrides });
  const vigie = await createVigie(config, { log: createLogger('silent'), now, ...options });
  const app = createApp(vigie);
  const defaultId = vigie.defaultWorkspace.id;
  const ownerUser = await vigie.store.users.create({ email: 'owner@test.vigie', name: 'Owner', locale: 'fr' });
  await vigie.store.memberships.set(defaultId, ownerUser.id, 'owner');
  const ownerToken = await createTestToken(vigie, defaultId, 'owner', ownerUser.id, 'test owner');
  const sessions = new Map<string, TestSession>();
  const owners = new Map<string, string>([[defaultId, ownerUser.id]]);

  async function request(method: string, path: string, body: unknown, headers: Record<string, string>, options: CallOptions): Promise<CallResult> {
    const response = await app.request(
      path,
      {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers, ...options.headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      { incoming: { socket: { remoteAddress: options.ip ?? '127.0.0.1' } } },
    );
    const text = await response.text();
    let json: CallResult['json'] = {};
    if (text) {
      try {
        json = JSON.parse(text) as CallResult['json'];
      } catch {
        json = { text };
      }
    }
    return { status: response.status, json, headers: response.headers };
  }

  async function sessionFor(role: Role, workspaceId = defaultId): Promise<TestSession> {
    const key = `${workspaceId}:${role}`;
    const known = sessions.get(key);
    if (known) return known;
    const email = `${role}-${sessions.size}@test.vigie`;
    const user = await vigie.store.users.create({ email, name: role, locale: 'en' });
    await vigie.store.memberships.set(workspaceId, user.id, role);
    const { cookie, csrf } = await openTestSession(vigie, user.id, workspaceId);
    const session = { userId: user.id, email, cookie, csrf };
    sessions.set(key, session);
    return session;
  }

  function headersFor(who: Caller, method: string): Promise<Record<string, string>> | Record<string, string> {
    if (who === 'anonymous') return {};
    if (typeof who === 'object' && 'token' in who) return { authorization: `Bearer ${who.token}` };
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
    const cookieHeaders = (s: { cookie: string; csrf?: string }) => ({ cookie: `vigie_session=${s.cookie}`, ...(unsafe && s.csrf && { 'x-csrf-token': s.csrf }) });
    if (typeof who === 'object') return cookieHeaders(who);
    return sessionFor(who).then(cookieHeaders);
  }

  const t: TestVigie = {
    vigie,
    app,
    owner: { user: ownerUser, token: ownerToken },
    call: (method, path, body, options = {}) => request(method, path, body, { authorization: `Bearer ${ownerToken}` }, options),
    async callAs(who, method, path, body, options = {}) {
      return request(method, path, body, await headersFor(who, method), options);
    },
    sessionFor,
    async tokenFor(role, workspaceId = defaultId) {
      return createTestToken(vigie, workspaceId, role, owners.get(workspaceId));
    },
    async createWorkspace(name = 'Other') {
      const slug = `ws-${owners.size + 1}`;
      const workspace = await vigie.store.workspaces.create({ name, slug });
      const owner = await vigie.store.users.create({ email: `owner@${slug}.test.vigie`, name: `Owner of ${name}`, locale: 'en' });
      await vigie.store.memberships.set(workspace.id, owner.id, 'owner');
      owners.set(workspace.id, owner.id);
      const token = await createTestToken(vigie, workspace.id, 'owner', owner.id, `owner of ${name}`);
      return { workspace, ownerToken: token, call: (method, path, body, options = {}) => request(method, path, body, { authorization: `Bearer ${token}` }, options) };
    },
    async close() {
      await vigie.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
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

/**
 * Reads a live stream (SSE) response as text: `until(needle)` reads until the text so far holds
 * it (or the stream ends); `text()` is everything read; `cancel()` closes it.
 */
export function readEventStream(response: Response): { until(needle: string): Promise<void>; text(): string; cancel(): Promise<void> } {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let received = '';
  return {
    async until(needle) {
      while (!received.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        received += decoder.decode(value);
      }
    },
    text: () => received,
    cancel: () => reader.cancel(),
  };
}
