/**
 * "Should we respond?": for one incoming message, the action (reply, reply privately, just
 * acknowledge, escalate, or don't respond), why, and a priority 0..100 with its reasons in plain
 * words ("question unanswered for 3 h", "negative, author reach 25k"). Fields the caller already
 * knows (sentiment, question, aggressiveness, competitor, crisis) are used as given; missing ones
 * come from the analyzers. Pure once the sentiment models are loaded; never throws.
 */
import type { Author, Engagement } from '@vigie/core';
import { detectAggressiveness } from '../aggressiveness';
import { detectLanguage } from '../language/language-analyzer';
import { detectQuestion } from '../question';
import { createSentimentAnalyzer } from '../sentiment';
import { clampText, foldText } from '../text';
import { findPhrase } from '../guard/find-phrase';
import { detectPersonalData, type PersonalDataOptions } from '../guard/personal-data';
import * as cues from './response-cues';
import { RESPONSE_WORDING, type PriorityReasonCode, type ResponseAction, type ResponseReasonCode } from './respond-messages';
import { scorePriority } from './score-priority';

export interface ResponseInput {
  text: string;
  /** 'fr' or 'en'; detected when missing. */
  lang?: string;
  author?: Partial<Author>;
  engagement?: Engagement;
  isQuestion?: boolean;
  /** A label, or a score in -1..1. */
  sentiment?: 'positive' | 'neutral' | 'negative' | number;
  aggressive?: boolean;
  mentionsCompetitor?: boolean;
  /** The message belongs to an open crisis episode. */
  inCrisis?: boolean;
  /** Minutes since the message was posted, without an answer from us. */
  ageMinutes?: number;
  /** A comment under one of our own posts. */
  isOwnPostComment?: boolean;
  /** The workspace's order/account number pattern (global RegExp). */
  referencePattern?: PersonalDataOptions['referencePattern'];
}

export interface ResponseReason {
  code: ResponseReasonCode | PriorityReasonCode;
  message: string;
  messageFr: string;
}

export interface ResponseRecommendation {
  action: ResponseAction;
  reasons: ResponseReason[];
  priority: number;
  priorityReasons: ResponseReason[];
  lang: 'fr' | 'en';
}

/** Followers from which a negative message is a reputation risk rather than one unhappy customer. */
export const HIGH_REACH_FOLLOWERS = 10_000;
/** From this many words, a neutral message is answered rather than just liked. */
const SUBSTANTIAL_WORDS = 6;

const fold = (list: readonly string[]): string[] => list.map(foldText);
const SAFETY = fold(cues.SAFETY_CUES);
const LEGAL = fold(cues.LEGAL_CUES);
const PRESS = fold(cues.PRESS_CUES);
const DATA_LEAK = fold(cues.DATA_LEAK_CUES);
const MISCONDUCT = fold(cues.MISCONDUCT_CUES);
const ACCOUNT_EVENTS = fold(cues.ACCOUNT_EVENTS);
const BAIT = fold(cues.BAIT_CUES);
const SPAM = fold(cues.SPAM_CUES);
const OFF_TOPIC = fold(cues.OFF_TOPIC_CUES);
const PRAISE = fold(cues.PRAISE_CUES);
const COMPLAINT = fold(cues.COMPLAINT_CUES);
const COMPETITOR = fold(cues.COMPETITOR_CUES);
const GRIEVANCE = fold(cues.GRIEVANCE_CUES);
const ACCOUNT_FR = new RegExp(String.raw`\b(?:ma|mon|mes)\s+(?:[\p{L}-]+\s+){0,1}(?:${cues.ACCOUNT_NOUNS_FR.join('|')})s?\b`, 'u');
const ACCOUNT_EN = new RegExp(String.raw`\bmy\s+(?:[\p{L}\d-]+\s+){0,2}(?:${cues.ACCOUNT_NOUNS_EN.join('|')})s?\b`, 'u');
const ACCUSATION = /\b(?:vol|vole|volent|voleur|voleurs|arnaque|arnaqueurs|escroc|escrocs|steal|steals|thieves|scam|scammers|crooks)\b/;
const LINK = /https?:\/\/|www\.|\b(?:t\.me|bit\.ly|tinyurl\.com)\//;

let sentimentAnalyzer: ReturnType<typeof createSentimentAnalyzer> | undefined;

/**
 * @example
 * recommendResponse({ text: 'Ma commande 458712 n’est pas arrivée', lang: 'fr' }).action // → 'reply_privately'
 * recommendResponse({ text: 'Come at me social media intern 😂' }).action // → 'dont_respond'
 * recommendResponse({ text: 'Is the London store open on Sunday?', ageMinutes: 180 }).priorityReasons[0].message
 * // → 'Question unanswered for 3 h'
 */
