/**
 * Optional sign-in with an OpenID Connect provider (docs/security.md › OIDC): authorization code
 * with PKCE, state and nonce, by `openid-client` (which checks the ID token's signature, issuer,
 * audience, nonce and expiry). The flow's secrets (state, nonce, PKCE verifier) travel in a sealed
 * (AES-GCM) cookie that lives 10 minutes and is spent at the first callback. A person signs in when
 * the provider vouches for their e-mail (`email_verified: true`) and Vigie knows that e-mail (an
 * account or an invitation); with auto-create, an unknown verified e-mail gets an account with no
 * workspace, which an owner then adds.
 */
import * as client from 'openid-client';
import { AppError, type Store, type User } from '@vigie/core';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { AuditFn } from '../security/audit';
import type { SecretBox } from '../security/secret-box';
import type { IdentityService } from './identity-service';
import { normalizeEmail, type RequestContext, type SignedIn } from './identity-common';

/** How long a started sign-in may take at the provider. */
export const OIDC_FLOW_MS = 10 * 60_000;
/** Each request to the provider (discovery, keys, token) gives up after this long. */
const PROVIDER_TIMEOUT_S = 10;

/** Why a sign-in failed: `/#/login?error=<code>`, worded on the sign-in page (FR/EN). */
export type OidcErrorCode =
  | 'oidc_off'
  | 'oidc_unavailable'
  | 'oidc_state'
  | 'oidc_denied'
  | 'oidc_failed'
  | 'email_unverified'
  | 'unknown_user'
  | 'no_workspace'
  | 'disabled'
  | 'rate_limited';

export class OidcSignInError extends Error {
  constructor(readonly code: OidcErrorCode, message: string) {
    super(message);
    this.name = 'OidcSignInError';
  }
}

interface FlowState {
  state: string;
  nonce: string;
  verifier: string;
  expiresAt: number;
}

export interface OidcServiceDeps {
  config: Pick<Config, 'oidc' | 'publicUrl'>;
  store: Pick<Store, 'users'>;
  identity: Pick<IdentityService, 'signInVerified'>;
  secrets: Pick<SecretBox, 'seal' | 'open'>;
  audit: AuditFn;
  log: Logger;
  now: () => Date;
}

/**
 * @example
 * const oidc = createOidcService({ config, store, identity, secrets, audit, log, now });
 * const { url, flowCookie } = await oidc.start();          // 302 to url, Set-Cookie flowCookie
 * const signedIn = await oidc.finish(c, { search, flowCookie }); // the session, or OidcSignInError
 */
