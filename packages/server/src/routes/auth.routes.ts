import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/app-env';
import { clearSessionCookie, sessionCookie, setSessionCookie } from '../security/authenticate';
import { conflict, EmailSchema, forbidden, invalid, json, jsonBody, NameSchema, notFound, OneTimeTokenSchema, PasswordSchema, rateLimited, SessionSchema, unauthenticated } from './auth-schemas';

const LoginRequest = z.object({ email: z.string().trim().max(320), password: PasswordSchema }).openapi('Login');
const SetupRequest = z.object({ token: OneTimeTokenSchema, email: EmailSchema, name: NameSchema, password: PasswordSchema, locale: z.enum(['fr', 'en']).optional() }).openapi('Setup');
const ResetRequest = z.object({ email: z.string().trim().max(320) }).openapi('PasswordResetRequest');
const ResetConfirm = z.object({ token: OneTimeTokenSchema, password: PasswordSchema }).openapi('PasswordResetConfirm');
const InvitationAccept = z.object({ token: OneTimeTokenSchema, name: NameSchema, password: PasswordSchema }).openapi('InvitationAccept');

/** Sign-in, sign-out, the first owner, password reset, invitations (docs/security.md). */
export function authRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { identity } = deps;
  const userAgent = (c: { req: { header(name: string): string | undefined } }) => c.req.header('user-agent');

  app.openapi(
    createRoute({
      method: 'post', path: '/auth/login', tags: ['auth'], request: jsonBody(LoginRequest),
      description: 'Signs in with e-mail and password: sets the `vigie_session` cookie (a new one at every sign-in) and answers the session.',
      responses: { 200: json(SessionSchema, 'Signed in; Set-Cookie carries the session'), 400: invalid, 401: unauthenticated, 403: forbidden, 429: rateLimited },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const signedIn = await identity.login(c, { ...body, userAgent: userAgent(c), previousSessionSecret: sessionCookie(c) });
      setSessionCookie(c, signedIn.secret, deps.config);
      return c.json(signedIn.view, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/auth/logout', tags: ['auth'], responses: { 204: { description: 'Signed out; the cookie is cleared' }, 401: unauthenticated, 403: forbidden } }),
    async (c) => {
      await identity.logout(c);
      clearSessionCookie(c, deps.config);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/auth/setup', tags: ['auth'], responses: { 200: json(z.object({ needed: z.boolean() }), 'Whether the first owner account is still to be created') } }),
    async (c) => c.json({ needed: await identity.setupNeeded() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/auth/setup', tags: ['auth'], request: jsonBody(SetupRequest),
      description: 'Creates the first owner with the link printed at first start (owner of every workspace) and signs in.',
      responses: { 200: json(SessionSchema, 'Owner created and signed in'), 400: invalid, 404: notFound, 409: conflict, 429: rateLimited },
    }),
    async (c) => {
      const signedIn = await identity.setup(c, { ...c.req.valid('json'), userAgent: userAgent(c) });
      setSessionCookie(c, signedIn.secret, deps.config);
      return c.json(signedIn.view, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/auth/password-reset', tags: ['auth'], request: jsonBody(ResetRequest),
      description: 'Always 202, whether or not the e-mail has an account; when it has one and SMTP is set up, a one-hour link is e-mailed.',
      responses: { 202: { description: 'Accepted' }, 400: invalid, 429: rateLimited },
    }),
    async (c) => {
      await identity.requestPasswordReset(c, c.req.valid('json').email);
      return c.body(null, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/auth/password-reset/confirm', tags: ['auth'], request: jsonBody(ResetConfirm),
      responses: { 204: { description: 'Password changed; every session of the account ended' }, 400: invalid, 404: notFound, 429: rateLimited },
    }),
    async (c) => {
      await identity.confirmPasswordReset(c, c.req.valid('json'));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/auth/invitation', tags: ['auth'], request: { query: z.object({ token: OneTimeTokenSchema }) },
      responses: { 200: json(z.object({ email: z.string(), workspaceName: z.string() }), 'Who is invited, where'), 400: invalid, 404: notFound },
    }),
    async (c) => c.json(await identity.invitation(c.req.valid('query').token), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/auth/invitation', tags: ['auth'], request: jsonBody(InvitationAccept),
      responses: { 200: json(SessionSchema, 'Password set and signed in'), 400: invalid, 404: notFound, 429: rateLimited },
    }),
    async (c) => {
      const signedIn = await identity.acceptInvitation(c, { ...c.req.valid('json'), userAgent: userAgent(c) });
      setSessionCookie(c, signedIn.secret, deps.config);
      return c.json(signedIn.view, 200);
    },
  );

  return app;
}
