/**
 * Stable codes of the "should we respond?" recommendation and their wording in English and
 * French. Codes are part of the API (documented in docs/reply-guard.md); the wording may improve.
 */

export type ResponseAction = 'reply' | 'reply_privately' | 'acknowledge' | 'escalate' | 'dont_respond';

export const RESPONSE_ACTIONS: readonly ResponseAction[] = ['reply', 'reply_privately', 'acknowledge', 'escalate', 'dont_respond'];

export type ResponseReasonCode =
  | 'safety'
  | 'legal_threat'
  | 'press'
  | 'data_leak'
  | 'staff_misconduct'
  | 'high_reach_negative'
  | 'account_specific'
  | 'personal_data'
  | 'spam'
  | 'bait'
  | 'insult_only'
  | 'off_topic'
  | 'noise'
  | 'praise'
  | 'question'
  | 'complaint'
  | 'competitor'
  | 'mention';

export type PriorityReasonCode = 'unanswered_question' | 'waiting' | 'negative_reach' | 'in_crisis' | 'competitor' | 'escalation' | 'account_issue' | 'own_post' | 'engagement';

export interface Wording {
  en: string;
  fr: string;
}

export const RESPONSE_WORDING: Readonly<Record<ResponseReasonCode, Wording>> = {
  safety: { en: 'Safety: someone may be hurt or in danger', fr: 'Sécurité : quelqu’un peut être blessé ou en danger' },
  legal_threat: { en: 'Legal threat or formal notice', fr: 'Menace juridique ou mise en demeure' },
  press: { en: 'Press enquiry', fr: 'Demande de la presse' },
  data_leak: { en: 'Possible data leak', fr: 'Fuite de données possible' },
  staff_misconduct: { en: 'Serious complaint about staff', fr: 'Plainte grave contre le personnel' },
  high_reach_negative: { en: 'Negative, from an author with a large audience', fr: 'Négatif, d’un auteur à large audience' },
  account_specific: { en: 'About their own order, bill or account: answer in private', fr: 'Concerne sa commande, sa facture ou son compte : répondre en privé' },
  personal_data: { en: 'The message carries personal data: continue in private', fr: 'Le message contient des données personnelles : poursuivre en privé' },
  spam: { en: 'Spam or link bait', fr: 'Spam ou lien piège' },
  bait: { en: 'Provocation or bait: answering feeds it', fr: 'Provocation : répondre l’alimente' },
  insult_only: { en: 'Insults with no grievance to address', fr: 'Insultes sans grief à traiter' },
  off_topic: { en: 'Off-topic', fr: 'Hors sujet' },
  noise: { en: 'Nothing to answer', fr: 'Rien à quoi répondre' },
  praise: { en: 'Praise or thanks: a like or a short thank-you is enough', fr: 'Compliment ou remerciement : un « j’aime » ou un merci suffit' },
  question: { en: 'Asks a question', fr: 'Pose une question' },
  complaint: { en: 'Complaint or problem report', fr: 'Réclamation ou signalement d’un problème' },
  competitor: { en: 'Compares us to a competitor', fr: 'Nous compare à un concurrent' },
  mention: { en: 'Neutral mention', fr: 'Mention neutre' },
};
