/**
 * The reply guard ("tourner sept fois sa langue dans sa bouche"): checks a draft reply or post
 * before it leaves, in French or English — tone, readability, jargon, figures, relevance to the
 * message answered, length and format for the network, personal data and risky promises — and
 * gives a verdict (ok / review / hold) with reasons and suggestions in both languages.
 * Pure and synchronous; never throws, whatever it is given.
 */
import { detectLanguage } from '../language/language-analyzer';
import { detectJargon, readability, type ReadabilityLabel } from '../readability';
import { clampText, guessLang, words } from '../text';
import { checkTone } from './check-tone';
import { GUARD_SEVERITY, GUARD_WORDING, type GuardReasonCode, type GuardSeverity } from './guard-messages';
import { isTooTechnical, measureFigures } from './measure-figures';
import { measureRelevance } from './measure-relevance';
import { NETWORK_LIMITS, NETWORKS, measureLength, type Network } from './network-limits';
import { detectPersonalData, type PersonalDataOptions } from './personal-data';
import { DEFAULT_RISKY_PHRASES, findRiskyPromises, type RiskyPhrases } from './risky-promises';

export type GuardVerdict = 'ok' | 'review' | 'hold';

export interface DraftInput {
  /** The draft reply or post. */
  text: string;
  /** 'fr' or 'en'; guessed when missing. */
  lang?: string;
  /** Target network: sets the length limit and format rules. */
  network?: Network | string;
  /** The message being answered: relevance is measured against it, and the draft is a reply. */
  replyTo?: string;
  /** The workspace's list of risky wording; defaults to `DEFAULT_RISKY_PHRASES`. */
  riskyPhrases?: RiskyPhrases;
  /** The workspace's order/account number pattern (global RegExp). */
  referencePattern?: PersonalDataOptions['referencePattern'];
}

export interface GuardReason {
  code: GuardReasonCode;
  /** English, with the words found. */
  message: string;
  messageFr?: string;
  severity: GuardSeverity;
  /** Where in the draft, in UTF-16 offsets, when the reason points at words. */
  span?: { start: number; end: number };
}

export interface GuardSuggestion {
  code: GuardReasonCode;
  message: string;
  messageFr?: string;
}

export interface GuardScores {
  /** 0..1. */
  aggressiveness: number;
  readability: { score: number | null; formula: 'kandel-moles' | 'flesch'; label: ReadabilityLabel };
  /** Share of jargon words, 0..1. */
  jargon: number;
  /** Share of figures among words, 0..1. */
  figures: number;
  /** Share of the message's key terms taken up, 0..1; null without `replyTo`. */
  relevance: number | null;
  length: { chars: number; limit: number | null; weighted?: boolean };
  /** Number of personal data items found. */
  personalData: number;
}

export interface GuardResult {
  verdict: GuardVerdict;
  reasons: GuardReason[];
  suggestions: GuardSuggestion[];
  scores: GuardScores;
  lang: 'fr' | 'en';
}

/** Under this Kandel–Moles / Flesch score, a text of at least HARD_TO_READ_WORDS words is hard to read. */
const HARD_TO_READ_SCORE = 30;
const HARD_TO_READ_WORDS = 12;
/** A relevance under this, with no apology, follow-up or yes/no, does not answer. */
const ANSWER_THRESHOLD = 0.2;
/** Clothing sizes look like acronyms but every customer knows them. */
const CLOTHING_SIZE = /^(?:X{0,4}[SL]|M|XXL|XXXL)$/;
/** Hashtags beyond this in a reply are noise on every network. */
const MAX_REPLY_HASHTAGS = 5;

/**
 * Checks a draft. The verdict is `hold` when any reason is a hold reason (aggression, blame,
 * personal data, risky promise), `review` when any other reason is found, `ok` otherwise.
 *
 * @example
 * checkDraft({ text: 'Votre commande CMD-458712 est bloquée, appelez le 06 12 34 56 78', lang: 'fr' }).verdict
 * // → 'hold' (personal_data)
 * checkDraft({ text: 'Oui, nous livrons en Belgique en 3 jours.', replyTo: 'Vous livrez en Belgique ?', network: 'x' }).verdict
 * // → 'ok'
 */
