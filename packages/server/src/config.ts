/**
 * The only reader of process.env. Every variable has a comment and a validator; a bad start lists
 * every problem at once. The config object is passed in (createVigie(config)), never imported.
 */
import { resolve } from 'node:path';
import { AppError, type ErrorDetail } from '@vigie/core';

export interface Config {
  /** VIGIE_PORT — HTTP port (default 4000; 0 picks a free port). */
  port: number;
  /** VIGIE_HOST — interface to listen on (default 127.0.0.1; 0.0.0.0 to expose on the network). */
  host: string;
  /** VIGIE_DATA_DIR — where the SQLite database and local files live (default ./vigie-data). */
  dataDir: string;
  /** VIGIE_DATABASE_URL — postgres://… to use PostgreSQL; empty means SQLite in the data dir. */
  databaseUrl?: string;
  /** VIGIE_ALLOW_PRIVATE_URLS=1 — allow sources on private or loopback addresses (intranet, tests). */
  allowPrivateUrls: boolean;
  /** VIGIE_DEMO=0 — do not seed the demo workspace on first start (default on). */
  demo: boolean;
  /** VIGIE_DEMO_REPLAY=0 — do not trickle live demo mentions (default on when the demo is on). */
  demoReplay: boolean;
  /** VIGIE_WORKER=0 — do not poll sources in this process (e.g. a web-only node). */
  worker: boolean;
  /** VIGIE_POLL_CONCURRENCY — sources polled at once (1–32, default 4). */
  pollConcurrency: number;
  /** VIGIE_GUARD_COOLDOWN_MIN — minutes a reply the guard holds waits before it may leave without a manager's approval (0–1440, default 30). */
  guardCooldownMinutes: number;
  /** VIGIE_LOG_LEVEL — fatal|error|warn|info|debug|trace|silent (default info). */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** VIGIE_WEB_DIR — built web interface to serve (default packages/web/dist of this checkout). */
  webDir?: string;
  /**
   * VIGIE_SECRET_KEY — 32-byte key (64 hex characters) that encrypts secrets at rest (tokens in
   * source and account settings). Required with PostgreSQL; with SQLite, a key file is created in
   * the data dir on first start when unset.
   */
  secretKey?: Buffer;
  /** VIGIE_PREVIOUS_SECRET_KEYS — comma-separated older keys, still accepted for reading after a rotation. */
  previousSecretKeys: Buffer[];
  /** VIGIE_SMTP_URL — SMTP server for notification e-mails: smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465; unset = no e-mail channel. */
  smtp?: { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } };
  /** VIGIE_MAIL_FROM — sender of notification e-mails (default "Vigie <vigie@localhost>"). */
  mailFrom: string;
  /**
   * VIGIE_OAUTH_<NET>_CLIENT_ID and VIGIE_OAUTH_<NET>_CLIENT_SECRET (NET = X, LINKEDIN, REDDIT,
   * FACEBOOK, GOOGLE) — the OAuth app Vigie's "Connect with…" uses for that network (Facebook's also
   * serves Instagram, Google's YouTube). Both or neither; unset = add accounts by pasting a token.
   * Mastodon needs none: Vigie registers itself on each instance.
   */
  oauth: Partial<Record<OAuthProvider, { clientId: string; clientSecret: string }>>;
  /**
   * VIGIE_PUBLIC_URL — the address people open Vigie at, e.g. https://vigie.example.org: links in
   * e-mails and the setup link, Secure cookies when https, the accepted Origin. Default
   * http://<host>:<port> (localhost when listening on every interface). No trailing slash.
   */
  publicUrl: string;
  /**
   * VIGIE_TRUST_PROXY=1 — Vigie runs behind a reverse proxy: take the caller's address from the last
   * X-Forwarded-For hop and the scheme from X-Forwarded-Proto (default off: headers are ignored,
   * since anyone can send them).
   */
  trustProxy: boolean;
  /**
   * VIGIE_OIDC_ISSUER, VIGIE_OIDC_CLIENT_ID, VIGIE_OIDC_CLIENT_SECRET — optional sign-in with an
   * OpenID Connect provider (Keycloak, Authentik, Google Workspace…): all three or none. The issuer
   * is an https:// URL (http:// only on a loopback address, for tests). VIGIE_OIDC_NAME — the
   * button's label (default "SSO"). VIGIE_OIDC_AUTO_CREATE=1 — a verified e-mail with no account
   * gets one (with no workspace until an owner adds it); default off: only existing or invited
   * e-mails sign in. The redirect URI to register is <VIGIE_PUBLIC_URL>/api/auth/oidc/callback.
   */
  oidc?: { issuer: string; clientId: string; clientSecret: string; name: string; autoCreate: boolean };
}

