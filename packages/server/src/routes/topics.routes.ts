import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createTopicService } from '@vigie/core';
import type { AppDeps, AppEnv } from '../http/app-env';
import { ErrorSchema, IdParam, NewQuerySchema, NewTopicSchema, QuerySchema, TopicPatchSchema, TopicSchema } from '../http/schemas';
import { presentQuery, presentTopic } from '../presenters/topic-presenter';
import { scheduleBackfill } from '../jobs/backfill-query.job';

const errors = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: ErrorSchema } } },
  404: { description: 'No such topic', content: { 'application/json': { schema: ErrorSchema } } },
};

export function topicRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const topics = createTopicService({ store: deps.store, queryIndex: deps.queryIndex });

  app.openapi(
    createRoute({ method: 'get', path: '/topics', tags: ['topics'], responses: { 200: { description: 'All topics', content: { 'application/json': { schema: z.object({ items: z.array(TopicSchema) }) } } } } }),
    async (c) => c.json({ items: (await topics.list(c.var.workspaceId)).map(presentTopic) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/topics',
      tags: ['topics'],
      request: { body: { content: { 'application/json': { schema: NewTopicSchema } }, required: true } },
      responses: { 201: { description: 'Created', content: { 'application/json': { schema: TopicSchema } } }, 400: errors[400] },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const topic = await topics.create(c.var.workspaceId, { ...body, queries: body.queries.map((text) => ({ text })) });
      for (const query of topic.queries) void scheduleBackfill(deps, c.var.workspaceId, query);
      return c.json(presentTopic(topic), 201);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/topics/{id}', tags: ['topics'], request: { params: IdParam }, responses: { 200: { description: 'The topic', content: { 'application/json': { schema: TopicSchema } } }, 404: errors[404] } }),
    async (c) => c.json(presentTopic(await topics.get(c.var.workspaceId, c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/topics/{id}',
      tags: ['topics'],
      request: { params: IdParam, body: { content: { 'application/json': { schema: TopicPatchSchema } }, required: true } },
      responses: { 200: { description: 'Updated', content: { 'application/json': { schema: TopicSchema } } }, ...errors },
    }),
    async (c) => c.json(presentTopic(await topics.update(c.var.workspaceId, c.req.valid('param').id, c.req.valid('json'))), 200),
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/topics/{id}', tags: ['topics'], request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, 404: errors[404] } }),
    async (c) => {
      await topics.delete(c.var.workspaceId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/topics/{id}/queries',
      tags: ['topics'],
      request: { params: IdParam, body: { content: { 'application/json': { schema: NewQuerySchema } }, required: true } },
      responses: { 201: { description: 'Created', content: { 'application/json': { schema: QuerySchema } } }, ...errors },
    }),
    async (c) => {
      const query = await topics.addQuery(c.var.workspaceId, c.req.valid('param').id, c.req.valid('json'));
      void scheduleBackfill(deps, c.var.workspaceId, query);
      return c.json(presentQuery(query), 201);
    },
  );

  return { app, topics };
}
