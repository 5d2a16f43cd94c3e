/**
 * Priority 0..100 of an incoming message, and its reasons in plain words. The action sets a base
 * (escalations first, trolls last); waiting time, reach of a negative author, an open crisis, a
 * competitor comparison, our own posts and engagement add to it. Each addition is capped so that
 * no single signal decides the order alone.
 */
import type { Engagement } from '@vigie/core';
import type { PriorityReasonCode, ResponseAction } from './respond-messages';

export interface PriorityInput {
  action: ResponseAction;
  isQuestion: boolean;
  negative: boolean;
  audience: number;
  competitor: boolean;
  inCrisis: boolean;
  ageMinutes?: number;
  isOwnPostComment: boolean;
  engagement?: Engagement;
  lang: 'fr' | 'en';
}

export interface PriorityReason {
  code: PriorityReasonCode;
  message: string;
  messageFr: string;
}

const BASE: Readonly<Record<ResponseAction, number>> = { escalate: 60, reply_privately: 40, reply: 30, acknowledge: 10, dont_respond: 0 };
/** A message we advise not to answer never climbs above this, whatever its engagement. */
const DONT_RESPOND_CAP = 5;

/**
 * @example
 * scorePriority({ action: 'reply', isQuestion: true, negative: false, audience: 0, competitor: false, inCrisis: false, ageMinutes: 180, isOwnPostComment: false, lang: 'en' })
 * // → { score: 60, reasons: [{ code: 'unanswered_question', message: 'Question unanswered for 3 h', … }] }
 */
export function scorePriority(input: PriorityInput): { score: number; reasons: PriorityReason[] } {
  let score = BASE[input.action];
  const reasons: PriorityReason[] = [];
  const add = (points: number, code: PriorityReasonCode, en: string, fr: string): void => {
    score += points;
    reasons.push({ code, message: en, messageFr: fr });
  };
  if (input.action === 'escalate') add(0, 'escalation', 'Needs a manager', 'À remonter à un responsable');
  if (input.action === 'reply_privately') add(0, 'account_issue', 'Customer account issue', 'Problème sur le compte d’un client');
  const age = input.ageMinutes;
  if (input.isQuestion && input.action !== 'dont_respond') {
    const waited = age ?? 0;
    add(15 + Math.min(20, Math.floor(waited / 60) * 5), 'unanswered_question', age !== undefined ? `Question unanswered for ${formatDuration(waited, 'en')}` : 'Unanswered question', age !== undefined ? `Question sans réponse depuis ${formatDuration(waited, 'fr')}` : 'Question sans réponse');
  } else if (age !== undefined && age >= 60 && input.action !== 'dont_respond' && input.action !== 'acknowledge') {
    add(Math.min(15, Math.floor(age / 60) * 3), 'waiting', `Waiting for ${formatDuration(age, 'en')}`, `En attente depuis ${formatDuration(age, 'fr')}`);
  }
  if (input.negative && input.audience >= 1000) {
    add(Math.min(20, Math.round(Math.log10(input.audience) * 4)), 'negative_reach', `Negative, author reach ${formatCount(input.audience)}`, `Négatif, audience de l’auteur ${formatCount(input.audience)}`);
  }
  if (input.inCrisis) add(15, 'in_crisis', 'Part of the current crisis', 'Fait partie de la crise en cours');
  if (input.competitor) add(10, 'competitor', 'Compares us to a competitor', 'Nous compare à un concurrent');
  if (input.isOwnPostComment) add(5, 'own_post', 'Comment on one of our posts', 'Commentaire sous l’une de nos publications');
  const e = input.engagement;
  const interactions = e ? (e.likes ?? 0) + 2 * (e.reposts ?? 0) + 2 * (e.quotes ?? 0) + (e.replies ?? 0) : 0;
  if (Number.isFinite(interactions) && interactions >= 10) {
    add(Math.min(10, Math.round(Math.log10(interactions) * 4)), 'engagement', `${formatCount(interactions)} interactions`, `${formatCount(interactions)} interactions`);
  }
  if (input.action === 'dont_respond') score = Math.min(score, DONT_RESPOND_CAP);
  return { score: Math.max(0, Math.min(100, Math.round(score))), reasons };
}

/** 45 min, 3 h, 2 d / 2 j. */
function formatDuration(minutes: number, lang: 'fr' | 'en'): string {
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h`;
  return `${Math.floor(minutes / 1440)} ${lang === 'fr' ? 'j' : 'd'}`;
}

/** 25000 → 25k, 1200000 → 1.2M. */
function formatCount(n: number): string {
  if (n >= 1_000_000) return `${Math.round(n / 100_000) / 10}M`;
  if (n >= 1000) return `${Math.round(n / 100) / 10}k`;
  return String(Math.round(n));
}
