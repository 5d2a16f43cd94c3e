import { randomUUID } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/app-env';
import { ErrorSchema, IdParam } from '../http/schemas';
import { presentReply } from '../presenters/conversation-presenter';
import { guardDraft, type SendResult } from '../services/conversation-reply-service';
import { actorIdOf, memberDirectory } from './conversation-actors';
import { GuardRequestSchema, GuardSchema, ReplyRequestSchema, ReplySchema } from './conversation-schemas';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = { 400: json(ErrorSchema, 'Invalid input'), 404: json(ErrorSchema, 'No such conversation or reply'), 409: json(ErrorSchema, 'Not in a state that allows this') };
/** `actor` is ignored (the caller acts); kept so older clients are not refused. */
const ActorSchema = z.object({ actor: z.string().trim().min(1).max(120).optional(), externalId: z.string().max(300).optional() });

const sendDetails = (r: SendResult) => ({ ...(r.openReason && { openReason: r.openReason }), ...(r.sentUrl && { sentUrl: r.sentUrl }), ...(r.network && { network: r.network }) });

/** The reply guard and replies: guard first, hold or send, approve, confirm a reply posted by hand. */
export function conversationReplyRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  /** The reply as the API shows it, with its author's name. */
  const present = async (workspaceId: string, result: SendResult) => ({
    ...presentReply(result.draft, result.openUrl, sendDetails(result)),
    authorName: (await memberDirectory(deps, workspaceId)).nameOf(result.draft.author),
  });

  app.openapi(
    createRoute({ method: 'post', path: '/guard', tags: ['inbox'], request: { body: { content: { 'application/json': { schema: GuardRequestSchema } }, required: true } }, responses: { 200: json(GuardSchema, 'The verdict, reasons, suggestions and scores'), 400: errors[400] } }),
    (c) => {
      const view = guardDraft(c.req.valid('json'));
      return c.json({ ...view, scores: view.scores as unknown as Record<string, never> }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/conversations/{id}/replies', tags: ['inbox'],
      request: { params: IdParam, body: { content: { 'application/json': { schema: ReplyRequestSchema } }, required: true } },
      responses: { 201: json(ReplySchema, 'Sent, held, waiting for a confirmation, or failed (the draft is kept with the reason)'), ...errors },
    }),
    async (c) => {
      const body = c.req.valid('json');
      // Without a client key every request is a new draft; clients that retry pass their own key.
      const result = await deps.replies.submit(c.var.workspaceId, c.req.valid('param').id, { text: body.text, author: actorIdOf(c), idempotencyKey: body.idempotencyKey ?? randomUUID(), ...(body.lang && { lang: body.lang }) });
      await deps.audit(c, 'reply.send', `reply:${result.draft.id}`, { conversation: c.req.valid('param').id, status: result.draft.status });
      return c.json(await present(c.var.workspaceId, result), 201);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/replies/{id}/approve', tags: ['inbox'], request: { params: IdParam, body: { content: { 'application/json': { schema: ActorSchema } }, required: false } }, responses: { 200: json(ReplySchema, 'Approved and sent (or opened on the network)'), ...errors } }),
    async (c) => {
      ActorSchema.parse(await c.req.json().catch(() => ({})));
      const result = await deps.replies.approve(c.var.workspaceId, c.req.valid('param').id, actorIdOf(c));
      await deps.audit(c, 'reply.approve', `reply:${result.draft.id}`, { status: result.draft.status });
      return c.json(await present(c.var.workspaceId, result), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/replies/{id}/retry', tags: ['inbox'], request: { params: IdParam, body: { content: { 'application/json': { schema: ActorSchema } }, required: false } }, responses: { 200: json(ReplySchema, 'Sent again with the same idempotency key (or failed again, with the reason)'), ...errors } }),
    async (c) => {
      ActorSchema.parse(await c.req.json().catch(() => ({})));
      const result = await deps.replies.retry(c.var.workspaceId, c.req.valid('param').id, actorIdOf(c));
      await deps.audit(c, 'reply.retry', `reply:${result.draft.id}`, { status: result.draft.status });
      return c.json(await present(c.var.workspaceId, result), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/replies/{id}/confirm', tags: ['inbox'], request: { params: IdParam, body: { content: { 'application/json': { schema: ActorSchema } }, required: false } }, responses: { 200: json(ReplySchema, 'Marked sent; the conversation is replied'), ...errors } }),
    async (c) => {
      const body = ActorSchema.parse(await c.req.json().catch(() => ({})));
      const result = await deps.replies.confirm(c.var.workspaceId, c.req.valid('param').id, actorIdOf(c), body.externalId);
      return c.json(await present(c.var.workspaceId, { draft: result.draft }), 200);
    },
  );

  return app;
}
