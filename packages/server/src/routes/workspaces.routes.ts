import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/app-env';
import { conflict, forbidden, invalid, json, jsonBody, NameSchema, notFound, unauthenticated, WorkspaceSchema } from './auth-schemas';

const NewWorkspace = z
  .object({ name: NameSchema, slug: z.string().trim().regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, 'lower-case letters, digits and dashes / minuscules, chiffres et tirets').optional() })
  .openapi('NewWorkspace');
const WorkspaceInfo = z.object({ id: z.string(), name: z.string(), slug: z.string(), isDemo: z.boolean(), createdAt: z.string() }).openapi('Workspace');

/** My workspaces; create one; rename or delete the current one (admin). */
export function workspaceRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { team } = deps;

  app.openapi(
    createRoute({ method: 'get', path: '/workspaces', tags: ['workspaces'], responses: { 200: json(z.object({ items: z.array(WorkspaceSchema) }), 'The workspaces the caller belongs to, with its role'), 401: unauthenticated } }),
    async (c) => c.json({ items: await team.listWorkspaces(c) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/workspaces', tags: ['workspaces'], request: jsonBody(NewWorkspace),
      description: 'Creates a workspace; the signed-in person becomes its owner. Not with an API token.',
      responses: { 201: json(WorkspaceSchema, 'Created'), 400: invalid, 401: unauthenticated, 403: forbidden, 409: conflict },
    }),
    async (c) => c.json(await team.createWorkspace(c, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/workspace', tags: ['workspaces'], request: jsonBody(z.object({ name: NameSchema }).openapi('WorkspaceRename')),
      responses: { 200: json(WorkspaceInfo, 'Renamed'), 400: invalid, 401: unauthenticated, 403: forbidden },
    }),
    async (c) => c.json(await team.renameWorkspace(c, c.req.valid('json').name), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/workspace', tags: ['workspaces'], request: jsonBody(z.object({ confirm: z.string().max(100) }).openapi('WorkspaceDelete')),
      description: 'Deletes the current workspace and everything in it; `confirm` must be its slug. Not the instance’s first or last workspace.',
      responses: { 204: { description: 'Deleted' }, 400: invalid, 401: unauthenticated, 403: forbidden, 404: notFound, 409: conflict },
    }),
    async (c) => {
      await team.deleteWorkspace(c, c.req.valid('json').confirm);
      return c.body(null, 204);
    },
  );

  return app;
}
