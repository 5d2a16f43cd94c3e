/**
 * Question detection for French and English posts: is this a question, and does it expect an
 * answer ("request") or not ("rhetorical")? Works with or without "?" ("quelqu'un sait si…",
 * "how do I…") from cue lexicons scored per sentence, and reports the cues it used.
 */
import { clampText, foldText, resolveLang, splitSentences, words } from '../text';
import { ENGLISH_CUES, FRENCH_CUES, type CueSet } from './question-cues';

export type QuestionKind = 'request' | 'rhetorical' | 'none';

export interface QuestionDetection {
  isQuestion: boolean;
  kind: QuestionKind;
  /** 0..1: evidence that the text asks something. */
  score: number;
  /** Cues found, e.g. `question-mark`, `request:quelqu'un sait`, `rhetorical:c'est une blague`. */
  cues: string[];
}

const WEIGHTS = {
  questionMark: 0.6,
  interrogativeStart: 0.35,
  inversion: 0.4,
  /** English auxiliary-first order ("Does the store…") is a question even without "?". */
  leadingAuxiliary: 0.5,
  strongRequest: 0.55,
  weakRequest: 0.25,
  rhetorical: 0.6,
  interrobang: 0.5,
} as const;

/** A short reply right after a question, in the same post. */
const SELF_ANSWER = /^(?:pas|non|personne|aucun|jamais|rien|not|no|nobody|never|nope|none|nothing)\b[^?]{0,30}$/;

/** A question is rhetorical with this much evidence, and more of it than of a request. */
const RHETORICAL_THRESHOLD = 0.5;

/** A question needs this much evidence. */
export const QUESTION_THRESHOLD = 0.5;
/** Sentences examined: questions sit in the first or last few sentences of a post. */
const MAX_SENTENCES = 12;

/**
 * Detects a question and its kind. Never throws; empty or non-text input is `none`.
 *
 * @example
 * detectQuestion("Quelqu'un sait si la boutique est ouverte dimanche", 'fr')
 * // → { isQuestion: true, kind: 'request', score: 0.55, cues: ["request:quelqu'un sait"] }
 */
export function detectQuestion(text: string, lang?: string): QuestionDetection {
  const clean = clampText(text);
  let sentences = splitSentences(clean);
  if (sentences.length > MAX_SENTENCES) sentences = [...sentences.slice(0, MAX_SENTENCES / 2), ...sentences.slice(-MAX_SENTENCES / 2)];
  const language = resolveLang(lang, () => words(sentences.slice(0, 3).join(' ')));
  const cueSets = language === 'fr' ? [FRENCH_CUES] : language === 'en' ? [ENGLISH_CUES] : [FRENCH_CUES, ENGLISH_CUES];

  let best = 0;
  let request = 0;
  let rhetorical = 0;
  const cues = new Set<string>();
  let previousAsked = false;
  for (const sentence of sentences) {
    // Hypophora: the author answers their own question ("Qui a dit ça ? Pas nous.").
    if (previousAsked && SELF_ANSWER.test(foldText(sentence))) {
      rhetorical = Math.max(rhetorical, RHETORICAL_THRESHOLD);
      cues.add('rhetorical:self-answer');
    }
    previousAsked = sentence.includes('?');
    const folded = foldText(sentence)
      .replace(/^(?:@\S+\s*)+/, '')
      .replace(/https?:\/\/\S+/g, ' ')
      .trim();
    for (const set of cueSets) {
      const s = scoreSentence(folded, set, cues);
      best = Math.max(best, s.question);
      request = Math.max(request, s.request);
      rhetorical = Math.max(rhetorical, s.rhetorical);
    }
  }
  const score = Math.min(1, round(best));
  const isQuestion = score >= QUESTION_THRESHOLD;
  const kind: QuestionKind = !isQuestion ? 'none' : rhetorical >= RHETORICAL_THRESHOLD && rhetorical >= request ? 'rhetorical' : 'request';
  return { isQuestion, kind, score, cues: [...cues] };
}

interface SentenceScore {
  question: number;
  request: number;
  rhetorical: number;
}

function scoreSentence(folded: string, set: CueSet, cues: Set<string>): SentenceScore {
  let question = 0;
  let request = 0;
  let rhetorical = 0;
  const hasMark = /\?/.test(folded);
  const exclaims = /!\s*$/.test(folded) && !hasMark;
  if (hasMark) {
    question += WEIGHTS.questionMark;
    cues.add('question-mark');
  }
  if (set.exclamative.test(folded) && !hasMark) return { question: 0, request: 0, rhetorical: 0 };
  if (!exclaims && set.interrogativeStart.test(folded)) {
    question += WEIGHTS.interrogativeStart;
    cues.add('interrogative-start');
  }
  let leading = false;
  if (!exclaims && set.inversion.test(folded)) {
    leading = set === ENGLISH_CUES && !/^(?:do not|don't|can't wait|is it me)\b/.test(folded) && /^(?:\w+[ ,]+)?(?:do|does|did|is|are|was|were|can|could|will|would|should|has|have|am)\b/.test(folded);
    question += leading ? WEIGHTS.leadingAuxiliary : WEIGHTS.inversion;
    cues.add('inversion');
  }
  const strong = set.strongRequest.exec(folded);
  if (strong) {
    question += WEIGHTS.strongRequest;
    request += WEIGHTS.strongRequest;
    cues.add(`request:${strong[0]}`);
  }
  const weak = set.weakRequest.exec(folded);
  if (weak) {
    question += WEIGHTS.weakRequest;
    request += WEIGHTS.weakRequest;
    cues.add(`request:${weak[0]}`);
  }
  const rhetoric = set.rhetorical.exec(folded);
  if (rhetoric) {
    rhetorical += WEIGHTS.rhetorical;
    question += 0.15;
    cues.add(`rhetorical:${rhetoric[0].trim()}`);
  }
  if (/\?\s*!|!\s*\?/.test(folded)) {
    rhetorical += WEIGHTS.interrobang;
    cues.add('interrobang');
  }
  // Without "?" or a cue of its own, an interrogative word opens a statement ("quand je pense…").
  if (!hasMark && !leading && !strong && !rhetoric) question = Math.min(question, 0.45);
  return { question, request, rhetorical };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
