import { createClient, type VigieClient } from '@vigie/client';
import type { Config, Vigie } from '@vigie/server';
import { loadCliConfig, processEnv } from './config';

/** Options every command that talks to a running Vigie accepts. */
export interface RemoteOptions {
  url?: string;
}

/** The API client for the running Vigie (`--url`, else VIGIE_URL, else http://127.0.0.1:4000). */
export function connect(options: RemoteOptions = {}): VigieClient {
  const config = loadCliConfig();
  return createClient({ baseUrl: options.url ?? config.url, token: config.token });
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
  process.stdout.write(`${line(columns)}\n`);
  for (const row of rows) process.stdout.write(`${line(columns.map((c) => String(row[c] ?? '')))}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Reads all of standard input as text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
