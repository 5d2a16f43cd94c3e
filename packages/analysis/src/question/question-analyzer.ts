/**
 * The `question` analyzer: the Analyzer port wrapped around `detectQuestion`, and its evaluation
 * on the labelled sets in `packages/analysis/eval/questions`.
 */
import type { Analyzer, AnalyzerInput, AnalyzerStamp } from '@vigie/core';
import { evaluateClassifier, type Evaluation } from '../evaluate';
import { detectQuestion, type QuestionKind } from './detect-question';
import { splitLabelledSet } from './labelled-set';

export interface QuestionResult extends AnalyzerStamp {
  isQuestion: boolean;
  kind: QuestionKind;
  score: number;
  cues: string[];
}

export const QUESTION_ANALYZER_NAME = 'vigie-question';
export const QUESTION_ANALYZER_VERSION = '1';
export const QUESTION_LABELS: readonly QuestionKind[] = ['request', 'rhetorical', 'none'];

/**
 * Creates the question analyzer (key `question`). The title, when present, is read with the text.
 *
 * @example
 * createQuestionAnalyzer().analyze({ text: 'How do I reset my password', lang: 'en' })
 * // → { analyzer: 'vigie-question@1', isQuestion: true, kind: 'request', score: 0.9, cues: [...] }
 */
export function createQuestionAnalyzer(): Analyzer<QuestionResult> {
  const analyzer = `${QUESTION_ANALYZER_NAME}@${QUESTION_ANALYZER_VERSION}`;
  return {
    key: 'question',
    name: QUESTION_ANALYZER_NAME,
    version: QUESTION_ANALYZER_VERSION,
    analyze(input: AnalyzerInput): QuestionResult {
      const text = typeof input?.text === 'string' ? input.text : '';
      const title = typeof input?.title === 'string' && input.title.length > 0 ? `${input.title}\n` : '';
      return { analyzer, ...detectQuestion(title + text, input?.lang) };
    },
  };
}

export interface SetEvaluation {
  all: Evaluation;
  dev: Evaluation;
  heldOut: Evaluation;
}

/**
 * Evaluates question detection on one labelled file's content (`label<TAB>text`).
 *
 * @example
 * const { heldOut } = evaluateQuestions(readFileSync('eval/questions/fr.tsv', 'utf8'), 'fr');
 * heldOut.macroF1; // e.g. 0.8
 */
export function evaluateQuestions(content: string, lang?: string): SetEvaluation {
  const { dev, heldOut } = splitLabelledSet(content, QUESTION_LABELS);
  const predict = (text: string): string => detectQuestion(text, lang).kind;
  return {
    all: evaluateClassifier([...dev, ...heldOut], predict, QUESTION_LABELS),
    dev: evaluateClassifier(dev, predict, QUESTION_LABELS),
    heldOut: evaluateClassifier(heldOut, predict, QUESTION_LABELS),
  };
}
