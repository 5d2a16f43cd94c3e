/**
 * Replies from the inbox: the guard checks every draft first; a held draft waits a cool-down or a
 * manager's approval; an approved one goes out through the sender (the connector's `reply`
 * capability, services/connector-reply-sender.ts) or, where the network cannot, is opened on the
 * network and confirmed by hand.
 *
 * Exactly once: the draft is marked `sending` (persisted) before the network is called. A draft
 * found `sending` that this process is not sending (a crash or restart in between) is never posted
 * again automatically: it becomes `unknown` ("check on the network", then confirm). A refusal or a
 * timeout leaves it `failed` with the reason; a retry sends the same draft with the same
 * idempotency key. Every step goes to the audit trail.
 */
import { AppError, type Conversation, type Mention, type ReplyDraft, type Store } from '@vigie/core';
import { checkDraft, NETWORKS, type GuardResult } from '@vigie/analysis';
import { describeSendError } from './connector-reply-sender';

/**
 * What sending produced: posted (with the network's id and address), or to be opened and posted by
 * hand — `reason` says why it could not be sent from Vigie ("no account connected for Bluesky").
 */
export type SendOutcome = { kind: 'sent'; externalId: string; url?: string; network?: string } | { kind: 'open'; url: string; reason?: string };

/**
 * Posts a reply on the network. Throws (a ConnectorError or AppError) when the network refuses;
 * the draft then keeps the error. `idempotencyKey` is passed to networks that accept one.
 */
export type ReplySender = (request: { workspaceId: string; conversation: Conversation; mention?: Mention; inReplyToExternalId: string; text: string; idempotencyKey: string }) => Promise<SendOutcome>;

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

/** A sender that never posts: every reply is opened on the network and confirmed by hand (tests, networks without replies). */
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
  /** Called with the network id of every reply that went out (our own posts: replies to them enter the inbox). */
  onSent?: (workspaceId: string, connector: string, externalId: string) => Promise<void>;
}

/** What a send returns to the API: the draft, and where to post it by hand or where it was posted. */
export interface SendResult {
  draft: ReplyDraft;
  openUrl?: string;
  /** Why it could not be sent from Vigie (open on the network instead). */
  openReason?: string;
  sentUrl?: string;
  network?: string;
}

/**
 * @example
 * const replies = createConversationReplyService({ store, now, send: openOnNetworkSender, cooldownMinutes: 30 });
 * // `author` and every `actor` below: the caller's user id (`token:<id>` for an API token), never a name from a request.
 * await replies.submit(ws.id, conversation.id, { text: 'Merci !', author: user.id, idempotencyKey: 'k1' });
 */
