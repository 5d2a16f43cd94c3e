/**
 * OAuth 2 "Connect with…" for connector accounts (docs/connectors/accounts.md). arctic builds the
 * authorisation URL (state, PKCE S256 where the network supports it) and reads token answers;
 * the token requests themselves go through kit's HTTP client, so a Mastodon instance typed by a
 * user is SSRF-checked like any other address. The pending authorisations (state, PKCE verifier,
 * workspace, principal) live in this process for 10 minutes and are used once.
 */
import { CodeChallengeMethod, OAuth2Client, OAuth2Tokens, generateCodeVerifier, generateState } from 'arctic';
import { AppError, type Account, type ConnectorId, type Store } from '@vigie/core';
import { assertPublicUrl, ConnectorError, getConnector, isConnectorError, type HttpClient } from '@vigie/connectors';
import type { Config, OAuthProvider } from '../config';
import type { Logger } from '../logger';
import type { SecretBox } from '../security/secret-box';
import { openSecrets, sealSecrets } from '../security/source-secrets';
import { accountSecretFields, REFRESH_MARGIN_MS } from './account-service';

/** How one network does OAuth 2. Endpoints are fixed here; only tests may point them elsewhere. */
export interface OAuthNetwork {
  /** Which configured app (VIGIE_OAUTH_<NET>_…) it uses; `mastodon` registers one per instance. */
  configKey: OAuthProvider | 'mastodon';
  authorizeUrl: string;
  tokenUrl: string;
  scopes: string[];
  /** PKCE S256 (X, Google, Mastodon); LinkedIn, Reddit and Facebook web apps use the client secret only. */
  pkce: boolean;
  /** How the client authenticates at the token endpoint. */
  clientAuth: 'basic' | 'body';
  /** The account setting the access token goes to (what the connector reads). */
  tokenField: string;
  /** Extra authorisation parameters (offline access, permanent refresh tokens). */
  extraParams?: Record<string, string>;
}

/**
 * The networks, by connector. Instagram shares Facebook's login; YouTube uses Google's.
 * - X: https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code
 * - LinkedIn: https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow
 * - Reddit: https://github.com/reddit-archive/reddit/wiki/OAuth2
 * - Facebook/Instagram: https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow
 * - Google/YouTube: https://developers.google.com/identity/protocols/oauth2/web-server
 * - Mastodon: https://docs.joinmastodon.org/methods/apps/ and https://docs.joinmastodon.org/methods/oauth/
 */
export const OAUTH_NETWORKS: Partial<Record<ConnectorId, OAuthNetwork>> = {
  x: { configKey: 'x', authorizeUrl: 'https://x.com/i/oauth2/authorize', tokenUrl: 'https://api.x.com/2/oauth2/token', scopes: ['tweet.read', 'users.read', 'tweet.write', 'offline.access'], pkce: true, clientAuth: 'basic', tokenField: 'bearerToken' },
  linkedin: { configKey: 'linkedin', authorizeUrl: 'https://www.linkedin.com/oauth/v2/authorization', tokenUrl: 'https://www.linkedin.com/oauth/v2/accessToken', scopes: ['r_organization_social', 'w_organization_social', 'rw_organization_admin'], pkce: false, clientAuth: 'body', tokenField: 'accessToken' },
  reddit: { configKey: 'reddit', authorizeUrl: 'https://www.reddit.com/api/v1/authorize', tokenUrl: 'https://www.reddit.com/api/v1/access_token', scopes: ['read', 'identity', 'submit'], pkce: false, clientAuth: 'basic', tokenField: 'accessToken', extraParams: { duration: 'permanent' } },
  facebook: { configKey: 'facebook', authorizeUrl: 'https://www.facebook.com/v23.0/dialog/oauth', tokenUrl: 'https://graph.facebook.com/v23.0/oauth/access_token', scopes: ['pages_show_list', 'pages_read_engagement', 'pages_read_user_content', 'pages_manage_engagement'], pkce: false, clientAuth: 'body', tokenField: 'accessToken' },
  instagram: { configKey: 'facebook', authorizeUrl: 'https://www.facebook.com/v23.0/dialog/oauth', tokenUrl: 'https://graph.facebook.com/v23.0/oauth/access_token', scopes: ['pages_show_list', 'instagram_basic', 'instagram_manage_comments'], pkce: false, clientAuth: 'body', tokenField: 'accessToken' },
  youtube: { configKey: 'google', authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth', tokenUrl: 'https://oauth2.googleapis.com/token', scopes: ['https://www.googleapis.com/auth/youtube.force-ssl'], pkce: true, clientAuth: 'body', tokenField: 'accessToken', extraParams: { access_type: 'offline', prompt: 'consent' } },
  mastodon: { configKey: 'mastodon', authorizeUrl: '/oauth/authorize', tokenUrl: '/oauth/token', scopes: ['read', 'write:statuses'], pkce: true, clientAuth: 'body', tokenField: 'token' },
};

/** The read budget of an X account connected with OAuth, until the user changes it (X's connector default). */
const X_DEFAULT_MONTHLY_READS = 10_000;

/** A pending authorisation lives this long. */
export const STATE_TTL_MS = 10 * 60_000;

interface PendingAuthorisation {
  connector: ConnectorId;
  workspaceId: string;
  /** Who started it (user or token id), recorded on the account's audit entry. */
  principal: string;
  codeVerifier: string | null;
  redirectUri: string;
  expiresAt: number;
  /** Re-authorising an existing account rather than creating one. */
  accountId?: string;
  name?: string;
  mastodon?: { instance: string; clientId: string; clientSecret: string };
}

export interface OAuthFlowDeps {
  config: Config;
  store: Store;
  secrets: SecretBox;
  http: HttpClient;
  log: Logger;
  now(): Date;
  /** Tests only (never configuration): token and authorisation endpoints of a local fixture server. */
  endpoints?: Partial<Record<ConnectorId, Partial<Pick<OAuthNetwork, 'authorizeUrl' | 'tokenUrl'>>>>;
}

const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();

/** The OAuth error of a token endpoint, in the user's words, without the code or tokens. */
function tokenError(status: number, body: Buffer): ConnectorError {
  let described = `HTTP ${status}`;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { error?: unknown; error_description?: unknown };
    if (typeof parsed.error === 'string') described = `${parsed.error}${typeof parsed.error_description === 'string' ? `: ${parsed.error_description}` : ''}`;
    else if (parsed.error && typeof parsed.error === 'object' && 'message' in parsed.error) described = String((parsed.error as { message: unknown }).message);
  } catch {
    // not JSON: the status says enough
  }
  return new ConnectorError(status === 400 || status === 401 ? 'auth_expired' : 'upstream_unavailable', `the network refused the authorisation (${described}) / le réseau a refusé l’autorisation`, { status });
}

