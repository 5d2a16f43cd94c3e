import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError, highlightMatches, lexQuery, lintQuery, normalizeQuery, parseQuery, searchHistory, toMatchable, type TopicService } from '@vigie/core';
import type { AppDeps, AppEnv } from '../http/app-env';
import { ErrorSchema, IdParam, MentionSchema, QueryPatchSchema, QuerySchema } from '../http/schemas';
import { presentMention } from '../presenters/mention-presenter';
import { presentQuery } from '../presenters/topic-presenter';
import { scheduleBackfill } from '../jobs/backfill-query.job';

const ValidateBody = z.object({ query: z.string().max(100_000) }).openapi('QueryValidateRequest');
const ValidateAnswer = z
  .object({
    valid: z.boolean(),
    normalized: z.string().optional(),
    tokens: z.array(z.object({ type: z.string(), start: z.number(), end: z.number() })),
    warnings: z.array(z.object({ code: z.string(), message: z.string(), messageFr: z.string().optional(), column: z.number().optional() })),
    error: z.object({ message: z.string(), messageFr: z.string().optional(), column: z.number().optional(), length: z.number().optional() }).optional(),
  })
  .openapi('QueryValidation');
const PreviewBody = z
  .object({ query: z.string().min(1).max(4096), days: z.number().int().min(1).max(365).default(30), limit: z.number().int().min(1).max(100).default(20) })
  .openapi('QueryPreviewRequest');
const PreviewAnswer = z
  .object({
    count: z.number(),
    scanned: z.number(),
    truncated: z.boolean(),
    items: z.array(z.object({ mention: MentionSchema, highlights: z.array(z.object({ field: z.enum(['text', 'title']), start: z.number(), end: z.number() })) })),
  })
  .openapi('QueryPreview');

export function queryRoutes(deps: AppDeps, topics: TopicService) {
  const app = new OpenAPIHono<AppEnv>();
  const notFound = { description: 'No such query', content: { 'application/json': { schema: ErrorSchema } } };
  const invalid = { description: 'Invalid input', content: { 'application/json': { schema: ErrorSchema } } };

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/queries/{id}',
      tags: ['queries'],
      request: { params: IdParam, body: { content: { 'application/json': { schema: QueryPatchSchema } }, required: true } },
      responses: { 200: { description: 'Updated', content: { 'application/json': { schema: QuerySchema } } }, 400: invalid, 404: notFound },
    }),
    async (c) => {
      const query = await topics.updateQuery(c.var.workspaceId, c.req.valid('param').id, c.req.valid('json'));
      void scheduleBackfill(deps, c.var.workspaceId, query);
      return c.json(presentQuery(query), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/queries/{id}', tags: ['queries'], request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, 404: notFound } }),
    async (c) => {
      await topics.deleteQuery(c.var.workspaceId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/queries/validate',
      tags: ['queries'],
      request: { body: { content: { 'application/json': { schema: ValidateBody } }, required: true } },
      responses: { 200: { description: 'Whether the query parses, its tokens, warnings or error', content: { 'application/json': { schema: ValidateAnswer } } } },
    }),
    (c) => {
      const { query } = c.req.valid('json');
      const tokens = lexQuery(query).map((t) => ({ type: t.type, start: t.start, end: t.end }));
      try {
        const ast = parseQuery(query);
        return c.json({ valid: true, normalized: normalizeQuery(ast), tokens, warnings: lintQuery(ast) }, 200);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'query_syntax') throw error;
        const detail = error.details[0] as { message: string; messageFr?: string; column?: number; length?: number } | undefined;
        return c.json({ valid: false, tokens, warnings: [], error: { message: detail?.message ?? error.message, messageFr: detail?.messageFr, column: detail?.column, length: detail?.length } }, 200);
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/queries/preview',
      tags: ['queries'],
      request: { body: { content: { 'application/json': { schema: PreviewBody } }, required: true } },
      responses: { 200: { description: 'Stored mentions that match, with highlighted spans', content: { 'application/json': { schema: PreviewAnswer } } }, 400: invalid },
    }),
    async (c) => {
      const { query, days, limit } = c.req.valid('json');
      const ast = parseQuery(query);
      const since = new Date(deps.now().getTime() - days * 86_400_000).toISOString();
      const result = await searchHistory(deps.store, c.var.workspaceId, ast, { since }, limit);
      const items = result.items.map((mention) => ({ mention: presentMention(mention), highlights: highlightMatches(ast, toMatchable(mention)) }));
      return c.json({ count: result.count, scanned: result.scanned, truncated: result.truncated, items }, 200);
    },
  );

  return app;
}
