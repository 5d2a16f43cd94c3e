/**
 * What the CLI's `vigie analyze` and `vigie eval` need from @vigie/analysis, exposed by the server
 * package so the CLI keeps to the dependency direction (cli → server, never cli → analysis).
 */
import type { MentionAnalysis } from '@vigie/core';
import {
  AGGRESSIVENESS_LABELS,
  createAggressiveAnalyzer,
  createAnalysisPipeline,
  createQuestionAnalyzer,
  createSentimentAnalyzer,
  evaluateClassifier,
  formatEvaluation,
  parseLabelledTsv,
  parseXlmtSplit,
  QUESTION_LABELS,
  SENTIMENT_LABELS,
  splitLabelledSet,
  type AggressiveResult,
  type QuestionResult,
} from '@vigie/analysis';

export { createAnalysisPipeline, evaluateClassifier, formatEvaluation, parseLabelledTsv, splitLabelledSet };

interface Task {
  labels: readonly string[];
  /** Reads a labelled file; defaults to plain `label<TAB>text`. */
  parse?: (content: string) => { label: string; text: string }[];
  /** A predictor for one language (or detected per text when undefined). */
  createPredictor(lang?: string): (text: string) => string;
}

/** The labelled tasks `vigie eval <task> <file.tsv>` knows. */
export const analysisTasks: Record<'sentiment' | 'questions' | 'aggressiveness', Task> = {
  sentiment: {
    labels: SENTIMENT_LABELS,
    // The XLM-T tweets escape quotes and apostrophes; their own reader decodes them.
    parse: parseXlmtSplit,
    createPredictor(lang) {
      const analyzer = createSentimentAnalyzer();
      return (text) => analyzer.analyze({ text, lang }).label;
    },
  },
  questions: {
    labels: QUESTION_LABELS,
    createPredictor(lang) {
      const analyzer = createQuestionAnalyzer();
      return (text) => analyzer.analyze({ text, lang }).kind;
    },
  },
  aggressiveness: {
    labels: AGGRESSIVENESS_LABELS,
    createPredictor(lang) {
      const analyzer = createAggressiveAnalyzer();
      return (text) => analyzer.analyze({ text, lang }).label;
    },
  },
};

/** The headline fields of `vigie analyze`'s output line; the full analysis follows them. */
export function summarizeAnalysis(analysis: MentionAnalysis) {
  const question = analysis.question as QuestionResult | undefined;
  const aggressive = analysis.aggressive as AggressiveResult | undefined;
  return {
    lang: analysis.lang?.value ?? 'unknown',
    sentiment: analysis.sentiment ? { label: analysis.sentiment.label, score: analysis.sentiment.score } : { label: 'neutral' as const, score: 0 },
    question: question?.isQuestion ?? false,
    aggressive: aggressive ? { label: aggressive.label, score: aggressive.score, reasons: aggressive.reasons } : { label: 'none' as const, score: 0, reasons: [] },
  };
}
