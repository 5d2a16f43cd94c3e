import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { loadConfig, type Config } from './config';
import { createVigie, type VigieOptions } from './create-vigie';

export interface StartedServer {
  url: string;
  vigie: Awaited<ReturnType<typeof createVigie>>;
  close(): Promise<void>;
}

/**
 * Starts Vigie: composition root, background work, HTTP server. Options override the environment.
 *
 * @example
 * const server = await startServer({ dataDir: tmp, port: 0, demo: false, allowPrivateUrls: true });
 * await fetch(`${server.url}/api/health`);
 * await server.close();
 */
export async function startServer(overrides: Partial<Config> = {}, options: VigieOptions & { env?: Record<string, string | undefined> } = {}): Promise<StartedServer> {
  const config = loadConfig(options.env, overrides);
  const vigie = await createVigie(config, options);
  const app = createApp(vigie);
  const server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolveServer(s));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  // Port 0 picks a free port: links (the setup link printed by start()) must name the real one.
  if (config.port === 0 && config.publicUrl.endsWith(':0')) config.publicUrl = `${config.publicUrl.slice(0, -2)}:${address.port}`;
  try {
    await vigie.start();
  } catch (error) {
    server.close();
    await vigie.close();
    throw error;
  }
  return {
    url: `http://${host}:${address.port}`,
    vigie,
    async close() {
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        // Live streams (SSE) keep connections open; end them so close() returns.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await vigie.close();
    },
  };
}