export function checkDraft(input: DraftInput): GuardResult {
  const raw = typeof input?.text === 'string' ? input.text : '';
  const text = clampText(raw);
  const replyTo = typeof input?.replyTo === 'string' ? clampText(input.replyTo, 5000) : undefined;
  const network = NETWORKS.find((n) => n === input?.network);
  const lang = resolveDraftLang(input?.lang, text, replyTo);
  const reasons: GuardReason[] = [];
  const add = (code: GuardReasonCode, detail?: string, span?: { start: number; end: number }): void => {
    const wording = GUARD_WORDING[code];
    reasons.push({
      code,
      message: detail ? `${wording.en}: ${detail}` : wording.en,
      messageFr: detail ? `${wording.fr} : ${detail}` : wording.fr,
      severity: GUARD_SEVERITY[code],
      ...(span ? { span } : {}),
    });
  };

  const measured = measureLength(raw, network, replyTo !== undefined);
  if (text.trim() === '') add('empty');

  const tone = checkTone(text, lang);
  for (const finding of tone.findings) add(finding.code, `“${finding.match}”`, finding.start !== undefined && finding.end !== undefined ? { start: finding.start, end: finding.end } : undefined);

  const personal = detectPersonalData(text, input?.referencePattern ? { referencePattern: input.referencePattern } : {});
  for (const item of personal) add('personal_data', item.kind, { start: item.start, end: item.end });

  const promises = findRiskyPromises(text, input?.riskyPhrases ?? DEFAULT_RISKY_PHRASES);
  for (const promise of promises) add('risky_promise', `“${promise.match}”`, { start: promise.start, end: promise.end });

  const read = readability(text, lang);
  if (read.score !== null && read.words >= HARD_TO_READ_WORDS && read.score < HARD_TO_READ_SCORE) {
    add('hard_to_read', `${read.formula === 'kandel-moles' ? 'Kandel–Moles' : 'Flesch'} ${read.score} (${read.labelText.en})`);
  }

  const inPersonalData = (start: number): boolean => personal.some((p) => start >= p.start && start < p.end);
  const shouting = tone.findings.some((f) => f.code === 'tone_shouting');
  const jargonTerms = detectJargon(text, lang).terms.filter(
    (t) => !inPersonalData(t.start) && !(shouting && t.reason === 'acronym') && !(t.reason === 'acronym' && CLOTHING_SIZE.test(t.term)),
  );
  const wordCount = Math.max(1, words(text).length);
  const jargonWeight = jargonTerms.reduce((sum, t) => sum + (t.reason === 'long-word' ? 0.5 : 1), 0);
  if (jargonWeight >= 3 || (jargonWeight >= 2 && jargonWeight / wordCount >= 0.1)) add('jargon', jargonTerms.map((t) => t.term).join(', '));

  const figureText = personal.reduceRight((s, p) => s.slice(0, p.start) + ' '.repeat(p.end - p.start) + s.slice(p.end), text);
  const figures = measureFigures(figureText);
  if (isTooTechnical(figures)) add('too_technical', `${figures.count} figures / chiffres`);

  const relevance = measureRelevance(replyTo, text, lang);
  if (relevance.score !== null && relevance.score < ANSWER_THRESHOLD && !relevance.engages) {
    if (relevance.promotional) add('off_topic');
    else if (relevance.isQuestion) add('dodges_question', relevance.keyTerms.slice(0, 5).join(', '));
  } else if (relevance.score === null && replyTo && relevance.promotional && relevance.isQuestion) {
    add('off_topic');
  }

  if (measured.limit !== null && measured.chars > measured.limit) add('too_long', `${measured.chars} / ${measured.limit}`);
  const formatProblem = checkFormat(raw, network, measured.hashtags, replyTo !== undefined);
  if (formatProblem) add('format', formatProblem);

  const verdict: GuardVerdict = reasons.some((r) => r.severity === 'hold') ? 'hold' : reasons.length > 0 ? 'review' : 'ok';
  const suggestions = [...new Set(reasons.map((r) => r.code))].map((code) => ({ code, message: GUARD_WORDING[code].suggestion.en, messageFr: GUARD_WORDING[code].suggestion.fr }));
  return {
    verdict,
    reasons,
    suggestions,
    scores: {
      aggressiveness: tone.aggressiveness,
      readability: { score: read.score, formula: read.formula, label: read.label },
      jargon: Math.round((jargonTerms.length / wordCount) * 1000) / 1000,
      figures: figures.share,
      relevance: relevance.score,
      length: { chars: measured.chars, limit: measured.limit, ...(measured.weighted ? { weighted: true } : {}) },
      personalData: personal.length,
    },
    lang,
  };
}

function checkFormat(text: string, network: Network | undefined, hashtags: number, isReply: boolean): string | undefined {
  const max = network ? NETWORK_LIMITS[network].maxHashtags : undefined;
  if (max !== undefined && hashtags > max) return `${hashtags} hashtags > ${max}`;
  if (isReply && hashtags > MAX_REPLY_HASHTAGS) return `${hashtags} hashtags`;
  // No network renders markdown: the asterisks and brackets would show as typed.
  if (network && /\*\*[^*\n]+\*\*|__[^_\n]+__|\[[^\]\n]+\]\(https?:[^)\s]+\)/.test(text.slice(0, 20_000))) return 'markdown';
  return undefined;
}

function resolveDraftLang(declared: string | undefined, text: string, replyTo: string | undefined): 'fr' | 'en' {
  const short = typeof declared === 'string' ? declared.toLowerCase().slice(0, 2) : '';
  if (short === 'fr' || short === 'en') return short;
  const sample = `${text.slice(0, 1000)} ${replyTo?.slice(0, 500) ?? ''}`;
  const detected = detectLanguage(sample).lang;
  if (detected === 'fr' || detected === 'en') return detected;
  const guess = guessLang(words(sample));
  // French first: an undecidable draft is read with the French rules.
  return guess === 'en' ? 'en' : 'fr';
}
