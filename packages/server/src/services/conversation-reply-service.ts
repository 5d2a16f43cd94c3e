/**
 * Replies from the inbox: the guard checks every draft first; a held draft waits a cool-down or a
 * manager's approval; an approved one goes out through the sender (the connector's `reply`
 * capability) or, where the network cannot, is opened on the network and confirmed by hand.
 * A failed send keeps the draft and says why; the idempotency key and the draft's own status make
 * a retry return the first outcome instead of posting twice. Every step goes to the audit trail.
 */
import { AppError, type Conversation, type ReplyDraft, type Store } from '@vigie/core';
import { checkDraft, NETWORKS, type GuardResult } from '@vigie/analysis';

/** What sending produced: posted (with the network's id), or to be opened and posted by hand. */
export type SendOutcome = { kind: 'sent'; externalId: string; url?: string } | { kind: 'open'; url: string };

/**
 * Posts a reply on the network. Throws (a ConnectorError or AppError) when the network refuses;
 * the draft then keeps the error. `idempotencyKey` is passed to networks that accept one.
 */
export type ReplySender = (request: { workspaceId: string; conversation: Conversation; inReplyToExternalId: string; text: string; idempotencyKey: string }) => Promise<SendOutcome>;

/** The guard's answer as the API and the CLI print it. */
export interface GuardView {
  verdict: GuardResult['verdict'];
  reasons: { code: string; message: string }[];
  suggestions: { code: string; message: string }[];
  scores: GuardResult['scores'];
}

/**
 * Runs the reply guard and keeps the messages in the draft's language.
 *
 * @example
 * guardDraft({ text: 'Oui, dès demain.', lang: 'fr' }).verdict // → 'ok'
 */
export function guardDraft(input: { text: string; lang?: string; network?: string; replyTo?: string }): GuardView {
  const result = checkDraft(input);
  const fr = result.lang === 'fr';
  return {
    verdict: result.verdict,
    reasons: result.reasons.map((r) => ({ code: r.code, message: fr ? (r.messageFr ?? r.message) : r.message })),
    suggestions: result.suggestions.map((s) => ({ code: s.code, message: fr ? (s.messageFr ?? s.message) : s.message })),
    scores: result.scores,
  };
}

/** Until accounts exist no connector can post for us: every reply is opened on the network. */
export const openOnNetworkSender: ReplySender = async ({ conversation }) => {
  if (!conversation.url) throw new AppError('conflict', 'This conversation has no address on its network to reply on');
  return { kind: 'open', url: conversation.url };
};

export interface ReplyServiceDeps {
  store: Store;
  now: () => Date;
  send: ReplySender;
  /** Minutes a held draft waits before it may leave without a manager's approval. */
  cooldownMinutes: number;
}

/**
 * @example
 * const replies = createConversationReplyService({ store, now, send: openOnNetworkSender, cooldownMinutes: 30 });
 * await replies.submit(ws.id, conversation.id, { text: 'Merci !', author: 'alice', idempotencyKey: 'k1' });
 */
