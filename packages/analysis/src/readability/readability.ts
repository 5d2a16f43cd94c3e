/**
 * Readability of a text: Kandel–Moles (the French adaptation of Flesch) for French, Flesch
 * Reading Ease for English, from words per sentence and syllables per word, with a seven-step
 * label in both languages. The reply guard uses it to warn about drafts that are hard to read.
 */
import { clampText, countSyllables, resolveLang, splitSentences, tokenize, words } from '../text';

export type ReadabilityLabel = 'very-easy' | 'easy' | 'fairly-easy' | 'standard' | 'fairly-difficult' | 'difficult' | 'very-difficult' | 'unknown';

export interface Readability {
  /** 0 (very hard) … 100 (very easy), clamped; null when the text has no words. */
  score: number | null;
  label: ReadabilityLabel;
  /** The label for people: `{ fr, en }`. */
  labelText: { fr: string; en: string };
  /** US school grade (Flesch–Kincaid), English only; null otherwise. */
  grade: number | null;
  syllablesPerWord: number;
  wordsPerSentence: number;
  words: number;
  sentences: number;
  formula: 'kandel-moles' | 'flesch';
}

const LABELS: Array<{ min: number; label: ReadabilityLabel; fr: string; en: string }> = [
  { min: 90, label: 'very-easy', fr: 'Très facile', en: 'Very easy' },
  { min: 80, label: 'easy', fr: 'Facile', en: 'Easy' },
  { min: 70, label: 'fairly-easy', fr: 'Assez facile', en: 'Fairly easy' },
  { min: 60, label: 'standard', fr: 'Standard', en: 'Standard' },
  { min: 50, label: 'fairly-difficult', fr: 'Assez difficile', en: 'Fairly difficult' },
  { min: 30, label: 'difficult', fr: 'Difficile', en: 'Difficult' },
  { min: -Infinity, label: 'very-difficult', fr: 'Très difficile', en: 'Very difficult' },
];
const UNKNOWN = { label: 'unknown' as const, fr: 'Inconnue', en: 'Unknown' };

/**
 * Scores a text in `lang` ('fr' uses Kandel–Moles, anything else Flesch; undefined guesses fr/en).
 * URLs, mentions, hashtags and emoji are not words. Never throws.
 *
 * @example
 * readability('Le chat dort. Il fait beau.', 'fr')
 * // → { score: 100, label: 'very-easy', formula: 'kandel-moles', wordsPerSentence: 3, … }
 */
export function readability(text: string, lang?: string): Readability {
  const clean = clampText(text);
  const language = resolveLang(lang, () => words(clean.slice(0, 500)));
  const french = language === 'fr';
  const formula = french ? 'kandel-moles' : 'flesch';
  let wordCount = 0;
  let syllables = 0;
  for (const token of tokenize(clean)) {
    if (token.kind !== 'word' && token.kind !== 'number') continue;
    wordCount++;
    // A number is read aloud: count it as a two-syllable word, a fair average for short figures.
    syllables += token.kind === 'number' ? 2 : countSyllables(token.text, french ? 'fr' : 'en');
  }
  const sentences = Math.max(1, splitSentences(clean).length);
  if (wordCount === 0) {
    return { score: null, label: UNKNOWN.label, labelText: { fr: UNKNOWN.fr, en: UNKNOWN.en }, grade: null, syllablesPerWord: 0, wordsPerSentence: 0, words: 0, sentences: 0, formula };
  }
  const wordsPerSentence = wordCount / sentences;
  const syllablesPerWord = syllables / wordCount;
  const raw = french ? 207 - 1.015 * wordsPerSentence - 73.6 * syllablesPerWord : 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
  const score = round(Math.min(100, Math.max(0, raw)));
  const step = LABELS.find((l) => raw >= l.min) ?? (LABELS[LABELS.length - 1] as (typeof LABELS)[number]);
  return {
    score,
    label: step.label,
    labelText: { fr: step.fr, en: step.en },
    grade: french ? null : round(Math.max(0, 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59)),
    syllablesPerWord: round(syllablesPerWord, 2),
    wordsPerSentence: round(wordsPerSentence, 2),
    words: wordCount,
    sentences,
    formula,
  };
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
