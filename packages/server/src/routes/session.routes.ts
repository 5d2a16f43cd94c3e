import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '@vigie/core';
import type { AppDeps, AppEnv } from '../http/app-env';
import { setSessionCookie } from '../security/authenticate';
import { forbidden, invalid, json, jsonBody, notFound, PasswordSchema, rateLimited, SessionSchema, unauthenticated } from './auth-schemas';

const PasswordChange = z.object({ currentPassword: PasswordSchema, newPassword: PasswordSchema }).openapi('PasswordChange');
const WorkspaceSwitch = z.object({ workspaceId: z.string().min(1).max(100) }).openapi('WorkspaceSwitch');

/** The caller's own session: who am I, change my password, act on another of my workspaces. */
export function sessionRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { identity } = deps;

  app.openapi(
    createRoute({
      method: 'get', path: '/session', tags: ['auth'],
      description: 'Who is calling, in which workspace, with which role and permissions; the CSRF token for cookie sessions.',
      responses: { 200: json(SessionSchema, 'The session (or the token)'), 401: unauthenticated },
    }),
    async (c) => {
      const caller = c.var.caller;
      if (!caller) throw new AppError('unauthenticated', 'sign in first');
      return c.json(await identity.view(caller), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/session/password', tags: ['auth'], request: jsonBody(PasswordChange),
      description: 'Changes the password: every other session of the account ends and this one gets a new cookie.',
      responses: { 204: { description: 'Changed' }, 400: invalid, 401: unauthenticated, 403: forbidden, 429: rateLimited },
    }),
    async (c) => {
      const signedIn = await identity.changePassword(c, { ...c.req.valid('json'), userAgent: c.req.header('user-agent') });
      setSessionCookie(c, signedIn.secret, deps.config);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/session/workspace', tags: ['auth'], request: jsonBody(WorkspaceSwitch),
      responses: { 200: json(SessionSchema, 'The session, now acting on that workspace'), 400: invalid, 401: unauthenticated, 403: forbidden, 404: notFound },
    }),
    async (c) => c.json(await identity.switchWorkspace(c, c.req.valid('json').workspaceId), 200),
  );

  return app;
}
