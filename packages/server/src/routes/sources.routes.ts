import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '@vigie/core';
import type { AppDeps, AppEnv } from '../http/app-env';
import { ErrorSchema, IdParam, NewSourceSchema, SourcePatchSchema, SourceSchema } from '../http/schemas';
import { presentSource } from '../presenters/topic-presenter';
import { createSourceService } from '../services/source-service';

/** Largest OPML file accepted. */
const MAX_OPML_BYTES = 2 * 1024 * 1024;

const FetchAnswer = z
  .object({ fetched: z.number(), inserted: z.number(), skipped: z.number(), notModified: z.boolean(), error: z.object({ code: z.string(), message: z.string() }).optional() })
  .openapi('SourceFetchResult');

const TestAnswer = z
  .object({
    ok: z.boolean(),
    fetched: z.number(),
    sample: z.array(z.record(z.string(), z.unknown())),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .openapi('SourceTestResult');

const TestRequest = z
  .object({ connector: NewSourceSchema.shape.connector, url: z.string().trim().max(2048).optional(), config: z.record(z.string(), z.unknown()).optional(), accountId: z.string().max(100).optional() })
  .openapi('SourceTest');

export function sourceRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const sources = createSourceService(deps);
  const invalid = { description: 'Invalid input', content: { 'application/json': { schema: ErrorSchema } } };
  const notFound = { description: 'No such source', content: { 'application/json': { schema: ErrorSchema } } };
  const conflict = { description: 'Already exists or busy', content: { 'application/json': { schema: ErrorSchema } } };

  app.openapi(
    createRoute({ method: 'get', path: '/sources', tags: ['sources'], responses: { 200: { description: 'All sources with their health', content: { 'application/json': { schema: z.object({ items: z.array(SourceSchema) }) } } } } }),
    async (c) => c.json({ items: (await sources.list(c.var.workspaceId)).map(presentSource) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/sources',
      tags: ['sources'],
      request: { body: { content: { 'application/json': { schema: NewSourceSchema } }, required: true } },
      responses: { 201: { description: 'Created', content: { 'application/json': { schema: SourceSchema } } }, 400: invalid, 409: conflict },
    }),
    async (c) => {
      const source = await sources.create(c.var.workspaceId, c.req.valid('json'));
      await deps.audit(c, 'source.create', `source:${source.id}`, { connector: source.connector, name: source.name });
      return c.json(presentSource(source), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/sources/test',
      tags: ['sources'],
      description: 'Runs one poll of unsaved settings and shows the first five items; stores nothing.',
      request: { body: { content: { 'application/json': { schema: TestRequest } }, required: true } },
      responses: { 200: { description: 'What the settings would bring (a network failure is reported in `error`)', content: { 'application/json': { schema: TestAnswer } } }, 400: invalid },
    }),
    async (c) => c.json(await sources.test(c.req.valid('json'), c.var.workspaceId), 200),
  );

  app.openapi(
    createRoute({ method: 'get', path: '/sources/{id}', tags: ['sources'], request: { params: IdParam }, responses: { 200: { description: 'The source and its health', content: { 'application/json': { schema: SourceSchema } } }, 404: notFound } }),
    async (c) => c.json(presentSource(await sources.get(c.var.workspaceId, c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/sources/{id}',
      tags: ['sources'],
      request: { params: IdParam, body: { content: { 'application/json': { schema: SourcePatchSchema } }, required: true } },
      responses: { 200: { description: 'Updated', content: { 'application/json': { schema: SourceSchema } } }, 400: invalid, 404: notFound },
    }),
    async (c) => {
      const patch = c.req.valid('json');
      const source = await sources.update(c.var.workspaceId, c.req.valid('param').id, patch);
      await deps.audit(c, 'source.update', `source:${source.id}`, { fields: Object.keys(patch) });
      return c.json(presentSource(source), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/sources/{id}', tags: ['sources'], request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, 404: notFound } }),
    async (c) => {
      await sources.delete(c.var.workspaceId, c.req.valid('param').id);
      await deps.audit(c, 'source.delete', `source:${c.req.valid('param').id}`);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/sources/{id}/fetch',
      tags: ['sources'],
      request: { params: IdParam },
      responses: { 200: { description: 'What the poll found (a failure is reported in `error`)', content: { 'application/json': { schema: FetchAnswer } } }, 404: notFound, 409: conflict },
    }),
    async (c) => c.json(await sources.fetchNow(c.var.workspaceId, c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/sources/opml',
      tags: ['sources'],
      request: { body: { content: { 'text/xml': { schema: z.string() }, 'application/xml': { schema: z.string() } }, required: true } },
      responses: {
        200: {
          description: 'Sources created from the OPML file, and the outlines that could not be used',
          content: { 'application/json': { schema: z.object({ created: z.array(SourceSchema), errors: z.array(z.object({ line: z.number().optional(), message: z.string() })) }) } },
        },
        400: invalid,
      },
    }),
    async (c) => {
      const text = await c.req.text();
      if (text.length > MAX_OPML_BYTES) throw new AppError('payload_too_large', `the OPML file is larger than ${MAX_OPML_BYTES / 1024 / 1024} MB`);
      const result = await sources.importOpml(c.var.workspaceId, text);
      return c.json({ created: result.created.map(presentSource), errors: result.errors }, 200);
    },
  );

  return app;
}
