import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError, type ConversationPatch } from '@vigie/core';
import type { AppDeps, AppEnv } from '../http/app-env';
import { ErrorSchema, IdParam, MentionSchema } from '../http/schemas';
import { presentConversation, presentReply } from '../presenters/conversation-presenter';
import { presentMention } from '../presenters/mention-presenter';
import { BulkSchema, ConversationListQuery, ConversationPatchSchema, ConversationSchema, NoteSchema, ReplySchema } from './conversation-schemas';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = { 400: json(ErrorSchema, 'Invalid input'), 404: json(ErrorSchema, 'No such conversation') };
/** Who acts, until accounts exist (issue 6): the member named in the request, else "team". */
const TEAM = 'team';

function toPatch(body: z.infer<typeof ConversationPatchSchema>): ConversationPatch {
  const patch: ConversationPatch = {};
  if (body.status !== undefined) patch.status = body.status;
  if (body.assignee !== undefined) {
    patch.assignee = body.assignee;
    // Assigning an open conversation moves it to "assigned"; unassigning brings it back to "open".
    if (body.status === undefined) patch.status = body.assignee === null ? 'open' : 'assigned';
  }
  if (body.tags !== undefined) patch.tags = body.tags;
  if (body.snoozedUntil !== undefined) {
    patch.snoozedUntil = body.snoozedUntil === null ? null : new Date(body.snoozedUntil).toISOString();
    if (body.status === undefined) patch.status = body.snoozedUntil === null ? 'open' : 'snoozed';
  }
  if (patch.status === 'snoozed' && !patch.snoozedUntil) throw new AppError('validation_failed', 'Snoozing needs a time', [{ field: 'snoozedUntil', message: 'required to snooze / obligatoire pour mettre en veille' }]);
  return patch;
}

/** The inbox's conversations: views, detail, triage changes one by one or in bulk, internal notes. */
export function conversationRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const now = () => deps.now();

  app.openapi(
    createRoute({ method: 'get', path: '/conversations', tags: ['inbox'], request: { query: ConversationListQuery }, responses: { 200: json(z.object({ items: z.array(ConversationSchema), nextCursor: z.string().nullable() }), 'Highest priority first'), 400: errors[400] } }),
    async (c) => {
      const q = c.req.valid('query');
      if (q.view === 'mine' && !q.member) throw new AppError('validation_failed', 'The "mine" view needs a member', [{ field: 'member', message: 'required with view=mine / obligatoire avec view=mine' }]);
      const at = now();
      const page = await deps.store.conversations.list(
        c.var.workspaceId,
        { view: q.view, now: at.toISOString(), ...(q.member && { member: q.member }), ...(q.connector && { connector: q.connector }), ...(q.tag && { tag: q.tag }), ...(q.minPriority !== undefined && { minPriority: q.minPriority }) },
        { limit: q.limit, ...(q.cursor && { cursor: q.cursor }) },
      );
      return c.json({ items: page.items.map((i) => presentConversation(i, at)), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/conversations/{id}', tags: ['inbox'], request: { params: IdParam },
      responses: {
        200: json(ConversationSchema.extend({ mentions: z.array(MentionSchema), notes: z.array(z.object({ id: z.string(), author: z.string(), text: z.string(), createdAt: z.string() })), replies: z.array(ReplySchema), audit: z.array(z.object({ id: z.string(), actor: z.string(), action: z.string(), at: z.string() }).passthrough()) }), 'The thread with notes, replies and audit'),
        404: errors[404],
      },
    }),
    async (c) => {
      const ws = c.var.workspaceId;
      const id = c.req.valid('param').id;
      const conversation = await deps.store.conversations.get(ws, id);
      if (!conversation) throw new AppError('not_found', `Conversation ${id} does not exist`);
      const mentionIds = await deps.store.conversations.mentionIds(ws, id);
      const mentions = (await Promise.all(mentionIds.map((m) => deps.store.mentions.get(ws, m)))).filter((m) => m !== undefined);
      const [notes, replies, audit] = await Promise.all([deps.store.conversations.listNotes(ws, id), deps.store.replies.listByConversation(ws, id), deps.store.conversations.listAudit(ws, id)]);
      return c.json({
        ...presentConversation(conversation, now()),
        mentions: mentions.map(presentMention),
        notes: notes.map(({ conversationId: _c, ...n }) => n),
        replies: replies.map((r) => presentReply(r)),
        audit: audit.map(({ conversationId: _c, details, ...a }) => ({ ...a, details: details as Record<string, string | number | boolean | null> })),
      }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'patch', path: '/conversations/{id}', tags: ['inbox'], request: { params: IdParam, body: { content: { 'application/json': { schema: ConversationPatchSchema } }, required: true } }, responses: { 200: json(ConversationSchema, 'Updated'), ...errors } }),
    async (c) => {
      const ws = c.var.workspaceId;
      const id = c.req.valid('param').id;
      const body = c.req.valid('json');
      const patch = toPatch(body);
      const updated = await deps.store.conversations.update(ws, id, patch);
      if (!updated) throw new AppError('not_found', `Conversation ${id} does not exist`);
      await deps.store.conversations.addAudit(ws, { conversationId: id, actor: body.actor ?? TEAM, action: 'update', details: { ...patch } });
      return c.json(presentConversation(updated, now()), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/conversations/bulk', tags: ['inbox'], request: { body: { content: { 'application/json': { schema: BulkSchema } }, required: true } }, responses: { 200: json(z.object({ updated: z.number() }), 'How many conversations changed'), 400: errors[400] } }),
    async (c) => {
      const ws = c.var.workspaceId;
      const body = c.req.valid('json');
      const patch = toPatch(body.patch);
      const updated = await deps.store.conversations.updateMany(ws, body.ids, patch);
      for (const id of body.ids) {
        // Ids of other workspaces were not updated; they get no audit line either.
        if (await deps.store.conversations.get(ws, id)) await deps.store.conversations.addAudit(ws, { conversationId: id, actor: body.actor ?? TEAM, action: 'bulk', details: { ...patch } });
      }
      return c.json({ updated }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/conversations/{id}/notes', tags: ['inbox'], request: { params: IdParam, body: { content: { 'application/json': { schema: NoteSchema } }, required: true } }, responses: { 201: json(z.object({ id: z.string(), author: z.string(), text: z.string(), createdAt: z.string() }), 'Added'), ...errors } }),
    async (c) => {
      const body = c.req.valid('json');
      const { conversationId: _c, ...note } = await deps.store.conversations.addNote(c.var.workspaceId, c.req.valid('param').id, { author: body.author ?? TEAM, text: body.text });
      return c.json(note, 201);
    },
  );

  return app;
}
