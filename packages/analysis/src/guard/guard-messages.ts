/**
 * The reply guard's stable reason codes, their severity, and the words shown to people (English
 * and French) for each reason and its suggestion. Codes are part of the API: documented in
 * docs/reply-guard.md, never renamed.
 */

export type GuardReasonCode =
  | 'tone_aggressive'
  | 'tone_sarcasm'
  | 'tone_shouting'
  | 'tone_blame'
  | 'hard_to_read'
  | 'jargon'
  | 'too_technical'
  | 'off_topic'
  | 'dodges_question'
  | 'too_long'
  | 'format'
  | 'personal_data'
  | 'risky_promise'
  | 'empty';

export type GuardSeverity = 'hold' | 'review';

/**
 * Severity of each code: the verdict policy. `hold` codes can hurt the customer or bind the
 * company once published; `review` codes make a weaker reply but harm nobody.
 *
 * @example
 * GUARD_SEVERITY.personal_data // → 'hold'
 */
export const GUARD_SEVERITY: Readonly<Record<GuardReasonCode, GuardSeverity>> = {
  tone_aggressive: 'hold',
  tone_blame: 'hold',
  personal_data: 'hold',
  risky_promise: 'hold',
  tone_sarcasm: 'review',
  tone_shouting: 'review',
  hard_to_read: 'review',
  jargon: 'review',
  too_technical: 'review',
  off_topic: 'review',
  dodges_question: 'review',
  too_long: 'review',
  format: 'review',
  empty: 'review',
};

interface Wording {
  en: string;
  fr: string;
  suggestion: { en: string; fr: string };
}

export const GUARD_WORDING: Readonly<Record<GuardReasonCode, Wording>> = {
  tone_aggressive: {
    en: 'Aggressive or contemptuous wording',
    fr: 'Propos agressifs ou méprisants',
    suggestion: { en: 'Remove the attack; acknowledge the problem and say what you will do.', fr: 'Retirez l’attaque ; reconnaissez le problème et dites ce que vous allez faire.' },
  },
  tone_blame: {
    en: 'Blames or dismisses the customer',
    fr: 'Rejette la faute sur le client ou l’éconduit',
    suggestion: { en: 'Explain what happened without assigning fault, and offer the next step.', fr: 'Expliquez ce qui s’est passé sans chercher de coupable et proposez la suite.' },
  },
  tone_sarcasm: {
    en: 'Sarcasm or irony: it will read as mockery',
    fr: 'Sarcasme ou ironie : ce sera lu comme de la moquerie',
    suggestion: { en: 'Say it plainly; irony does not survive a screenshot.', fr: 'Dites-le simplement : l’ironie ne survit pas à une capture d’écran.' },
  },
  tone_shouting: {
    en: 'Shouting (capitals or exclamation marks)',
    fr: 'Ton crié (majuscules ou points d’exclamation)',
    suggestion: { en: 'Write in normal case with a single exclamation mark at most.', fr: 'Écrivez en minuscules, avec un seul point d’exclamation au plus.' },
  },
  hard_to_read: {
    en: 'Hard to read',
    fr: 'Difficile à lire',
    suggestion: { en: 'Use shorter sentences and everyday words.', fr: 'Faites des phrases plus courtes, avec des mots courants.' },
  },
  jargon: {
    en: 'Jargon the customer may not know',
    fr: 'Jargon que le client peut ignorer',
    suggestion: { en: 'Replace the technical terms and acronyms with plain words.', fr: 'Remplacez les termes techniques et les sigles par des mots simples.' },
  },
  too_technical: {
    en: 'Too many figures: reads like a report',
    fr: 'Trop de chiffres : trop technique',
    suggestion: { en: 'Keep the one figure that answers the question; link to the details.', fr: 'Gardez le chiffre qui répond à la question ; renvoyez vers le détail.' },
  },
  off_topic: {
    en: 'Talks about something else than the message',
    fr: 'Parle d’autre chose que le message',
    suggestion: { en: 'Answer the message first; keep promotion out of replies.', fr: 'Répondez d’abord au message ; pas de promotion dans une réponse.' },
  },
  dodges_question: {
    en: 'Does not answer the question asked',
    fr: 'Ne répond pas à la question posée',
    suggestion: { en: 'Answer the question, or say you are checking and when you will come back.', fr: 'Répondez à la question, ou dites que vous vérifiez et quand vous reviendrez.' },
  },
  too_long: {
    en: 'Too long for the network',
    fr: 'Trop long pour le réseau',
    suggestion: { en: 'Shorten it, or continue in private messages.', fr: 'Raccourcissez, ou poursuivez en message privé.' },
  },
  format: {
    en: 'Format does not suit the network',
    fr: 'Format inadapté au réseau',
    suggestion: { en: 'Fewer hashtags, no markdown, one idea per message.', fr: 'Moins de hashtags, pas de markdown, une idée par message.' },
  },
  personal_data: {
    en: 'Personal data in a public reply',
    fr: 'Données personnelles dans une réponse publique',
    suggestion: { en: 'Remove it and continue in private messages.', fr: 'Retirez-les et poursuivez en message privé.' },
  },
  risky_promise: {
    en: 'Commits the company (refund, compensation, guarantee or legal wording)',
    fr: 'Engage l’entreprise (remboursement, dédommagement, garantie ou vocabulaire juridique)',
    suggestion: { en: 'Have a manager approve it, or promise to look into it instead.', fr: 'Faites-le valider par un responsable, ou promettez plutôt d’étudier le dossier.' },
  },
  empty: {
    en: 'Nothing to publish',
    fr: 'Rien à publier',
    suggestion: { en: 'Write the reply first.', fr: 'Écrivez d’abord la réponse.' },
  },
};
