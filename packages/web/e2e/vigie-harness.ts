/**
 * What the browser tests need: a built web app, a running Vigie, a local RSS feed, and Debian's
 * Chromium driven by playwright-core in a throw-away profile.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { webDistDir } from '../src/index';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const distIndex = join(webDistDir, 'index.html');

function newestMtime(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    }),
  );
}

/**
 * Builds packages/web/dist when it is missing or older than the sources, so the tests never
 * run against a stale bundle (`npm test` builds first anyway; this covers running vitest alone).
 */
export function ensureWebBuilt(): void {
  if (existsSync(distIndex) && statSync(distIndex).mtimeMs >= newestMtime(join(webRoot, 'src'))) return;
  execFileSync(process.execPath, [join(webRoot, '../../node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: webRoot,
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which would bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export interface RunningVigie {
  url: string;
  close(): Promise<void>;
}

/** The owner every test Vigie starts with (created through the first-run setup API). */
export const OWNER = { email: 'proprietaire@vigie.test', name: 'Camille Proprio', password: 'phare-de-la-vieille-1871' } as const;

type StartedServer = Awaited<ReturnType<typeof import('@vigie/server').startServer>>;

export interface TestVigie extends RunningVigie {
  dataDir: string;
  /** The composition root, for what a test must arrange behind the API (one-time tokens, users). */
  vigie: StartedServer['vigie'];
  /** An owner API token of the default workspace, for `createClient({ baseUrl, token })`. */
  token: string;
  workspaceId: string;
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/**
 * Puts a first-run setup link's token in the store (what the server prints at start), so a test
 * can open `#/setup?token=…` or call the setup API without reading the log.
 */
export async function createSetupToken(vigie: StartedServer['vigie']): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await vigie.store.oneTimeTokens.create(sha256(token), { kind: 'setup', createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 3_600_000).toISOString() });
  return token;
}

/** An API token (`vgt_…`) of a role in a workspace, stored as the server does (SHA-256, 12-char prefix). */
export async function createApiToken(vigie: StartedServer['vigie'], workspaceId: string, role: 'owner' | 'manager' | 'agent' | 'analyst'): Promise<string> {
  const secret = `vgt_${randomBytes(32).toString('base64url')}`;
  await vigie.store.apiTokens.create(sha256(secret), { workspaceId, name: `e2e ${role}`, role, prefix: secret.slice(0, 12), createdAt: new Date().toISOString() });
  return secret;
}

/**
 * A real Vigie on a temporary data folder, with its owner created (`OWNER`) and an owner API
 * token for the test's own API calls. The background poller is off so that only "fetch now"
 * brings items in: counts stay deterministic. `setup: false` leaves it at first start (no user).
 */
export async function startVigie(options: { setup?: boolean } = {}): Promise<TestVigie> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-e2e-data-'));
  const running = await (await import('@vigie/server')).startServer({ dataDir, port: 0, demo: false, allowPrivateUrls: true, webDir: webDistDir, worker: false, logLevel: 'warn' });
  const workspace = await running.vigie.store.workspaces.getBySlug('default');
  if (workspace === undefined) throw new Error('no default workspace');
  let token = '';
  if (options.setup !== false) {
    const setupToken = await createSetupToken(running.vigie);
    const response = await fetch(`${running.url}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: setupToken, email: OWNER.email, name: OWNER.name, password: OWNER.password, locale: 'fr' }),
    });
    if (!response.ok) throw new Error(`setup refused: HTTP ${response.status} ${await response.text()}`);
    token = await createApiToken(running.vigie, workspace.id, 'owner');
  }
  return {
    url: running.url,
    dataDir,
    vigie: running.vigie,
    token,
    workspaceId: workspace.id,
    close: async () => {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs the browser context in (`POST /api/auth/login` through the context's own request API,
 * so the session cookie lands in the context's cookie jar and every page is signed in).
 */
export async function signIn(context: BrowserContext, vigie: RunningVigie, who: { email: string; password: string } = OWNER): Promise<void> {
  const response = await context.request.post(`${vigie.url}/api/auth/login`, { data: { email: who.email, password: who.password } });
  if (!response.ok()) throw new Error(`sign-in refused: HTTP ${response.status()} ${await response.text()}`);
}

/** Serves whatever RSS document `feed()` returns at any `*.xml` path on 127.0.0.1; `url` is /feed.xml. */
export async function startFeedServer(feed: () => string): Promise<RunningVigie> {
  const server = createServer((req, res) => {
    if (req.url?.endsWith('.xml')) {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(feed());
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A launched browser: its one context, and how to close it (and remove its profile). */
export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, in a fresh profile; `locale` sets navigator.languages and Accept-Language. */
export async function launchBrowser(locale: string): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'vigie-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    locale,
    viewport: { width: 1360, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * What a page did that no test may let pass: an uncaught error, a Content-Security-Policy
 * violation (it only shows as a console error), an alert() or prompt() (injected script ran).
 * Confirms are only counted (`confirms`, for tests that check the question asked).
 */
export class PageProblems {
  /** Uncaught page errors and CSP violations. */
  readonly errors: string[] = [];
  /** Messages of alert() and prompt() dialogs. */
  readonly dialogs: string[] = [];
  /** Messages of confirm() dialogs, in order. */
  readonly confirms: string[] = [];

  /** Fails the running test if anything above happened since the last check (then starts afresh, so one problem fails one test). */
  expectNone(): void {
    const errors = this.errors.splice(0);
    const dialogs = this.dialogs.splice(0);
    expect(errors, 'page errors and CSP violations').toEqual([]);
    expect(dialogs, 'alert() or prompt() dialogs').toEqual([]);
  }
}

export interface OpenPageOptions {
  /** Signs the context in on this Vigie first (see `signIn`). */
  signIn?: RunningVigie;
  /** Who signs in (default `OWNER`). */
  as?: { email: string; password: string };
  /** What the interface's confirm() questions get (default: dismissed, as Playwright does). */
  confirm?: 'accept' | 'dismiss';
  /** Opened once the page is watched. */
  url?: string;
}

/**
 * The context's page, watched for `PageProblems`, with a 10 s default timeout (fail fast instead
 * of Playwright's 30 s). Check it after every test: `afterEach(() => problems.expectNone())`.
 */
export async function openPage(context: BrowserContext, options: OpenPageOptions = {}): Promise<{ page: Page; problems: PageProblems }> {
  if (options.signIn !== undefined) await signIn(context, options.signIn, options.as);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = new PageProblems();
  page.on('dialog', (dialog) => {
    if (dialog.type() === 'confirm') {
      problems.confirms.push(dialog.message());
      void (options.confirm === 'accept' ? dialog.accept() : dialog.dismiss());
      return;
    }
    problems.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) problems.errors.push(message.text());
  });
  page.setDefaultTimeout(10_000);
  if (options.url !== undefined) await page.goto(options.url);
  return { page, problems };
}