export function createConversationReplyService(deps: ReplyServiceDeps) {
  const { store } = deps;

  async function conversationOf(workspaceId: string, id: string): Promise<Conversation> {
    const conversation = await store.conversations.get(workspaceId, id);
    if (!conversation) throw new AppError('not_found', `Conversation ${id} does not exist`);
    return conversation;
  }

  async function markReplied(workspaceId: string, conversation: Conversation, draft: ReplyDraft, actor: string): Promise<void> {
    await store.conversations.update(workspaceId, conversation.id, {
      status: 'replied',
      ...(conversation.firstResponseAt === undefined && { firstResponseAt: deps.now().toISOString() }),
    });
    await store.conversations.addAudit(workspaceId, { conversationId: conversation.id, actor, action: 'reply.sent', details: { replyId: draft.id, externalId: draft.sentExternalId ?? null } });
  }

  async function send(workspaceId: string, draft: ReplyDraft, actor: string): Promise<{ draft: ReplyDraft; openUrl?: string }> {
    // A draft that already went out (or waits for a confirmation) is never sent again.
    if (draft.status === 'sent') return { draft };
    const conversation = await conversationOf(workspaceId, draft.conversationId);
    if (draft.status === 'awaiting_confirmation') return { draft, ...(conversation.url && { openUrl: conversation.url }) };
    const mention = await store.mentions.get(workspaceId, conversation.lastMentionId);
    try {
      const outcome = await deps.send({ workspaceId, conversation, inReplyToExternalId: mention?.externalId ?? conversation.key.split(':').slice(1).join(':'), text: draft.text, idempotencyKey: draft.idempotencyKey });
      if (outcome.kind === 'open') {
        const waiting = (await store.replies.update(workspaceId, draft.id, { status: 'awaiting_confirmation' }))!;
        await store.conversations.addAudit(workspaceId, { conversationId: conversation.id, actor, action: 'reply.opened', details: { replyId: draft.id, url: outcome.url } });
        return { draft: waiting, openUrl: outcome.url };
      }
      const sent = (await store.replies.update(workspaceId, draft.id, { status: 'sent', sentExternalId: outcome.externalId }))!;
      await markReplied(workspaceId, conversation, sent, actor);
      return { draft: sent };
    } catch (error) {
      const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'send_failed';
      const message = error instanceof Error ? error.message : String(error);
      const failed = (await store.replies.update(workspaceId, draft.id, { status: 'failed', error: { code, message } }))!;
      await store.conversations.addAudit(workspaceId, { conversationId: conversation.id, actor, action: 'reply.failed', details: { replyId: draft.id, code, message } });
      return { draft: failed };
    }
  }

  async function draftOf(workspaceId: string, id: string): Promise<ReplyDraft> {
    const draft = await store.replies.get(workspaceId, id);
    if (!draft) throw new AppError('not_found', `Reply ${id} does not exist`);
    return draft;
  }

  return {
    /** Guard, store, and send unless held. Same idempotency key → the same draft, sent at most once. */
    async submit(workspaceId: string, conversationId: string, input: { text: string; author: string; idempotencyKey: string; lang?: string }) {
      const conversation = await conversationOf(workspaceId, conversationId);
      const replyTo = await store.mentions.get(workspaceId, conversation.lastMentionId);
      const network = NETWORKS.find((n) => n === conversation.connector);
      const guard = guardDraft({ text: input.text, ...(input.lang && { lang: input.lang }), ...(network && { network }), ...(replyTo && { replyTo: replyTo.text }) });
      const held = guard.verdict === 'hold';
      const { draft, created } = await store.replies.create(workspaceId, {
        conversationId, text: input.text, author: input.author, verdict: guard, status: held ? 'held' : 'approved', idempotencyKey: input.idempotencyKey,
        ...(held && { holdUntil: new Date(deps.now().getTime() + deps.cooldownMinutes * 60_000).toISOString() }),
      });
      if (created) await store.conversations.addAudit(workspaceId, { conversationId, actor: input.author, action: held ? 'reply.held' : 'reply.created', details: { replyId: draft.id, verdict: guard.verdict } });
      if (draft.status === 'held' || draft.status === 'draft') return { draft, guard };
      // A retry of a failed send tries again with the same draft; a sent one is returned as is.
      const result = await send(workspaceId, draft, input.author);
      return { ...result, guard };
    },

    /** Releases a held draft: before the cool-down ends this is a manager's approval (recorded). */
    async approve(workspaceId: string, id: string, approver: string) {
      const draft = await draftOf(workspaceId, id);
      if (draft.status !== 'held') return send(workspaceId, draft, approver);
      const early = draft.holdUntil !== undefined && Date.parse(draft.holdUntil) > deps.now().getTime();
      const approved = (await store.replies.update(workspaceId, id, { status: 'approved' }))!;
      await store.conversations.addAudit(workspaceId, { conversationId: draft.conversationId, actor: approver, action: 'reply.approved', details: { replyId: id, beforeCooldown: early } });
      return send(workspaceId, approved, approver);
    },

    /** Marks a reply posted by hand on the network as sent, and the conversation as replied. */
    async confirm(workspaceId: string, id: string, actor: string, externalId?: string) {
      const draft = await draftOf(workspaceId, id);
      if (draft.status === 'sent') return { draft };
      if (draft.status !== 'awaiting_confirmation') throw new AppError('conflict', `Reply ${id} is ${draft.status}, not waiting for a confirmation`);
      const sent = (await store.replies.update(workspaceId, id, { status: 'sent', ...(externalId && { sentExternalId: externalId }) }))!;
      await markReplied(workspaceId, await conversationOf(workspaceId, draft.conversationId), sent, actor);
      return { draft: sent };
    },
  };
}

export type ConversationReplyService = ReturnType<typeof createConversationReplyService>;
