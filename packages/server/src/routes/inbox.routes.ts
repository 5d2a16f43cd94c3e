import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/app-env';
import { ErrorSchema } from '../http/schemas';
import { presentConversation } from '../presenters/conversation-presenter';
import { ConversationSchema } from './conversation-schemas';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const Percentiles = z.object({ count: z.number(), median: z.number().nullable(), p90: z.number().nullable() });
const Grouped = z.array(Percentiles.extend({ key: z.string() }));

/** The focus flow ("next most important conversation") and the response-time report. */
export function inboxRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get', path: '/focus/next', tags: ['inbox'],
      request: { query: z.object({ member: z.string().trim().min(1).max(120).optional() }) },
      responses: { 200: json(z.object({ item: ConversationSchema.nullable() }), 'The next conversation, or null when nothing needs attention now'), 400: json(ErrorSchema, 'Invalid input') },
    }),
    async (c) => {
      const next = await deps.inbox.next(c.var.workspaceId, c.req.valid('query').member);
      return c.json({ item: next ? presentConversation(next, deps.now()) : null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/inbox/stats', tags: ['inbox'],
      request: { query: z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }) },
      responses: {
        200: json(z.object({ days: z.number(), firstResponse: z.object({ all: Percentiles, byNetwork: Grouped, byTopic: Grouped, byMember: Grouped }), queue: z.object({ urgent: z.number(), high: z.number(), normal: z.number(), low: z.number(), clearMinutes: z.number() }) }), 'First-response times in working minutes; queue and time to clear it'),
        400: json(ErrorSchema, 'Invalid input'),
      },
    }),
    async (c) => c.json(await deps.inbox.stats(c.var.workspaceId, c.req.valid('query').days), 200),
  );

  return app;
}
