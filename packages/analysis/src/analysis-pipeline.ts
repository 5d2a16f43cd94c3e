/**
 * The analysis pipeline: every analyzer over one mention, in order, language first so that the
 * others know it. Input is made safe first (control characters and broken surrogates removed,
 * long text capped, and the cap recorded on the result), and an analyzer that fails leaves an
 * error stamp instead of throwing: enrichment must never stop ingestion.
 */
import type { Analyzer, AnalyzerInput, AnalyzerStamp, MentionAnalysis } from '@vigie/core';
import { createLanguageAnalyzer } from './language/language-analyzer';
import { createAggressiveAnalyzer } from './aggressiveness';
import { createQuestionAnalyzer } from './question';
import { createReachAnalyzer } from './reach';
import { createSentimentAnalyzer, type SentimentAnalyzerOptions } from './sentiment/sentiment-analyzer';

/** Characters of text (and of title) analysed; the rest of a longer post is ignored. */
export const MAX_ANALYZED_CHARS = 10_000;
export const PIPELINE_NAME = 'vigie-analysis';
export const PIPELINE_VERSION = '1';
const STAMP = `${PIPELINE_NAME}@${PIPELINE_VERSION}`;

/** Stored under `analysis.capped` when the text or title was cut before analysis. */
export interface CapRecord extends AnalyzerStamp {
  /** Length of the original text, in UTF-16 code units (JavaScript string length). */
  originalChars: number;
  analyzedChars: number;
  originalTitleChars?: number;
}

/** Stored under an analyzer's key when it threw: a bug to fix, never a reason to lose the mention. */
export interface AnalyzerFailure extends AnalyzerStamp {
  error: string;
}

export interface AnalysisPipeline {
  /**
   * Runs every analyzer; never throws.
   * @example
   * pipeline.analyze({ text: "C'est pas terrible 😞" });
   * // { lang: { value: 'fr', … }, sentiment: { label: 'negative', … }, question: { … }, … }
   */
  analyze(input: AnalyzerInput): MentionAnalysis;
  /** The analyzers in the order they run, so callers can list their name@version. */
  analyzers: Analyzer[];
}

export interface AnalysisPipelineOptions {
  sentiment?: SentimentAnalyzerOptions;
  /** Analyzers run after language and sentiment; defaults to every other analyzer of this package. */
  extraAnalyzers?: Analyzer[];
}

// Control characters other than tab and newlines, the replacement character of a bad decode, and
// lone surrogates (binary garbage, or a cut through the middle of an emoji).
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]+|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** @example sanitizeText('a\u0000b', 10); // { text: 'a b', capped: false, originalChars: 3 } */
export function sanitizeText(raw: unknown, max: number): { text: string; capped: boolean; originalChars: number } {
  const value = typeof raw === 'string' ? raw : '';
  const capped = value.length > max;
  const cut = capped ? value.slice(0, max) : value;
  return { text: cut.replace(CONTROL, ' '), capped, originalChars: value.length };
}

function runSafely(analyzer: Analyzer, input: AnalyzerInput): AnalyzerStamp {
  try {
    return analyzer.analyze(input);
  } catch (error) {
    const failure: AnalyzerFailure = {
      analyzer: `${analyzer.name}@${analyzer.version}`,
      error: error instanceof Error ? error.message : String(error),
    };
    return failure;
  }
}

/**
 * @example
 * const pipeline = createAnalysisPipeline();
 * pipeline.analyze({ text: 'Thanks, not bad at all!' }).sentiment?.label; // 'positive'
 */
export function createAnalysisPipeline(options: AnalysisPipelineOptions = {}): AnalysisPipeline {
  const language = createLanguageAnalyzer();
  const sentiment = createSentimentAnalyzer(options.sentiment);
  const rest = options.extraAnalyzers ?? [createQuestionAnalyzer(), createAggressiveAnalyzer(), createReachAnalyzer()];
  const analyzers: Analyzer[] = [language, sentiment, ...rest];

  return {
    analyzers,
    analyze(raw: AnalyzerInput): MentionAnalysis {
      const text = sanitizeText(raw?.text, MAX_ANALYZED_CHARS);
      const title = raw?.title === undefined ? undefined : sanitizeText(raw.title, MAX_ANALYZED_CHARS);
      const input: AnalyzerInput = { ...raw, text: text.text, title: title?.text };
      const analysis: MentionAnalysis = {};
      if (text.capped || title?.capped) {
        const cap: CapRecord = { analyzer: STAMP, originalChars: text.originalChars, analyzedChars: text.text.length };
        if (title?.capped) cap.originalTitleChars = title.originalChars;
        analysis.capped = cap;
      }
      const lang = runSafely(language, input);
      analysis.lang = lang as MentionAnalysis['lang'];
      const detected = 'value' in lang && typeof lang.value === 'string' && lang.value !== 'unknown' ? lang.value : undefined;
      const enriched: AnalyzerInput = { ...input, lang: detected ?? input.lang };
      for (const analyzer of [sentiment, ...rest]) analysis[analyzer.key] = runSafely(analyzer, enriched);
      return analysis;
    },
  };
}