type Env = Record<string, string | undefined>;

/** Networks whose OAuth app comes from the configuration. */
export const OAUTH_PROVIDERS = ['x', 'linkedin', 'reddit', 'facebook', 'google'] as const;
export type OAuthProvider = (typeof OAUTH_PROVIDERS)[number];

function oauthClients(env: Env, problems: ErrorDetail[]): Config['oauth'] {
  const clients: Config['oauth'] = {};
  for (const provider of OAUTH_PROVIDERS) {
    const prefix = `VIGIE_OAUTH_${provider.toUpperCase()}_CLIENT_`;
    const clientId = env[`${prefix}ID`]?.trim();
    const clientSecret = env[`${prefix}SECRET`]?.trim();
    if (clientId && clientSecret) clients[provider] = { clientId, clientSecret };
    else if (clientId || clientSecret) problems.push({ field: clientId ? `${prefix}SECRET` : `${prefix}ID`, message: `set both ${prefix}ID and ${prefix}SECRET, or neither` });
  }
  return clients;
}

function oidcProvider(env: Env, problems: ErrorDetail[]): Config['oidc'] {
  const names = ['VIGIE_OIDC_ISSUER', 'VIGIE_OIDC_CLIENT_ID', 'VIGIE_OIDC_CLIENT_SECRET'] as const;
  const [issuer, clientId, clientSecret] = names.map((name) => env[name]?.trim() || undefined);
  const autoCreate = flag(env, 'VIGIE_OIDC_AUTO_CREATE', false, problems);
  if (!issuer || !clientId || !clientSecret) {
    const missing = names.filter((name) => !env[name]?.trim());
    if (missing.length < names.length) for (const field of missing) problems.push({ field, message: `set ${names.join(', ')} together, or none of them` });
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    problems.push({ field: 'VIGIE_OIDC_ISSUER', message: `expected the provider's issuer URL such as https://sso.example.org/realms/acme, got "${issuer}"` });
    return undefined;
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) || url.search || url.hash || url.username) {
    problems.push({ field: 'VIGIE_OIDC_ISSUER', message: `expected an https:// URL without query, fragment or credentials (http:// only on localhost), got "${issuer}"` });
    return undefined;
  }
  return { issuer, clientId, clientSecret, name: env.VIGIE_OIDC_NAME?.trim().slice(0, 60) || 'SSO', autoCreate };
}

function key(raw: string, name: string, problems: ErrorDetail[]): Buffer | undefined {
  const value = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  problems.push({ field: name, message: 'expected 64 hexadecimal characters (32 bytes), e.g. from `openssl rand -hex 32`' });
  return undefined;
}

