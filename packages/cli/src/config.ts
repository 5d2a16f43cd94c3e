/**
 * The CLI's only reader of the environment: where the running Vigie is and how to authenticate.
 * Server settings (port, data dir, database…) are read by @vigie/server's loadConfig.
 */
export interface CliConfig {
  /** VIGIE_URL — the running Vigie the commands talk to (default http://127.0.0.1:4000). */
  url: string;
  /** VIGIE_TOKEN — API token sent as a Bearer token. */
  token?: string;
}

export function loadCliConfig(env: Record<string, string | undefined> = process.env): CliConfig {
  return { url: env.VIGIE_URL?.trim() || `http://127.0.0.1:${env.VIGIE_PORT?.trim() || '4000'}`, token: env.VIGIE_TOKEN?.trim() || undefined };
}

/** The process environment, for commands that start Vigie locally (passed to loadConfig). */
export function processEnv(): Record<string, string | undefined> {
  return process.env;
}