export function recommendResponse(input: ResponseInput): ResponseRecommendation {
  const text = clampText(typeof input?.text === 'string' ? input.text : '', 5000);
  const folded = foldText(text);
  const lang = resolveLang(input?.lang, text);
  const has = (list: readonly string[]): boolean => findPhrase(folded, list) !== undefined;
  const isQuestion = input?.isQuestion ?? isRequest(text, lang);
  const aggression = detectAggressiveness(text, lang);
  const aggressive = input?.aggressive ?? (aggression.label === 'aggressive' || aggression.label === 'toxic');
  // A "mild" score made of an insult or a swear word is still hostile when nothing else is said.
  const hostile = aggressive || (aggression.label === 'mild' && aggression.reasons.some((r) => r.code === 'insult' || r.code === 'profanity'));
  const sentiment = sentimentOf(input?.sentiment, text, lang);
  const complaint = has(COMPLAINT);
  const negative = sentiment < -0.2 || aggressive || (complaint && sentiment <= 0.2);
  const audience = Math.max(input?.author?.followers ?? 0, audienceClaimed(folded));
  const competitor = input?.mentionsCompetitor ?? has(COMPETITOR);
  const personal = detectPersonalData(text, input?.referencePattern ? { referencePattern: input.referencePattern } : {});

  const reasons: ResponseReasonCode[] = [];
  const escalations: Array<[boolean, ResponseReasonCode]> = [
    [has(SAFETY), 'safety'],
    [has(LEGAL), 'legal_threat'],
    [has(PRESS), 'press'],
    [has(DATA_LEAK), 'data_leak'],
    [has(MISCONDUCT), 'staff_misconduct'],
    [audience >= HIGH_REACH_FOLLOWERS && (negative || ACCUSATION.test(folded)), 'high_reach_negative'],
  ];
  for (const [hit, code] of escalations) if (hit) reasons.push(code);
  let action: ResponseAction;
  if (reasons.length > 0) action = 'escalate';
  else if (has(SPAM) || (LINK.test(folded) && !isQuestion && !complaint)) action = push(reasons, 'dont_respond', 'spam');
  else if (personal.length > 0) action = push(reasons, 'reply_privately', 'personal_data');
  else if (competitor && !has(ACCOUNT_EVENTS)) action = push(reasons, 'reply', 'competitor');
  else if (isAccountIssue(folded, has(ACCOUNT_EVENTS)) && !(has(PRAISE) && !complaint && sentiment > 0)) action = push(reasons, 'reply_privately', 'account_specific');
  else if (has(BAIT)) action = push(reasons, 'dont_respond', 'bait');
  else if (hostile && !isQuestion && !has(GRIEVANCE)) action = push(reasons, 'dont_respond', 'insult_only');
  else if (cues.LAUGHTER.test(folded) && (complaint || hostile) && !isQuestion && !has(GRIEVANCE)) action = push(reasons, 'dont_respond', 'bait');
  else if (has(OFF_TOPIC)) action = push(reasons, 'dont_respond', 'off_topic');
  else if (wordCount(folded) <= 2 && !has(PRAISE) && !isQuestion) action = push(reasons, 'dont_respond', 'noise');
  else if (has(PRAISE) && !isQuestion && (!complaint || sentiment > 0.2)) action = push(reasons, 'acknowledge', 'praise');
  else if (isQuestion) action = push(reasons, 'reply', 'question');
  else if (negative || complaint) action = push(reasons, 'reply', 'complaint');
  else if (sentiment >= 0.4) action = push(reasons, 'acknowledge', 'praise');
  // A message of some length addressed to us that is neither praise nor bait usually reports something.
  else if (wordCount(folded) >= SUBSTANTIAL_WORDS) action = push(reasons, 'reply', 'mention');
  else action = push(reasons, 'acknowledge', 'mention');
  if (competitor && action === 'reply' && !reasons.includes('competitor')) reasons.push('competitor');

  const priority = scorePriority({
    action,
    isQuestion,
    negative,
    audience,
    competitor,
    inCrisis: input?.inCrisis === true,
    ageMinutes: finite(input?.ageMinutes),
    isOwnPostComment: input?.isOwnPostComment === true,
    engagement: input?.engagement,
    lang,
  });
  return {
    action,
    reasons: reasons.map((code) => ({ code, message: RESPONSE_WORDING[code].en, messageFr: RESPONSE_WORDING[code].fr })),
    priority: priority.score,
    priorityReasons: priority.reasons,
    lang,
  };
}

function isAccountIssue(folded: string, accountEvent: boolean): boolean {
  if (cues.HOW_TO.test(folded)) return false;
  return accountEvent || ACCOUNT_FR.test(folded) || ACCOUNT_EN.test(folded);
}

function push(reasons: ResponseReasonCode[], action: ResponseAction, code: ResponseReasonCode): ResponseAction {
  reasons.push(code);
  return action;
}

function isRequest(text: string, lang: 'fr' | 'en'): boolean {
  const question = detectQuestion(text, lang);
  return (question.isQuestion && question.kind === 'request') || (/\?\s*$/.test(text.trim()) && question.kind !== 'rhetorical');
}

/** -1..1 from a label, a score, or the sentiment analyzer. */
function sentimentOf(given: ResponseInput['sentiment'], text: string, lang: 'fr' | 'en'): number {
  if (typeof given === 'number' && Number.isFinite(given)) return Math.max(-1, Math.min(1, given));
  if (given === 'positive') return 0.6;
  if (given === 'negative') return -0.6;
  if (given === 'neutral') return 0;
  if (text.trim() === '') return 0;
  sentimentAnalyzer ??= createSentimentAnalyzer();
  return sentimentAnalyzer.analyze({ text, lang }).score;
}

/** "mes 80 000 abonnés" → 80000; "my 25k followers" → 25000. */
function audienceClaimed(folded: string): number {
  const match = cues.AUDIENCE.exec(folded);
  if (!match?.[1]) return 0;
  const raw = match[1].replace(/[ ,.\u202f]/g, '');
  return /k$/.test(raw) ? Number(raw.replace(/\s?k$/, '')) * 1000 : Number(raw);
}

function wordCount(folded: string): number {
  return (folded.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

function finite(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function resolveLang(declared: string | undefined, text: string): 'fr' | 'en' {
  const short = typeof declared === 'string' ? declared.toLowerCase().slice(0, 2) : '';
  if (short === 'fr' || short === 'en') return short;
  const detected = detectLanguage(text).lang;
  // French first: a message too short to tell is read with the French cues (both lists are searched anyway).
  return detected === 'en' ? 'en' : 'fr';
}
