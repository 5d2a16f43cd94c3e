import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '@vigie/core';
import type { AppDeps, AppEnv } from '../http/app-env';
import { ErrorSchema, IdParam } from '../http/schemas';
import { NewSavedReplySchema, SavedReplySchema } from './conversation-schemas';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = { 400: json(ErrorSchema, 'Invalid input'), 404: json(ErrorSchema, 'No such saved reply') };

/** Saved replies with `{author}`, `{topic}`… variables, filled in by the composer. */
export function savedReplyRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({ method: 'get', path: '/saved-replies', tags: ['inbox'], responses: { 200: json(z.object({ items: z.array(SavedReplySchema) }), 'By name') } }),
    async (c) => c.json({ items: await deps.store.savedReplies.list(c.var.workspaceId) }, 200),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/saved-replies', tags: ['inbox'], request: { body: { content: { 'application/json': { schema: NewSavedReplySchema } }, required: true } }, responses: { 201: json(SavedReplySchema, 'Created'), 400: errors[400] } }),
    async (c) => c.json(await deps.store.savedReplies.create(c.var.workspaceId, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({ method: 'patch', path: '/saved-replies/{id}', tags: ['inbox'], request: { params: IdParam, body: { content: { 'application/json': { schema: NewSavedReplySchema.partial() } }, required: true } }, responses: { 200: json(SavedReplySchema, 'Updated'), ...errors } }),
    async (c) => {
      const id = c.req.valid('param').id;
      const updated = await deps.store.savedReplies.update(c.var.workspaceId, id, c.req.valid('json'));
      if (!updated) throw new AppError('not_found', `Saved reply ${id} does not exist`);
      return c.json(updated, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/saved-replies/{id}', tags: ['inbox'], request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, 404: errors[404] } }),
    async (c) => {
      const id = c.req.valid('param').id;
      if (!(await deps.store.savedReplies.delete(c.var.workspaceId, id))) throw new AppError('not_found', `Saved reply ${id} does not exist`);
      return c.body(null, 204);
    },
  );

  return app;
}
