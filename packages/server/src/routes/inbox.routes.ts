import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/app-env';
import { ErrorSchema } from '../http/schemas';
import { presentConversation } from '../presenters/conversation-presenter';
import { ConversationSchema } from './conversation-schemas';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const Percentiles = z.object({ count: z.number(), median: z.number().nullable(), p90: z.number().nullable() });
const Grouped = z.array(Percentiles.extend({ key: z.string() }));
const Member = z.string().trim().min(1).max(120);
const BudgetSchema = z.object({ budgetMinutes: z.number(), spentMinutes: z.number(), remainingMinutes: z.number(), exhausted: z.boolean() }).openapi('TimeBudget');

/** The focus flow ("next most important conversation"), the daily time budget, and the response-time report. */
export function inboxRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get', path: '/focus/next', tags: ['inbox'],
      request: { query: z.object({ member: z.string().trim().min(1).max(120).optional() }) },
      responses: { 200: json(z.object({ item: ConversationSchema.nullable(), budget: BudgetSchema.optional() }), 'The next conversation (null when nothing needs attention now), and the member\'s budget of the day'), 400: json(ErrorSchema, 'Invalid input') },
    }),
    async (c) => {
      const member = c.req.valid('query').member;
      const next = await deps.inbox.next(c.var.workspaceId, member);
      const budget = member ? await deps.inbox.budget(c.var.workspaceId, member) : undefined;
      return c.json({ item: next ? presentConversation(next, deps.now()) : null, ...(budget && { budget }) }, 200);
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

  app.openapi(
    createRoute({ method: 'get', path: '/inbox/budget', tags: ['inbox'], request: { query: z.object({ member: Member }) }, responses: { 200: json(BudgetSchema, 'Budget of the day'), 400: json(ErrorSchema, 'Invalid input') } }),
    async (c) => c.json(await deps.inbox.budget(c.var.workspaceId, c.req.valid('query').member), 200),
  );

  app.openapi(
    createRoute({ method: 'put', path: '/inbox/budget', tags: ['inbox'], request: { body: { content: { 'application/json': { schema: z.object({ member: Member, minutes: z.number().int().min(0).max(1440) }) } }, required: true } }, responses: { 200: json(BudgetSchema, 'Budget set'), 400: json(ErrorSchema, 'Invalid input') } }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await deps.inbox.setBudget(c.var.workspaceId, body.member, body.minutes), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/inbox/budget/time', tags: ['inbox'], request: { body: { content: { 'application/json': { schema: z.object({ member: Member, minutes: z.number().int().min(1).max(60) }) } }, required: true } }, responses: { 200: json(BudgetSchema, 'Time recorded'), 400: json(ErrorSchema, 'Invalid input') } }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await deps.inbox.addTime(c.var.workspaceId, body.member, body.minutes), 200);
    },
  );

  return app;
}