function publicUrl(raw: string | undefined, host: string, port: number, problems: ErrorDetail[]): string {
  const value = raw?.trim();
  if (!value) return `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push({ field: 'VIGIE_PUBLIC_URL', message: `expected an http:// or https:// URL such as https://vigie.example.org, got "${value}"` });
    return '';
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username) {
    problems.push({ field: 'VIGIE_PUBLIC_URL', message: `expected an http:// or https:// URL without query, fragment or credentials, got "${value}"` });
    return '';
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function smtpUrl(raw: string | undefined, problems: ErrorDetail[]): Config['smtp'] {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push({ field: 'VIGIE_SMTP_URL', message: 'expected smtp://user:pass@host:587 or smtps://user:pass@host:465' });
    return undefined;
  }
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
    problems.push({ field: 'VIGIE_SMTP_URL', message: `expected an smtp:// or smtps:// URL with a host, got "${url.protocol}//${url.host}"` });
    return undefined;
  }
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(user && { auth: { user, pass: decodeURIComponent(url.password) } }),
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function flag(env: Env, name: string, fallback: boolean, problems: ErrorDetail[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  problems.push({ field: name, message: `expected 1/0, true/false, yes/no or on/off, got "${raw}"` });
  return fallback;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: ErrorDetail[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push({ field: name, message: `expected a whole number from ${min} to ${max}, got "${raw}"` });
    return fallback;
  }
  return value;
}

/**
 * Reads the configuration from an environment (process.env by default) and explicit overrides
 * (CLI flags win over the environment).
 *
 * @example
 * const config = loadConfig(process.env, { port: 4100, demo: false });
 */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: ErrorDetail[] = [];
  const databaseUrl = env.VIGIE_DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push({ field: 'VIGIE_DATABASE_URL', message: `expected a postgres:// URL, got "${databaseUrl}"` });
  }
  const logLevel = (env.VIGIE_LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push({ field: 'VIGIE_LOG_LEVEL', message: `expected one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"` });
  }
  const demo = flag(env, 'VIGIE_DEMO', true, problems);
  const config: Config = {
    port: integer(env, 'VIGIE_PORT', 4000, 0, 65535, problems),
    host: env.VIGIE_HOST?.trim() || '127.0.0.1',
    dataDir: resolve(env.VIGIE_DATA_DIR?.trim() || 'vigie-data'),
    databaseUrl: databaseUrl && problems.every((p) => p.field !== 'VIGIE_DATABASE_URL') ? databaseUrl : undefined,
    allowPrivateUrls: flag(env, 'VIGIE_ALLOW_PRIVATE_URLS', false, problems),
    demo,
    demoReplay: flag(env, 'VIGIE_DEMO_REPLAY', true, problems),
    worker: flag(env, 'VIGIE_WORKER', true, problems),
    pollConcurrency: integer(env, 'VIGIE_POLL_CONCURRENCY', 4, 1, 32, problems),
    guardCooldownMinutes: integer(env, 'VIGIE_GUARD_COOLDOWN_MIN', 30, 0, 1440, problems),
    logLevel: LOG_LEVELS.includes(logLevel) ? logLevel : 'info',
    webDir: env.VIGIE_WEB_DIR?.trim() || undefined,
    secretKey: env.VIGIE_SECRET_KEY?.trim() ? key(env.VIGIE_SECRET_KEY, 'VIGIE_SECRET_KEY', problems) : undefined,
    previousSecretKeys: (env.VIGIE_PREVIOUS_SECRET_KEYS ?? '')
      .split(',')
      .filter((k) => k.trim() !== '')
      .map((k) => key(k, 'VIGIE_PREVIOUS_SECRET_KEYS', problems))
      .filter((k): k is Buffer => k !== undefined),
    smtp: smtpUrl(env.VIGIE_SMTP_URL, problems),
    mailFrom: env.VIGIE_MAIL_FROM?.trim() || 'Vigie <vigie@localhost>',
    oauth: oauthClients(env, problems),
    publicUrl: '',
    trustProxy: flag(env, 'VIGIE_TRUST_PROXY', false, problems),
    oidc: oidcProvider(env, problems),
  };
  config.publicUrl = publicUrl(env.VIGIE_PUBLIC_URL, overrides.host ?? config.host, overrides.port ?? config.port, problems);
  if (config.databaseUrl && !config.secretKey) {
    problems.push({ field: 'VIGIE_SECRET_KEY', message: 'required with PostgreSQL, so that every process can read the encrypted secrets (generate one with `openssl rand -hex 32`)' });
  }
  if (problems.length > 0) {
    throw new AppError('config_invalid', `Invalid configuration: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
  }
  return { ...config, ...stripUndefined(overrides), dataDir: resolve(overrides.dataDir ?? config.dataDir) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
