import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '@vigie/core';
import type { AppDeps, AppEnv } from '../http/app-env';
import { ErrorSchema } from '../http/schemas';
import { createIntakeService } from '../services/intake-service';

const IntakeSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastReceivedAt: z.string().optional() }).openapi('Intake');
const NewIntakeAnswer = IntakeSchema.extend({ url: z.string(), secret: z.string() }).openapi('NewIntake');
const IntakeReportSchema = z
  .object({ received: z.number(), inserted: z.number(), updated: z.number(), rejected: z.array(z.object({ index: z.number(), externalId: z.string().optional(), reason: z.string() })) })
  .openapi('IntakeReport');

/**
 * Webhook intakes: created in settings (`/intakes`), then any tool pushes signed mentions to
 * `/intake/{token}` — no session there: the token picks the workspace, the signature proves the sender.
 */
export function intakeRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const intakes = createIntakeService(deps);
  const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });

  app.openapi(
    createRoute({ method: 'get', path: '/intakes', tags: ['intake'], responses: { 200: { description: 'Intakes (token and secret are never shown again)', content: { 'application/json': { schema: z.object({ items: z.array(IntakeSchema) }) } } } } }),
    async (c) => c.json({ items: await intakes.list(c.var.workspaceId) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/intakes',
      tags: ['intake'],
      request: { body: { content: { 'application/json': { schema: z.object({ name: z.string().trim().min(1).max(200).optional() }) } }, required: false } },
      responses: { 201: { description: 'The intake with its URL and secret, shown this once', content: { 'application/json': { schema: NewIntakeAnswer } } }, 400: error('Invalid input') },
    }),
    async (c) => {
      const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {};
      const { path, ...created } = await intakes.create(c.var.workspaceId, body.name ?? 'Webhook');
      return c.json({ ...created, url: new URL(path, c.req.url).toString() }, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/intakes/{id}', tags: ['intake'], request: { params: z.object({ id: z.string().min(1) }) }, responses: { 204: { description: 'Deleted: its URL stops working' }, 404: error('No such intake') } }),
    async (c) => {
      await intakes.delete(c.var.workspaceId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/intake/{token}',
      tags: ['intake'],
      description:
        'One mention or an array, signed: `X-Vigie-Timestamp` (Unix seconds) and `X-Vigie-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`. Good items are stored (connector `webhook`, idempotent on externalId); bad ones are reported by index.',
      request: { params: z.object({ token: z.string().min(1).max(200) }) },
      responses: {
        200: { description: 'What was stored and what was refused', content: { 'application/json': { schema: IntakeReportSchema } } },
        400: error('Not JSON'),
        401: error('Unknown intake or bad signature'),
        413: error('Too many items'),
        429: error('Too many requests from this address'),
      },
    }),
    // The signature covers the exact bytes sent, so the body is read raw, never re-serialised.
    async (c) => {
      // Public and unauthenticated until the signature is checked: counted per caller address like
      // the API per caller, so a flood (or a guessing run over tokens) stops before any HMAC work.
      const verdict = deps.identity.limits.api.hit(`intake:${c.var.clientIp}`);
      if (!verdict.allowed) throw new AppError('rate_limited', 'too many requests from this address; slow down / trop de requêtes depuis cette adresse ; ralentissez', [], verdict.retryAfterMs);
      return c.json(await intakes.receive(c.req.valid('param').token, await c.req.text(), c.req.header()), 200);
    },
  );

  return app;
}
