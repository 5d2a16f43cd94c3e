import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/app-env';
import { IdParam } from '../http/schemas';
import { IDENTITY_LIMITS } from '../services/identity-common';
import { ApiTokenSchema, forbidden, invalid, json, jsonBody, NameSchema, notFound, RoleSchema, unauthenticated } from './auth-schemas';

const NewToken = z.object({ name: NameSchema, role: RoleSchema, expiresInDays: z.number().int().min(1).max(IDENTITY_LIMITS.maxTokenDays).optional() }).openapi('NewApiToken');

/** API tokens of the current workspace: `Authorization: Bearer vgt_…`, one workspace, one role. */
export function tokenRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { team } = deps;

  app.openapi(
    createRoute({ method: 'get', path: '/tokens', tags: ['tokens'], responses: { 200: json(z.object({ items: z.array(ApiTokenSchema) }), 'Tokens (never their secret)'), 401: unauthenticated, 403: forbidden } }),
    async (c) => c.json({ items: await team.listTokens(c.var.workspaceId) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/tokens', tags: ['tokens'], request: jsonBody(NewToken),
      description: 'Creates a token; `secret` is shown this once. Its role cannot exceed the creator’s; only a signed-in person (not a token) creates tokens.',
      responses: { 201: json(z.object({ token: ApiTokenSchema, secret: z.string() }), 'Created'), 400: invalid, 401: unauthenticated, 403: forbidden },
    }),
    async (c) => c.json(await team.createToken(c, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/tokens/{id}', tags: ['tokens'], request: { params: IdParam }, responses: { 204: { description: 'Revoked' }, 401: unauthenticated, 403: forbidden, 404: notFound } }),
    async (c) => {
      await team.revokeToken(c, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return app;
}
