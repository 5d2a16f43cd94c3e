import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError, type ConversationPatch } from '@vigie/core';
import type { AppDeps, AppEnv } from '../http/app-env';
import { ErrorSchema, IdParam, MentionSchema } from '../http/schemas';
import { presentConversation, presentReply } from '../presenters/conversation-presenter';
import { presentMention } from '../presenters/mention-presenter';
import { actorIdOf, checkAssignee, memberDirectory, selfMemberOf, type MemberDirectory } from './conversation-actors';
import { BulkSchema, ConversationListQuery, ConversationPatchSchema, ConversationSchema, NoteOutSchema, NoteSchema, ReplySchema } from './conversation-schemas';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = { 400: json(ErrorSchema, 'Invalid input'), 404: json(ErrorSchema, 'No such conversation') };

/** A conversation as the API shows it, with the assignee's name. */
function withNames(directory: MemberDirectory, view: ReturnType<typeof presentConversation>) {
  return view.assignee === undefined ? view : { ...view, assigneeName: directory.nameOf(view.assignee) };
}

/** Refuses an assignee who is not a member who can respond (400 on `assignee`). */
async function checkPatch(deps: AppDeps, workspaceId: string, body: z.infer<typeof ConversationPatchSchema>): Promise<MemberDirectory> {
  const directory = await memberDirectory(deps, workspaceId);
  if (typeof body.assignee === 'string') checkAssignee(directory, body.assignee);
  return directory;
}

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
      // "mine" is the caller's unless another member is named (a filter over what the caller may read anyway).
      const member = q.member ?? (q.view === 'mine' ? selfMemberOf(c) : undefined);
      if (q.view === 'mine' && !member) throw new AppError('validation_failed', 'The "mine" view needs a member: this token belongs to no person', [{ field: 'member', message: 'required with view=mine for a token no person created / obligatoire avec view=mine pour un jeton sans personne' }]);
      const at = now();
      const [page, directory] = await Promise.all([
        deps.store.conversations.list(
          c.var.workspaceId,
          { view: q.view, now: at.toISOString(), ...(member && { member }), ...(q.connector && { connector: q.connector }), ...(q.tag && { tag: q.tag }), ...(q.minPriority !== undefined && { minPriority: q.minPriority }) },
          { limit: q.limit, ...(q.cursor && { cursor: q.cursor }) },
        ),
        memberDirectory(deps, c.var.workspaceId),
      ]);
      await directory.resolve(page.items.map((i) => i.assignee));
      return c.json({ items: page.items.map((i) => withNames(directory, presentConversation(i, at))), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/conversations/{id}', tags: ['inbox'], request: { params: IdParam },
      responses: {
        200: json(ConversationSchema.extend({ mentions: z.array(MentionSchema), notes: z.array(NoteOutSchema), replies: z.array(ReplySchema), audit: z.array(z.object({ id: z.string(), actor: z.string(), actorName: z.string(), action: z.string(), at: z.string() }).passthrough()) }), 'The thread with notes, replies and audit (names of members joined)'),
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
      const [notes, replies, audit, directory] = await Promise.all([deps.store.conversations.listNotes(ws, id), deps.store.replies.listByConversation(ws, id), deps.store.conversations.listAudit(ws, id), memberDirectory(deps, ws)]);
      await directory.resolve([conversation.assignee, ...notes.map((n) => n.author), ...replies.map((r) => r.author), ...audit.map((a) => a.actor)]);
      return c.json({
        ...withNames(directory, presentConversation(conversation, now())),
        mentions: mentions.map(presentMention),
        notes: notes.map(({ conversationId: _c, ...n }) => ({ ...n, authorName: directory.nameOf(n.author) })),
        replies: replies.map((r) => ({ ...presentReply(r), authorName: directory.nameOf(r.author) })),
        audit: audit.map(({ conversationId: _c, details, ...a }) => ({ ...a, actorName: directory.nameOf(a.actor), details: details as Record<string, string | number | boolean | null> })),
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
      const directory = await checkPatch(deps, ws, body);
      const updated = await deps.store.conversations.update(ws, id, patch);
      if (!updated) throw new AppError('not_found', `Conversation ${id} does not exist`);
      // The caller acts: a name in the body (`actor`, older clients) is ignored.
      await deps.store.conversations.addAudit(ws, { conversationId: id, actor: actorIdOf(c), action: 'update', details: { ...patch } });
      return c.json(withNames(directory, presentConversation(updated, now())), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/conversations/bulk', tags: ['inbox'], request: { body: { content: { 'application/json': { schema: BulkSchema } }, required: true } }, responses: { 200: json(z.object({ updated: z.number() }), 'How many conversations changed'), 400: errors[400] } }),
    async (c) => {
      const ws = c.var.workspaceId;
      const body = c.req.valid('json');
      const patch = toPatch(body.patch);
      await checkPatch(deps, ws, body.patch);
      const actor = actorIdOf(c);
      const updated = await deps.store.conversations.updateMany(ws, body.ids, patch);
      for (const id of body.ids) {
        // Ids of other workspaces were not updated; they get no audit line either.
        if (await deps.store.conversations.get(ws, id)) await deps.store.conversations.addAudit(ws, { conversationId: id, actor, action: 'bulk', details: { ...patch } });
      }
      return c.json({ updated }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/conversations/{id}/notes', tags: ['inbox'], request: { params: IdParam, body: { content: { 'application/json': { schema: NoteSchema } }, required: true } }, responses: { 201: json(NoteOutSchema, 'Added, under the caller'), ...errors } }),
    async (c) => {
      const body = c.req.valid('json');
      const ws = c.var.workspaceId;
      // The caller writes the note: a name in the body (`author`, older clients) is ignored.
      const { conversationId: _c, ...note } = await deps.store.conversations.addNote(ws, c.req.valid('param').id, { author: actorIdOf(c), text: body.text });
      return c.json({ ...note, authorName: (await memberDirectory(deps, ws)).nameOf(note.author) }, 201);
    },
  );

  return app;
}
