/**
 * Language identification for short posts: ELD's character n-gram detector (extra-small database,
 * 60 languages, ≈ 28 MB of heap: as accurate as the larger ones on our tweets, and faster) with the links, handles, hashtag signs, emoji and digits removed first,
 * plus a vote of function words for the seven core languages, which settles the short cases where
 * n-grams hesitate. The result is `unknown` when the text has too few letters or the margin between
 * the two best languages is too thin.
 */
import type { Analyzer, AnalyzerInput, LanguageResult } from '@vigie/core';
import { eld } from 'eld/extrasmall';
import { FUNCTION_WORDS } from './function-words';

export const LANGUAGE_ANALYZER_NAME = 'vigie-lang';
export const LANGUAGE_ANALYZER_VERSION = '1';
const STAMP = `${LANGUAGE_ANALYZER_NAME}@${LANGUAGE_ANALYZER_VERSION}`;

/** Detection reads at most this many characters: a language does not change after a page. */
const DETECTION_CHARS = 2000;
/** Below this many letters nothing is said (`ok`, `lol`, `👍`). */
const MIN_LETTERS = 4;
/** Weight of one function word, on ELD's 0–1 score scale (close languages differ by ~0.01–0.05). */
const FUNCTION_WORD_WEIGHT = 0.04;
/** Under this confidence the answer is `unknown`. */
export const MIN_LANGUAGE_CONFIDENCE = 0.35;

const NOISE = /https?:\/\/\S+|www\.\S+|\bhttp\b|[@#][\p{L}\p{N}_]*|\p{Extended_Pictographic}|\p{N}+/gu;
/** Letter runs, with inner apostrophes (`c'est`); the typographic one is folded to match the lists. */
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

export interface LanguageGuess {
  lang: string;
  confidence: number;
}

/**
 * @example
 * detectLanguage('Merci pour votre réponse rapide !'); // { lang: 'fr', confidence: 0.9 }
 * detectLanguage('ok'); // { lang: 'unknown', confidence: 0 }
 */
export function detectLanguage(text: string): LanguageGuess {
  const cleaned = text.slice(0, DETECTION_CHARS).replace(NOISE, ' ');
  const words = cleaned.toLowerCase().match(WORD) ?? [];
  let letters = 0;
  for (const word of words) letters += word.length;
  if (letters < MIN_LETTERS) return { lang: 'unknown', confidence: 0 };

  const scores: Record<string, number> = eld.detect(cleaned).getScores();
  const boost = FUNCTION_WORD_WEIGHT / Math.sqrt(words.length);
  for (const word of words) {
    for (const lang of FUNCTION_WORDS.get(word.includes('’') ? word.replace(/’/g, "'") : word) ?? []) {
      scores[lang] = (scores[lang] ?? 0) + boost;
    }
  }
  // The two best languages, found in one pass (ties go to the alphabetically first, for stable output).
  let best: [string, number] | undefined;
  let second: [string, number] | undefined;
  for (const lang in scores) {
    const entry: [string, number] = [lang, scores[lang] as number];
    if (!best || entry[1] > best[1] || (entry[1] === best[1] && lang < best[0])) {
      second = best;
      best = entry;
    } else if (!second || entry[1] > second[1] || (entry[1] === second[1] && lang < second[0])) {
      second = entry;
    }
  }
  if (!best) return { lang: 'unknown', confidence: 0 };
  const margin = best[1] - (second?.[1] ?? 0);
  // Confidence grows with the length of the evidence and with the lead over the runner-up: one word
  // never reaches full confidence, a sentence with a thin lead neither.
  const lengthEvidence = Math.min(1, letters / 40);
  const confidence = Math.min(0.99, (0.35 + 0.65 * lengthEvidence) * Math.min(1, 0.2 + 10 * margin));
  const rounded = Math.round(confidence * 1000) / 1000;
  if (rounded < MIN_LANGUAGE_CONFIDENCE) return { lang: 'unknown', confidence: rounded };
  return { lang: best[0], confidence: rounded };
}

/**
 * The `lang` analyzer. A language declared by the source (`input.lang`) is kept when detection is
 * unsure, since the source usually knows better than a dozen characters do.
 * @example
 * createLanguageAnalyzer().analyze({ text: 'Thanks for the quick reply!' }); // { analyzer: 'vigie-lang@1', value: 'en', confidence: 0.8 }
 */
export function createLanguageAnalyzer(): Analyzer<LanguageResult> {
  return {
    key: 'lang',
    name: LANGUAGE_ANALYZER_NAME,
    version: LANGUAGE_ANALYZER_VERSION,
    analyze(input: AnalyzerInput): LanguageResult {
      const text = input.title ? `${input.title}\n${input.text}` : input.text;
      const guess = detectLanguage(text);
      if (guess.lang === 'unknown' && input.lang && /^[a-z]{2,3}$/i.test(input.lang)) {
        return { analyzer: STAMP, value: input.lang.toLowerCase(), confidence: 0.5 };
      }
      return { analyzer: STAMP, value: guess.lang, confidence: guess.confidence };
    },
  };
}
