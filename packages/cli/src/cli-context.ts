import { createClient, type VigieClient } from '@vigie/client';
import type { Config, Vigie } from '@vigie/server';
import { loadCliConfig, processEnv } from './config';
import { io } from './io';

/** Options every command that talks to a running Vigie accepts (`--url`, `--token`). */
export interface RemoteOptions {
  url?: string;
  token?: string;
}

/** The one line a refused or missing API token prints (exit 3, `unauthenticated`). */
export function tokenRefusedMessage(tokenGiven: boolean): string {
  const how = 'create one with `vigie tokens create --name cli --role analyst` and pass it with --token or VIGIE_TOKEN';
  const comment = 'créez-en un avec `vigie tokens create --name cli --role analyst` et passez-le avec --token ou VIGIE_TOKEN';
  return tokenGiven
    ? `the server refused the token: ${how} / le serveur a refusé le jeton : ${comment}`
    : `the server needs an API token: ${how} / le serveur demande un jeton d’API : ${comment}`;
}

/**
 * The API client for the running Vigie (`--url`, else VIGIE_URL, else http://127.0.0.1:4000),
 * authenticated by `--token`, else VIGIE_TOKEN. A 401 answer becomes the one line of
 * tokenRefusedMessage (the server's own text says nothing about how the CLI gets a token).
 */
export function connect(options: RemoteOptions = {}): VigieClient {
  const config = loadCliConfig();
  const token = options.token?.trim() || config.token;
  const explained: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (response.status !== 401) return response;
    await response.body?.cancel();
    const body = { error: { code: 'unauthenticated', message: tokenRefusedMessage(token !== undefined), details: [] } };
    return new Response(JSON.stringify(body), { status: 401, headers: { 'content-type': 'application/json' } });
  };
  return createClient({ baseUrl: options.url ?? config.url, token, fetch: explained });
}

/**
 * Runs a local administration command on a data folder through the server's composition root
 * (never the store directly), with no background work, and closes it afterwards.
 */
export async function withLocalVigie<T>(overrides: Partial<Config>, run: (vigie: Vigie) => Promise<T>): Promise<T> {
  // Loaded on demand: commands that do not open the data folder start fast without the server.
  const { createLogger, createVigie, loadConfig } = await import('@vigie/server');
  const config = loadConfig(processEnv(), { ...overrides, worker: false, demo: false });
  const vigie = await createVigie(config, { log: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, { stderr: true }) });
  try {
    return await run(vigie);
  } finally {
    await vigie.close();
  }
}

/** Writes a fixed-width text table (for humans); `--json` output bypasses it. */
export function printTable(rows: Record<string, string | number | undefined>[], columns: string[]): void {
  const widths = columns.map((c) => Math.min(60, Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length))));
  const line = (cells: string[]) => cells.map((cell, i) => cell.slice(0, widths[i]).padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  io().stdout.write(`${line(columns)}\n`);
  for (const row of rows) io().stdout.write(`${line(columns.map((c) => String(row[c] ?? '')))}\n`);
}

export function printJson(value: unknown): void {
  io().stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Reads all of standard input as text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io().stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