export function createConversationReplyService(deps: ReplyServiceDeps) {
  const { store } = deps;

  async function conversationOf(workspaceId: string, id: string): Promise<Conversation> {
    const conversation = await store.conversations.get(workspaceId, id);
    if (!conversation) throw new AppError('not_found', `Conversation ${id} does not exist`);
    return conversation;
  }

  // Drafts this process is sending right now: a `sending` draft not in here was interrupted.
  const inFlight = new Set<string>();

  async function markReplied(workspaceId: string, conversation: Conversation, draft: ReplyDraft, actor: string, posted: { url?: string; network?: string } = {}): Promise<void> {
    await store.conversations.update(workspaceId, conversation.id, {
      status: 'replied',
      ...(conversation.firstResponseAt === undefined && { firstResponseAt: deps.now().toISOString() }),
    });
    await store.conversations.addAudit(workspaceId, {
      conversationId: conversation.id, actor, action: 'reply.sent',
      details: { replyId: draft.id, externalId: draft.sentExternalId ?? null, ...(posted.url && { url: posted.url }), ...(posted.network && { network: posted.network }) },
    });
    // Remembering it as our post is a convenience: failing there must not turn a sent reply into an error.
    if (draft.sentExternalId && deps.onSent) await deps.onSent(workspaceId, conversation.connector, draft.sentExternalId).catch(() => undefined);
  }

  /** A draft left `sending` by a crash: nobody knows whether it went out, so a human checks. */
  async function markUnknown(workspaceId: string, draft: ReplyDraft, conversation: Conversation | undefined): Promise<ReplyDraft> {
    const error = { code: 'send_interrupted', message: 'sending was interrupted: check on the network whether it was posted, then confirm / envoi interrompu : vérifiez sur le réseau s’il a été publié, puis confirmez' };
    const unknown = (await store.replies.update(workspaceId, draft.id, { status: 'unknown', error }))!;
    await store.conversations.addAudit(workspaceId, { conversationId: draft.conversationId, actor: 'vigie', action: 'reply.unknown', details: { replyId: draft.id, ...(conversation?.url && { url: conversation.url }) } });
    return unknown;
  }

  async function send(workspaceId: string, draft: ReplyDraft, actor: string): Promise<SendResult> {
    // A draft that already went out (or waits for a confirmation) is never sent again.
    if (draft.status === 'sent') return { draft };
    if (draft.status === 'sending' && inFlight.has(draft.id)) return { draft };
    const conversation = await conversationOf(workspaceId, draft.conversationId);
    const openUrl = conversation.url && { openUrl: conversation.url };
    if (draft.status === 'awaiting_confirmation' || draft.status === 'unknown') return { draft, ...openUrl, ...(draft.error && { openReason: draft.error.message }) };
    if (draft.status === 'sending') return { draft: await markUnknown(workspaceId, draft, conversation), ...openUrl };
    if (inFlight.has(draft.id)) return { draft };
    inFlight.add(draft.id);
    try {
      const sending = (await store.replies.update(workspaceId, draft.id, { status: 'sending' }))!;
      const mention = await store.mentions.get(workspaceId, conversation.lastMentionId);
      let outcome: SendOutcome;
      try {
        outcome = await deps.send({ workspaceId, conversation, ...(mention && { mention }), inReplyToExternalId: mention?.externalId ?? conversation.key.split(':').slice(1).join(':'), text: sending.text, idempotencyKey: sending.idempotencyKey });
      } catch (error) {
        const { code, message } = describeSendError(error);
        const failed = (await store.replies.update(workspaceId, draft.id, { status: 'failed', error: { code, message } }))!;
        await store.conversations.addAudit(workspaceId, { conversationId: conversation.id, actor, action: 'reply.failed', details: { replyId: draft.id, code, message } });
        return { draft: failed };
      }
      if (outcome.kind === 'open') {
        const reason = outcome.reason;
        const waiting = (await store.replies.update(workspaceId, draft.id, { status: 'awaiting_confirmation', ...(reason && { error: { code: 'open_on_network', message: reason } }) }))!;
        await store.conversations.addAudit(workspaceId, { conversationId: conversation.id, actor, action: 'reply.opened', details: { replyId: draft.id, url: outcome.url, ...(reason && { reason }) } });
        return { draft: waiting, openUrl: outcome.url, ...(reason && { openReason: reason }) };
      }
      const sent = (await store.replies.update(workspaceId, draft.id, { status: 'sent', sentExternalId: outcome.externalId }))!;
      await markReplied(workspaceId, conversation, sent, actor, outcome);
      return { draft: sent, ...(outcome.url && { sentUrl: outcome.url }), ...(outcome.network && { network: outcome.network }) };
    } finally {
      inFlight.delete(draft.id);
    }
  }

  async function draftOf(workspaceId: string, id: string): Promise<ReplyDraft> {
    const draft = await store.replies.get(workspaceId, id);
    if (!draft) throw new AppError('not_found', `Reply ${id} does not exist`);
    return draft;
  }

  return {
    /**
     * Drafts left `sending` by a crash become `unknown` (never re-posted automatically). Run at start.
     * @example await replies.recoverInterrupted(); // → 1
     */
    async recoverInterrupted(): Promise<number> {
      let count = 0;
      for (const workspace of await store.workspaces.list()) {
        for (const draft of await store.replies.listByStatus(workspace.id, 'sending', 500)) {
          if (inFlight.has(draft.id)) continue;
          await markUnknown(workspace.id, draft, await store.conversations.get(workspace.id, draft.conversationId));
          count += 1;
        }
      }
      return count;
    },

    /** Sends a failed draft again, with the same idempotency key. */
    async retry(workspaceId: string, id: string, actor: string): Promise<SendResult> {
      const draft = await draftOf(workspaceId, id);
      if (draft.status !== 'failed' && draft.status !== 'approved') throw new AppError('conflict', `Reply ${id} is ${draft.status}; only a failed reply is sent again`);
      await store.conversations.addAudit(workspaceId, { conversationId: draft.conversationId, actor, action: 'reply.retry', details: { replyId: id } });
      return send(workspaceId, draft, actor);
    },

    /** Guard, store, and send unless held. Same idempotency key → the same draft, sent at most once. */
    async submit(workspaceId: string, conversationId: string, input: { text: string; author: string; idempotencyKey: string; lang?: string }): Promise<SendResult & { guard: GuardView }> {
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
    async approve(workspaceId: string, id: string, approver: string): Promise<SendResult> {
      const draft = await draftOf(workspaceId, id);
      if (draft.status !== 'held') return send(workspaceId, draft, approver);
      const early = draft.holdUntil !== undefined && Date.parse(draft.holdUntil) > deps.now().getTime();
      const approved = (await store.replies.update(workspaceId, id, { status: 'approved' }))!;
      await store.conversations.addAudit(workspaceId, { conversationId: draft.conversationId, actor: approver, action: 'reply.approved', details: { replyId: id, beforeCooldown: early } });
      return send(workspaceId, approved, approver);
    },

    /** Marks a reply posted by hand on the network as sent, and the conversation as replied. */
    async confirm(workspaceId: string, id: string, actor: string, externalId?: string): Promise<SendResult> {
      const draft = await draftOf(workspaceId, id);
      if (draft.status === 'sent') return { draft };
      if (draft.status !== 'awaiting_confirmation' && draft.status !== 'unknown') throw new AppError('conflict', `Reply ${id} is ${draft.status}, not waiting for a confirmation`);
      const sent = (await store.replies.update(workspaceId, id, { status: 'sent', ...(externalId && { sentExternalId: externalId }) }))!;
      await markReplied(workspaceId, await conversationOf(workspaceId, draft.conversationId), sent, actor);
      return { draft: sent };
    },
  };
}

export type ConversationReplyService = ReturnType<typeof createConversationReplyService>;
