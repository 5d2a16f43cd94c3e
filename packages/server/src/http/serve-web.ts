import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The built web interface of this checkout (npm run build:web). */
export function defaultWebDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');
}

/**
 * Serves the built single-page app: files under the web dir, index.html for every other
 * non-API path (client-side routes). Paths are confined to the web dir.
 */
export function serveWeb(app: OpenAPIHono<AppEnv>, webDir = defaultWebDir()): void {
  const root = resolve(webDir);
  app.get('*', (c) => {
    const indexFile = join(root, 'index.html');
    if (!existsSync(indexFile)) {
      return c.text('The web interface is not built yet: run `npm run build:web` (npm start does it).\nL’interface web n’est pas encore construite : lancez `npm run build:web`.', 503);
    }
    const path = normalize(decodeURIComponent(new URL(c.req.url).pathname));
    const file = resolve(root, `.${path}`);
    if (file.startsWith(root + sep) && existsSync(file) && extname(file) !== '') {
      const immutable = file.includes(`${sep}assets${sep}`);
      return c.body(readFileSync(file), 200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    return c.body(readFileSync(indexFile), 200, { 'Content-Type': TYPES['.html'] ?? 'text/html', 'Cache-Control': 'no-cache' });
  });
}