export function createOidcService(deps: OidcServiceDeps) {
  const settings = deps.config.oidc;
  // Read at each use: a server started on port 0 learns its public URL once listening.
  const redirectUri = () => `${deps.config.publicUrl}/api/auth/oidc/callback`;
  /** States already presented once (this process); the provider's one-time code covers other processes. */
  const spent = new Map<string, number>();
  let discovered: Promise<client.Configuration> | undefined;

  function provider(): Promise<client.Configuration> {
    if (!settings) return Promise.reject(new OidcSignInError('oidc_off', 'OIDC sign-in is not configured'));
    discovered ??= client
      .discovery(new URL(settings.issuer), settings.clientId, { client_secret: settings.clientSecret, redirect_uris: [redirectUri()] }, client.ClientSecretPost(settings.clientSecret), {
        timeout: PROVIDER_TIMEOUT_S,
        ...(settings.issuer.startsWith('http:') && { execute: [client.allowInsecureRequests] }),
      })
      .then((configuration) => {
        configuration.timeout = PROVIDER_TIMEOUT_S;
        return configuration;
      })
      .catch((error: unknown) => {
        discovered = undefined; // try again at the next sign-in
        deps.log.warn({ err: error instanceof Error ? error.message : String(error), issuer: settings.issuer }, 'OIDC discovery failed');
        throw new OidcSignInError('oidc_unavailable', 'the identity provider cannot be reached');
      });
    return discovered;
  }

  function openFlow(cookie: string | undefined): FlowState | undefined {
    if (!cookie) return undefined;
    try {
      const flow = JSON.parse(deps.secrets.open(cookie)) as Partial<FlowState>;
      if (typeof flow.state !== 'string' || typeof flow.nonce !== 'string' || typeof flow.verifier !== 'string' || typeof flow.expiresAt !== 'number') return undefined;
      return flow as FlowState;
    } catch {
      return undefined;
    }
  }

  function spend(state: string, at: number): boolean {
    for (const [s, until] of spent) if (until <= at) spent.delete(s);
    if (spent.has(state)) return false;
    spent.set(state, at + OIDC_FLOW_MS);
    return true;
  }

  async function userFor(claims: client.IDToken, userInfo: Record<string, unknown> | undefined): Promise<User> {
    const email = typeof claims.email === 'string' ? claims.email : typeof userInfo?.email === 'string' ? userInfo.email : undefined;
    const verified = claims.email !== undefined ? claims.email_verified : userInfo?.email_verified;
    if (!email || verified !== true) throw new OidcSignInError('email_unverified', 'the provider did not vouch for the e-mail');
    const address = normalizeEmail(email);
    const known = await deps.store.users.getByEmail(address);
    if (known) return known;
    if (!settings?.autoCreate) throw new OidcSignInError('unknown_user', 'no Vigie account uses this e-mail');
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 100) : address.split('@')[0] || address;
    const locale = typeof claims.locale === 'string' && claims.locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
    const user = await deps.store.users.create({ email: address, name, locale });
    deps.log.info({ userId: user.id }, 'OIDC sign-in created an account (no workspace until an owner adds it)');
    return user;
  }

  return {
    /** What the sign-in page shows: whether the button is there, and its label. */
    describe: (): { enabled: boolean; name: string } => ({ enabled: settings !== undefined, name: settings?.name ?? '' }),

    /** The provider's authorization URL and the sealed cookie that remembers this attempt. */
    async start(): Promise<{ url: string; flowCookie: string }> {
      const configuration = await provider();
      const flow: FlowState = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        expiresAt: deps.now().getTime() + OIDC_FLOW_MS,
      };
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri(),
        scope: 'openid email profile',
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, flowCookie: deps.secrets.seal(JSON.stringify(flow)) };
    },

    /**
     * Checks the provider's answer against the attempt's cookie, exchanges the code, checks the ID
     * token and the e-mail, and opens a session. Throws OidcSignInError with the page's code.
     */
    async finish(c: RequestContext, input: { search: string; flowCookie?: string; userAgent?: string; previousSessionSecret?: string }): Promise<SignedIn> {
      const at = deps.now().getTime();
      const params = new URLSearchParams(input.search);
      const flow = openFlow(input.flowCookie);
      if (!flow || flow.expiresAt <= at || params.get('state') !== flow.state || !spend(flow.state, at)) {
        throw new OidcSignInError('oidc_state', 'unknown, expired or already used sign-in attempt');
      }
      if (params.has('error')) throw new OidcSignInError('oidc_denied', `the provider answered ${params.get('error')?.slice(0, 60) ?? 'an error'}`);
      const configuration = await provider();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(configuration, new URL(`${redirectUri()}?${params.toString()}`), {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        // The library's message names the failed check (nonce, audience, signature…); never a token.
        deps.log.warn({ err: error instanceof Error ? error.message : String(error), code: (error as { code?: unknown }).code }, 'OIDC sign-in refused');
        throw new OidcSignInError('oidc_failed', 'the provider’s answer did not pass the checks');
      }
      const claims = tokens.claims();
      if (!claims) throw new OidcSignInError('oidc_failed', 'no ID token');
      let userInfo: Record<string, unknown> | undefined;
      if (claims.email === undefined) {
        try {
          userInfo = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        } catch (error) {
          deps.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'OIDC userinfo failed');
        }
      }
      let user: User | undefined;
      try {
        user = await userFor(claims, userInfo);
        return await deps.identity.signInVerified(c, user, { method: 'oidc', userAgent: input.userAgent, previousSessionSecret: input.previousSessionSecret });
      } catch (error) {
        const code = codeOf(error);
        await deps.audit({ var: { workspaceId: undefined, actor: c.var.actor, clientIp: c.var.clientIp } }, 'session.login_failed', user ? `user:${user.id}` : undefined, { method: 'oidc', reason: code });
        if (error instanceof OidcSignInError) throw error;
        throw new OidcSignInError(code, error instanceof Error ? error.message : String(error));
      }
    },
  };
}

function codeOf(error: unknown): OidcErrorCode {
  if (error instanceof OidcSignInError) return error.code;
  if (error instanceof AppError) {
    if (error.code === 'rate_limited') return 'rate_limited';
    if (error.code === 'forbidden') return error.details.some((d) => d.message === 'disabled') ? 'disabled' : 'no_workspace';
  }
  return 'oidc_failed';
}

export type OidcService = ReturnType<typeof createOidcService>;
