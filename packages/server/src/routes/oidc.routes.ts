import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../http/app-env';
import { sessionCookie, setSessionCookie } from '../security/authenticate';
import { createOidcService, OIDC_FLOW_MS, OidcSignInError, type OidcErrorCode } from '../services/oidc-service';
import { json } from './auth-schemas';

/** Remembers one sign-in attempt (sealed state, nonce and PKCE verifier) until the provider sends the browser back. */
export const OIDC_FLOW_COOKIE = 'vigie_oidc';
const FLOW_COOKIE_PATH = '/api/auth/oidc';

const OidcInfo = z.object({ enabled: z.boolean(), name: z.string().openapi({ description: 'The sign-in button’s label (VIGIE_OIDC_NAME)' }) }).openapi('OidcInfo');
const CallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  iss: z.string().max(2048).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  session_state: z.string().max(512).optional(),
});

/**
 * Optional sign-in with an OpenID Connect provider (docs/security.md › OIDC): `GET /auth/oidc`
 * tells the sign-in page whether to show the button; `start` sends the browser to the provider;
 * `callback` checks the answer, opens a session like a password sign-in and goes to `/#/`, or to
 * `/#/login?error=<code>` when it is refused. All three are public.
 */
export function oidcRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const oidc = createOidcService({ config: deps.config, store: deps.store, identity: deps.identity, secrets: deps.secrets, audit: deps.audit, log: deps.log, now: deps.now });
  const secure = (c: Context) => deps.config.publicUrl.startsWith('https:') || new URL(c.req.url).protocol === 'https:';
  const failed = (c: Context, code: OidcErrorCode) => c.redirect(`${deps.config.publicUrl}/#/login?error=${code}`, 302);

  app.openapi(
    createRoute({ method: 'get', path: '/auth/oidc', tags: ['auth'], responses: { 200: json(OidcInfo, 'Whether “Sign in with …” is offered, and its label') } }),
    (c) => c.json(oidc.describe(), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/oidc/start',
      tags: ['auth'],
      description: 'Sends the browser to the identity provider (authorization code, PKCE S256, state, nonce); the attempt is remembered 10 minutes in a sealed `vigie_oidc` cookie.',
      responses: { 302: { description: 'To the provider; or to `/#/login?error=oidc_off|oidc_unavailable`' } },
    }),
    async (c) => {
      try {
        const { url, flowCookie } = await oidc.start();
        setCookie(c, OIDC_FLOW_COOKIE, flowCookie, { httpOnly: true, sameSite: 'Lax', path: FLOW_COOKIE_PATH, secure: secure(c), maxAge: OIDC_FLOW_MS / 1000 });
        return c.redirect(url, 302);
      } catch (error) {
        if (error instanceof OidcSignInError) return failed(c, error.code);
        throw error;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/oidc/callback',
      tags: ['auth'],
      request: { query: CallbackQuery },
      description:
        'Where the provider sends the browser back. Checks the state against the attempt’s cookie (once only), exchanges the code, checks the ID token (signature, issuer, audience, nonce, expiry) and `email_verified`, then signs in the account with that e-mail.',
      responses: {
        302: {
          description:
            'Signed in (Set-Cookie `vigie_session`) and to `/#/`; or to `/#/login?error=<code>`: oidc_state, oidc_denied, oidc_failed, oidc_unavailable, oidc_off, email_unverified, unknown_user, no_workspace, disabled, rate_limited',
        },
      },
    }),
    async (c) => {
      const flowCookie = getCookie(c, OIDC_FLOW_COOKIE) || undefined;
      deleteCookie(c, OIDC_FLOW_COOKIE, { httpOnly: true, sameSite: 'Lax', path: FLOW_COOKIE_PATH, secure: secure(c) });
      try {
        const signedIn = await oidc.finish(c, { search: new URL(c.req.url).search, flowCookie, userAgent: c.req.header('user-agent'), previousSessionSecret: sessionCookie(c) });
        setSessionCookie(c, signedIn.secret, deps.config);
        return c.redirect(`${deps.config.publicUrl}/#/`, 302);
      } catch (error) {
        if (error instanceof OidcSignInError) return failed(c, error.code);
        throw error;
      }
    },
  );

  return app;
}
