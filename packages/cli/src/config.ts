/**
 * The CLI's only reader of the environment (`io().env`: the process's, or the one `runCli` was
 * given): where the running Vigie is and how to authenticate. Server settings (port, data dir,
 * database…) are read by @vigie/server's loadConfig.
 */
import { io } from './io';

export interface CliConfig {
  /** VIGIE_URL — the running Vigie the commands talk to (default http://127.0.0.1:4000). */
  url: string;
  /** VIGIE_TOKEN — API token sent as a Bearer token. */
  token?: string;
}

export function loadCliConfig(env: Record<string, string | undefined> = io().env): CliConfig {
  return { url: env.VIGIE_URL?.trim() || `http://127.0.0.1:${env.VIGIE_PORT?.trim() || '4000'}`, token: env.VIGIE_TOKEN?.trim() || undefined };
}

/** The process environment, for commands that start Vigie locally (passed to loadConfig). */
export function processEnv(): Record<string, string | undefined> {
  return io().env;
}
