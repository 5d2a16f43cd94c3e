import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/app-env';
import { AuditEntrySchema, forbidden, invalid, json, unauthenticated } from './auth-schemas';

const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'expected an ISO-8601 date such as 2026-11-01T08:00:00Z');
const AuditQuery = z.object({
  action: z.string().max(100).optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

/** The audit log of the current workspace, newest first. */
export function auditRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get', path: '/audit', tags: ['audit'], request: { query: AuditQuery },
      responses: { 200: json(z.object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }), 'Entries, newest first'), 400: invalid, 401: unauthenticated, 403: forbidden },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const filter = { action: q.action, since: q.since && new Date(q.since).toISOString(), until: q.until && new Date(q.until).toISOString() };
      return c.json(await deps.identity.listAudit(c.var.workspaceId, filter, { limit: q.limit, cursor: q.cursor }), 200);
    },
  );

  return app;
}
