import type { Mention } from '../domain/mention';

/** Why a mention enters the inbox: it may need a human. */
export type InboxEntryReason = 'direct_message' | 'own_post_reply' | 'question' | 'negative_reach' | 'aggressive';

/** What the workspace tells the inbox about itself. */
export interface InboxEntryOptions {
  /** Handles of the company's own accounts, lower-cased compare (e.g. `@vigie@mastodon.social`). */
  ownHandles?: readonly string[];
  /** External ids of the company's own posts (replies to them enter the inbox). */
  ownPostIds?: ReadonlySet<string>;
  /** Followers from which a negative mention needs a look (default 1000). */
  negativeReachThreshold?: number;
}

interface AnalysisSignals {
  question?: { isQuestion?: boolean };
  aggressive?: { label?: string };
  sentiment?: { label?: string };
}

/**
 * Decides whether a stored mention goes to the inbox, and why. Our own posts never do (they are
 * what people reply to); news articles only when they ask us something.
 *
 * @example
 * inboxEntryReason({ ...mention, kind: 'message' }) // → 'direct_message'
 * inboxEntryReason({ ...mention, analysis: { question: { isQuestion: true } } }) // → 'question'
 */
export function inboxEntryReason(mention: Mention, options: InboxEntryOptions = {}): InboxEntryReason | undefined {
  const own = new Set((options.ownHandles ?? []).map((h) => h.toLowerCase()));
  if (own.has(mention.author.handle.toLowerCase())) return undefined;
  if (mention.kind === 'message') return 'direct_message';
  const parent = mention.replyToExternalId ?? mention.threadExternalId;
  if (parent !== undefined && options.ownPostIds?.has(parent)) return 'own_post_reply';
  const signals = mention.analysis as AnalysisSignals;
  if (signals.question?.isQuestion === true) return 'question';
  const label = signals.aggressive?.label;
  if (label === 'aggressive' || label === 'toxic') return 'aggressive';
  const negative = signals.sentiment?.label === 'negative';
  if (negative && (mention.author.followers ?? 0) >= (options.negativeReachThreshold ?? 1000)) return 'negative_reach';
  return undefined;
}

/**
 * The thread a mention belongs to: its thread root, else the message it answers, else itself.
 * Scoped by connector because external ids are only unique per network.
 *
 * @example
 * conversationKeyOf({ connector: 'mastodon', externalId: '9', threadExternalId: '1' }) // → 'mastodon:1'
 */
export function conversationKeyOf(mention: Pick<Mention, 'connector' | 'externalId' | 'threadExternalId' | 'replyToExternalId'>): string {
  return `${mention.connector}:${mention.threadExternalId ?? mention.replyToExternalId ?? mention.externalId}`;
}
