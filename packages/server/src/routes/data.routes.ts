import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { CONNECTOR_IDS } from '@vigie/core';
import type { AppDeps, AppEnv } from '../http/app-env';
import { ErrorSchema } from '../http/schemas';
import { MIN_RETENTION_DAYS } from '../services/data-rights-service';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const ErasureSchema = z.object({ deletedMentions: z.number(), deletedConversations: z.number() }).openapi('Erasure');
const RetentionSchema = z.object({ mentionDays: z.number().int().nullable() }).openapi('Retention');
const EraseAuthorBody = z.object({
  handle: z.string().trim().min(1).max(300),
  connector: z.enum(CONNECTOR_IDS).optional(),
});
const RetentionBody = z.object({ mentionDays: z.number().int().min(MIN_RETENTION_DAYS).max(36_500).nullable() });

/**
 * Data rights: the workspace export (JSONL, streamed), erasing an author, the retention period.
 * Every one is audited (`data.export`, `data.erase_author`, `data.retention`).
 */
export function dataRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const rights = deps.dataRights;

  // Streamed (not an OpenAPI JSON route): one JSON record per line, page by page from the store.
  app.get('/workspace/export', async (c) => {
    const workspaceId = c.var.workspaceId;
    const workspace = await deps.store.workspaces.get(workspaceId);
    await deps.audit(c, 'data.export', `workspace:${workspaceId}`);
    const day = deps.now().toISOString().slice(0, 10);
    c.header('content-type', 'application/x-ndjson; charset=utf-8');
    c.header('content-disposition', `attachment; filename="vigie-${workspace?.slug ?? 'workspace'}-${day}.jsonl"`);
    c.header('cache-control', 'no-store');
    return stream(
      c,
      async (out) => {
        for await (const chunk of rights.exportWorkspace(workspaceId)) {
          if (out.aborted) break;
          if (chunk !== '') await out.write(chunk);
        }
      },
      async (error, out) => {
        // Headers are gone: the export stops short, and the log says why (the file is not valid to its end).
        deps.log.error({ err: error, workspaceId }, 'workspace export failed midway');
        await out.close();
      },
    );
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/data/erase-author',
      tags: ['data'],
      description: 'Deletes every mention by one author (handle, case-insensitive; optionally on one network), then the conversations left empty.',
      request: { body: { content: { 'application/json': { schema: EraseAuthorBody } }, required: true } },
      responses: { 200: json(ErasureSchema, 'What was deleted'), 400: json(ErrorSchema, 'Invalid input') },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const report = await rights.eraseAuthor(c.var.workspaceId, body);
      await deps.audit(c, 'data.erase_author', `author:${body.connector ?? '*'}:${body.handle}`, { ...report });
      return c.json(report, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/workspace/retention', tags: ['data'], responses: { 200: json(RetentionSchema, 'How long mentions are kept (null: forever)') } }),
    async (c) => c.json(await rights.retention(c.var.workspaceId), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/workspace/retention',
      tags: ['data'],
      description: `Mentions published longer ago than \`mentionDays\` (at least ${MIN_RETENTION_DAYS}; null = forever) are deleted now and every day.`,
      request: { body: { content: { 'application/json': { schema: RetentionBody } }, required: true } },
      responses: { 200: json(RetentionSchema.extend(ErasureSchema.shape), 'Saved, with what the first purge deleted'), 400: json(ErrorSchema, 'Invalid input') },
    }),
    async (c) => {
      const result = await rights.setRetention(c.var.workspaceId, c.req.valid('json'));
      await deps.audit(c, 'data.retention', `workspace:${c.var.workspaceId}`, { ...result });
      return c.json(result, 200);
    },
  );

  return app;
}
