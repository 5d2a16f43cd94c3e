/**
 * `vigie eval sentiment <file.tsv>`: scores the sentiment analyzer on a labelled file
 * (`label<TAB>text`, labels negative|neutral|positive). XLM-T style escapes (`\u2019`, CSV quotes)
 * are undone, so the shared data files can be given as they are.
 */
import type { Analyzer } from '@vigie/core';
import { evaluateClassifier, type Evaluation } from '../evaluate';
import { parseXlmtSplit } from './parse-xlmt-split';
import { createSentimentAnalyzer, type SentimentAnalysis } from './sentiment-analyzer';
import { SENTIMENT_LABELS } from './sentiment-labels';

export interface SentimentEvaluationOptions {
  /** Language of every line (`fr`, `en`); without it each line's language is detected. */
  lang?: string;
  /** The analyzer to score; defaults to one with the committed models. */
  analyzer?: Analyzer<SentimentAnalysis>;
}

/**
 * Throws `validation_failed` listing every bad line (line number, reason) before scoring anything.
 * @example
 * const result = evaluateSentimentTsv(readFileSync('xlmt-fr-val.tsv', 'utf8'), { lang: 'fr' });
 * console.log(formatEvaluation(result, 'fr'));
 */
export function evaluateSentimentTsv(content: string, options: SentimentEvaluationOptions = {}): Evaluation {
  const examples = parseXlmtSplit(content);
  const analyzer = options.analyzer ?? createSentimentAnalyzer();
  return evaluateClassifier(examples, (text) => analyzer.analyze({ text, lang: options.lang }).label, SENTIMENT_LABELS);
}
