import type { JSONValue } from 'hono/utils/types';
import { slaState, DEFAULT_SLA_POLICY, priorityBand, type Conversation, type ReplyDraft } from '@vigie/core';

/**
 * A conversation as the inbox shows it, with its timer state computed at `now`; the stored
 * recommendation keeps only what the list needs (action and reasons).
 */
export function presentConversation(conversation: Conversation, now: Date) {
  const { workspaceId: _ws, recommendation, ...view } = conversation;
  const sla = conversation.dueAt
    ? slaState({ dueAt: conversation.dueAt, ...(conversation.firstResponseAt && { firstResponseAt: conversation.firstResponseAt }), now, targetMinutes: DEFAULT_SLA_POLICY.targets[priorityBand(conversation.priority)] })
    : undefined;
  return { ...view, recommendation: recommendation && { action: recommendation.action, reasons: recommendation.reasons }, ...(sla && { sla }) };
}

/** A reply draft; `verdict` is the guard's JSON as stored. */
export function presentReply(draft: ReplyDraft, openUrl?: string, sent: { openReason?: string; sentUrl?: string; network?: string } = {}) {
  return { ...draft, verdict: draft.verdict as JSONValue, ...(openUrl && { openUrl }), ...sent };
}
