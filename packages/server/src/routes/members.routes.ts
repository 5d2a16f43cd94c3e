import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/app-env';
import { conflict, EmailSchema, forbidden, invalid, json, jsonBody, MemberSchema, NameSchema, notFound, RoleSchema, unauthenticated } from './auth-schemas';

const UserIdParam = z.object({ userId: z.string().min(1).max(100).openapi({ param: { name: 'userId', in: 'path' } }) });
const NewMember = z.object({ email: EmailSchema, role: RoleSchema, name: NameSchema.optional() }).openapi('NewMember');

/** The people of the current workspace and their roles; invitations by e-mail. */
export function memberRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { team } = deps;

  app.openapi(
    createRoute({ method: 'get', path: '/members', tags: ['members'], responses: { 200: json(z.object({ items: z.array(MemberSchema) }), 'Members, by e-mail'), 401: unauthenticated, 403: forbidden } }),
    async (c) => c.json({ items: await team.listMembers(c.var.workspaceId) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/members', tags: ['members'], request: jsonBody(NewMember),
      description: 'Adds a person: an existing account joins at once; otherwise an account is created with a seven-day invitation link (`inviteUrl`, shown once, e-mailed when SMTP is set up).',
      responses: { 201: json(z.object({ member: MemberSchema, inviteUrl: z.string().optional() }), 'Added'), 400: invalid, 401: unauthenticated, 403: forbidden, 409: conflict },
    }),
    async (c) => c.json(await team.addMember(c, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/members/{userId}', tags: ['members'], request: { params: UserIdParam, ...jsonBody(z.object({ role: RoleSchema }).openapi('MemberRole')) },
      responses: { 200: json(MemberSchema, 'Role changed'), 400: invalid, 401: unauthenticated, 403: forbidden, 404: notFound, 409: conflict },
    }),
    async (c) => c.json(await team.setMemberRole(c, c.req.valid('param').userId, c.req.valid('json').role), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/members/{userId}', tags: ['members'], request: { params: UserIdParam },
      responses: { 204: { description: 'Removed (their API tokens for this workspace stop working)' }, 401: unauthenticated, 403: forbidden, 404: notFound, 409: conflict },
    }),
    async (c) => {
      await team.removeMember(c, c.req.valid('param').userId);
      return c.body(null, 204);
    },
  );

  return app;
}
