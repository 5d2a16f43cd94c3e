/**
 * The inbox priority of a conversation: the "should we respond?" recommendation of its latest
 * incoming message (computed by @vigie/analysis), adjusted by what only the conversation knows —
 * a private message, an overdue first response — with every reason in plain words, FR and EN.
 */
import type { InboxEntryReason } from './inbox-entry';

export type InboxAction = 'reply' | 'reply_privately' | 'acknowledge' | 'escalate' | 'dont_respond';

/** A reason shown to the team, in both languages. */
export interface InboxReason {
  code: string;
  message: string;
  messageFr: string;
}

/** What the analysis recommends for the latest incoming message. */
export interface InboxRecommendation {
  action: InboxAction;
  reasons: InboxReason[];
  priority: number;
  priorityReasons: InboxReason[];
}

export interface TriageInput {
  recommendation: InboxRecommendation;
  entry: InboxEntryReason;
  /** When the first response is due (ISO); absent once answered. */
  dueAt?: string;
  now: Date;
}

export interface Triage {
  priority: number;
  reasons: InboxReason[];
}

/**
 * @example
 * triageConversation({ recommendation: { action: 'reply', priority: 45, reasons: [], priorityReasons: [] },
 *   entry: 'question', dueAt: '2026-11-27T10:00:00Z', now: new Date('2026-11-27T12:30:00Z') })
 * // → { priority: 65, reasons: [{ code: 'overdue', message: 'First response overdue by 2 h', … }] }
 */
export function triageConversation(input: TriageInput): Triage {
  const { recommendation } = input;
  const reasons = [...recommendation.priorityReasons];
  let priority = recommendation.priority;
  if (recommendation.action === 'dont_respond') return { priority: Math.min(priority, 5), reasons: [...reasons, ...recommendation.reasons] };
  if (input.entry === 'direct_message') {
    priority += 10;
    reasons.push({ code: 'direct_message', message: 'Private message', messageFr: 'Message privé' });
  }
  if (input.dueAt) {
    const late = (input.now.getTime() - Date.parse(input.dueAt)) / 60_000;
    if (late > 0) {
      priority += Math.min(25, 10 + Math.floor(late / 60) * 5);
      reasons.unshift({ code: 'overdue', message: `First response overdue by ${formatMinutes(late, 'en')}`, messageFr: `Première réponse en retard de ${formatMinutes(late, 'fr')}` });
    }
  }
  return { priority: Math.max(0, Math.min(100, Math.round(priority))), reasons };
}

/** 45 min, 3 h, 2 d / 2 j. */
export function formatMinutes(minutes: number, lang: 'fr' | 'en'): string {
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h`;
  return `${Math.floor(minutes / 1440)} ${lang === 'fr' ? 'j' : 'd'}`;
}
