/**
 * What the browser tests need: a built web app, a running Vigie, a local RSS feed, and Debian's
 * Chromium driven by playwright-core in a throw-away profile.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
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

/**
 * A real Vigie on a temporary data folder. The
 * background poller is off so that only "fetch now" brings items in: counts stay deterministic.
 */
export async function startVigie(): Promise<RunningVigie & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-e2e-data-'));
  const running = await (await import('@vigie/server')).startServer({ dataDir, port: 0, demo: false, allowPrivateUrls: true, webDir: webDistDir, worker: false, logLevel: 'warn' });
  return {
    url: running.url,
    dataDir,
    close: async () => {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
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

/** Debian's Chromium, headless, in a fresh profile; `locale` sets navigator.languages and Accept-Language. */
export async function launchBrowser(locale: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
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