/**
 * @example
 * const oauth = createOAuthFlow({ config, store, secrets, http, log, now });
 * const { url } = await oauth.start({ connector: 'x', workspaceId, principal: userId });   // → the network's consent page
 * const account = await oauth.callback('x', { code, state });                               // → a new or re-authorised account
 */
export function createOAuthFlow(deps: OAuthFlowDeps) {
  const pending = new Map<string, PendingAuthorisation>();
  const refreshing = new Map<string, Promise<Account>>();

  function networkOf(connector: string): OAuthNetwork {
    const base = OAUTH_NETWORKS[connector as ConnectorId];
    if (!base) throw new AppError('not_found', `${connector} has no "Connect with…" / ${connector} ne propose pas de connexion OAuth`);
    return { ...base, ...deps.endpoints?.[connector as ConnectorId] };
  }

  function clientOf(network: OAuthNetwork, stored?: { clientId: string; clientSecret: string }): { clientId: string; clientSecret: string } {
    if (stored) return stored;
    const client = network.configKey === 'mastodon' ? undefined : deps.config.oauth[network.configKey];
    if (!client) {
      const variable = `VIGIE_OAUTH_${network.configKey.toUpperCase()}_CLIENT_ID`;
      throw new AppError('conflict', `no OAuth app configured for this network: set ${variable} and its _SECRET / aucune application OAuth configurée : renseignez ${variable}`);
    }
    return client;
  }

  async function postToken(network: OAuthNetwork, tokenUrl: string, client: { clientId: string; clientSecret: string }, fields: Record<string, string>): Promise<OAuth2Tokens> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    const body = { ...fields };
    if (network.clientAuth === 'basic') headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`;
    else Object.assign(body, { client_id: client.clientId, client_secret: client.clientSecret });
    const response = await deps.http.post(tokenUrl, form(body), { headers, throwHttpErrors: false });
    if (response.status >= 400) throw tokenError(response.status, response.body);
    let data: unknown;
    try {
      data = JSON.parse(response.body.toString('utf8'));
    } catch {
      throw new ConnectorError('invalid_payload', 'the token endpoint did not answer JSON / réponse du réseau illisible');
    }
    if (!data || typeof data !== 'object' || typeof (data as { access_token?: unknown }).access_token !== 'string') {
      throw new ConnectorError('invalid_payload', 'the token endpoint answered without an access token / pas de jeton d’accès dans la réponse');
    }
    return new OAuth2Tokens(data);
  }

  /** The account settings from a token answer (before sealing). */
  function settingsOf(network: OAuthNetwork, tokens: OAuth2Tokens, connector: ConnectorId, previous: Record<string, unknown> = {}): Record<string, unknown> {
    const data = tokens.data as { expires_in?: unknown };
    return {
      oauth: network.configKey,
      [network.tokenField]: tokens.accessToken(),
      ...(tokens.hasRefreshToken() ? { refreshToken: tokens.refreshToken() } : typeof previous.refreshToken === 'string' ? { refreshToken: previous.refreshToken } : {}),
      ...(typeof data.expires_in === 'number' && { expiresAt: new Date(deps.now().getTime() + data.expires_in * 1000).toISOString() }),
      ...(tokens.hasScopes() && { scope: tokens.scopes().join(' ') }),
      ...(connector === 'mastodon' && typeof previous.instance === 'string' && { instance: previous.instance }),
    };
  }

  const flow = {
    /** Where the browser goes to consent. `instance` is required for Mastodon (Vigie registers an app there first). */
    async start(input: { connector: string; workspaceId: string; principal: string; accountId?: string; instance?: string; name?: string }): Promise<{ url: string }> {
      const network = networkOf(input.connector);
      const connector = input.connector as ConnectorId;
      const redirectUri = `${deps.config.publicUrl}/api/oauth/${connector}/callback`;
      if (input.accountId && !(await deps.store.accounts.get(input.workspaceId, input.accountId))) throw new AppError('not_found', `account ${input.accountId} does not exist`);
      let client: { clientId: string; clientSecret: string };
      let authorizeUrl = network.authorizeUrl;
      let mastodon: PendingAuthorisation['mastodon'];
      if (network.configKey === 'mastodon') {
        const existing = input.accountId ? await deps.store.accounts.get(input.workspaceId, input.accountId) : undefined;
        const raw = input.instance ?? (typeof existing?.config.instance === 'string' ? existing.config.instance : undefined);
        if (!raw) throw new AppError('validation_failed', 'enter the instance, e.g. https://mastodon.social / saisissez l’instance', [{ field: 'instance', message: 'required' }]);
        let instance: string;
        try {
          instance = new URL(raw).origin;
          await assertPublicUrl(instance, { allowPrivate: deps.config.allowPrivateUrls });
        } catch (error) {
          const message = isConnectorError(error) ? error.message : `"${raw}" is not an address / n’est pas une adresse`;
          throw new AppError('validation_failed', message, [{ field: 'instance', message }]);
        }
        // https://docs.joinmastodon.org/methods/apps/#create — one app per instance and authorisation.
        const registered = await deps.http.post(
          `${instance}/api/v1/apps`,
          JSON.stringify({ client_name: 'Vigie', redirect_uris: redirectUri, scopes: network.scopes.join(' '), website: deps.config.publicUrl }),
          { headers: { 'content-type': 'application/json' }, throwHttpErrors: false },
        );
        const app = registered.status < 300 ? (JSON.parse(registered.body.toString('utf8')) as { client_id?: unknown; client_secret?: unknown }) : {};
        if (typeof app.client_id !== 'string' || typeof app.client_secret !== 'string') {
          throw new AppError('source_failed', `${instance} refused to register Vigie (HTTP ${registered.status}) / l’instance a refusé d’enregistrer Vigie`, [{ field: 'instance', message: `HTTP ${registered.status}` }]);
        }
        client = { clientId: app.client_id, clientSecret: app.client_secret };
        mastodon = { instance, ...client };
        authorizeUrl = network.authorizeUrl.startsWith('/') ? `${instance}${network.authorizeUrl}` : network.authorizeUrl;
      } else {
        client = clientOf(network);
      }
      const state = generateState();
      const codeVerifier = network.pkce ? generateCodeVerifier() : null;
      const oauth = new OAuth2Client(client.clientId, client.clientSecret, redirectUri);
      const url = codeVerifier ? oauth.createAuthorizationURLWithPKCE(authorizeUrl, state, CodeChallengeMethod.S256, codeVerifier, network.scopes) : oauth.createAuthorizationURL(authorizeUrl, state, network.scopes);
      for (const [key, value] of Object.entries(network.extraParams ?? {})) url.searchParams.set(key, value);
      const now = deps.now().getTime();
      for (const [key, entry] of pending) if (entry.expiresAt <= now) pending.delete(key);
      pending.set(state, {
        connector,
        workspaceId: input.workspaceId,
        principal: input.principal,
        codeVerifier,
        redirectUri,
        expiresAt: now + STATE_TTL_MS,
        ...(input.accountId && { accountId: input.accountId }),
        ...(input.name && { name: input.name }),
        ...(mastodon && { mastodon }),
      });
      return { url: url.toString() };
    },

    /**
     * Completes an authorisation: the state must be one this process handed out for this
     * connector, less than 10 minutes ago, and is spent whatever happens next.
     */
    async callback(connector: string, query: { code?: string; state?: string; error?: string }): Promise<{ account: Account; principal: string; created: boolean }> {
      const entry = query.state ? pending.get(query.state) : undefined;
      if (query.state) pending.delete(query.state);
      if (!entry || entry.connector !== connector || entry.expiresAt <= deps.now().getTime()) {
        throw new AppError('not_found', 'unknown or expired authorisation: start again from Settings › Accounts / autorisation inconnue ou expirée : recommencez depuis Réglages › Comptes');
      }
      if (query.error || !query.code) throw new AppError('forbidden', `the authorisation was not granted (${query.error ?? 'no code'}) / l’autorisation n’a pas été accordée`);
      const network = networkOf(connector);
      const client = clientOf(network, entry.mastodon);
      const tokenUrl = entry.mastodon && network.tokenUrl.startsWith('/') ? `${entry.mastodon.instance}${network.tokenUrl}` : network.tokenUrl;
      const tokens = await postToken(network, tokenUrl, client, {
        grant_type: 'authorization_code',
        code: query.code,
        redirect_uri: entry.redirectUri,
        ...(entry.codeVerifier && { code_verifier: entry.codeVerifier }),
      });
      const definition = getConnector(connector);
      const fields = definition ? accountSecretFields(definition) : [];
      const settings = {
        ...settingsOf(network, tokens, entry.connector, entry.mastodon ? { instance: entry.mastodon.instance } : {}),
        ...(entry.mastodon && { clientId: entry.mastodon.clientId, clientSecret: entry.mastodon.clientSecret }),
      };
      if (entry.accountId) {
        const existing = await deps.store.accounts.get(entry.workspaceId, entry.accountId);
        if (existing) {
          const keep = Object.fromEntries(Object.entries(existing.config).filter(([key]) => !(key in settings) && key !== 'expiresAt'));
          const updated = await deps.store.accounts.update(entry.workspaceId, existing.id, { config: sealSecrets(deps.secrets, fields, { ...keep, ...settings }) });
          return { account: updated ?? existing, principal: entry.principal, created: false };
        }
      }
      const account = await deps.store.accounts.create(entry.workspaceId, {
        connector: entry.connector,
        name: entry.name ?? `${definition?.name ?? connector}${entry.mastodon ? ` (${new URL(entry.mastodon.instance).host})` : ''}`,
        config: sealSecrets(deps.secrets, fields, settings),
        ...(connector === 'x' && { monthlyReads: X_DEFAULT_MONTHLY_READS }),
      });
      return { account, principal: entry.principal, created: true };
    },

    /**
     * Renews an account's access token with its refresh token (before it expires, from the
     * poller); throws when the network refuses — the caller marks the account `needs_reauth`.
     */
    refresh(account: Account): Promise<Account> {
      // One refresh per account at a time: X rotates refresh tokens, so a second concurrent refresh
      // with the same (now spent) token would be refused and wrongly stop the account.
      const running = refreshing.get(account.id);
      if (running) return running;
      const done = refreshOnce(account).finally(() => refreshing.delete(account.id));
      refreshing.set(account.id, done);
      return done;
    },

    /** Pending authorisations (for tests and health). */
    pendingCount: (): number => pending.size,
  };

  async function refreshOnce(stale: Account): Promise<Account> {
    // Another process may have refreshed it meanwhile: use its token if it is fresh.
    const account = (await deps.store.accounts.get(stale.workspaceId, stale.id)) ?? stale;
    if (account.config.expiresAt !== stale.config.expiresAt && Date.parse(String(account.config.expiresAt)) - deps.now().getTime() > REFRESH_MARGIN_MS) return account;
    const opened = openSecrets(deps.secrets, account.config);
    const refreshToken = opened.refreshToken;
    if (typeof refreshToken !== 'string') throw new ConnectorError('auth_expired', 'no refresh token: connect the account again / pas de jeton de renouvellement');
    const network = networkOf(account.connector);
    const stored = typeof opened.clientId === 'string' && typeof opened.clientSecret === 'string' ? { clientId: opened.clientId, clientSecret: opened.clientSecret } : undefined;
    const instance = typeof opened.instance === 'string' ? opened.instance : undefined;
    const tokenUrl = network.tokenUrl.startsWith('/') && instance ? `${instance}${network.tokenUrl}` : network.tokenUrl;
    const tokens = await postToken(network, tokenUrl, clientOf(network, stored), { grant_type: 'refresh_token', refresh_token: refreshToken });
    const definition = getConnector(account.connector);
    const settings = settingsOf(network, tokens, account.connector, opened);
    const { expiresAt: _old, ...kept } = opened;
    const config = sealSecrets(deps.secrets, definition ? accountSecretFields(definition) : [], { ...kept, ...settings });
    deps.log.info({ accountId: account.id, connector: account.connector }, 'account access token refreshed');
    return (await deps.store.accounts.update(account.workspaceId, account.id, { config })) ?? account;
  }

  return flow;
}

export type OAuthFlow = ReturnType<typeof createOAuthFlow>;
