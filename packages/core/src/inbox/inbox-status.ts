/** Conversation statuses and the views of the inbox. */

/** open → assigned → replied → closed; snoozed comes back at `snoozedUntil`; ignored = chosen not to answer. */
export const CONVERSATION_STATUSES = ['open', 'assigned', 'snoozed', 'replied', 'closed', 'ignored'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const INBOX_VIEWS = ['open', 'mine', 'unanswered', 'overdue', 'snoozed', 'closed'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** Statuses that still need someone (the "open" queue). */
export const ACTIVE_STATUSES: readonly ConversationStatus[] = ['open', 'assigned'];

/**
 * Fills `{author}`, `{topic}`… in a saved reply; unknown variables stay as written so a
 * missing value is visible in the composer rather than silently blank.
 *
 * @example
 * fillSavedReply('Bonjour {author}, merci !', { author: 'Jeanne' }) // → 'Bonjour Jeanne, merci !'
 */
export function fillSavedReply(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
