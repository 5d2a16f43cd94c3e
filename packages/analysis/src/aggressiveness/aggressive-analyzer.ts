/**
 * The `aggressive` analyzer: the Analyzer port wrapped around `detectAggressiveness`, and its
 * evaluation on the labelled sets in `packages/analysis/eval/aggressiveness`.
 */
import type { Analyzer, AnalyzerInput, AnalyzerStamp } from '@vigie/core';
import { evaluateClassifier } from '../evaluate';
import { splitLabelledSet, type SetEvaluation } from '../question';
import { detectAggressiveness, type AggressivenessLabel, type AggressivenessReason } from './detect-aggressiveness';

export interface AggressiveResult extends AnalyzerStamp {
  label: AggressivenessLabel;
  /** 0..1. */
  score: number;
  reasons: AggressivenessReason[];
}

export const AGGRESSIVE_ANALYZER_NAME = 'vigie-aggressive';
export const AGGRESSIVE_ANALYZER_VERSION = '1';
export const AGGRESSIVENESS_LABELS: readonly AggressivenessLabel[] = ['none', 'mild', 'aggressive', 'toxic'];

/**
 * Creates the aggressiveness analyzer (key `aggressive`).
 *
 * @example
 * createAggressiveAnalyzer().analyze({ text: "Je vais te retrouver", lang: 'fr' }).label // → 'none'
 * createAggressiveAnalyzer().analyze({ text: 'You are a moron', lang: 'en' }).label // → 'aggressive'
 */
export function createAggressiveAnalyzer(): Analyzer<AggressiveResult> {
  const analyzer = `${AGGRESSIVE_ANALYZER_NAME}@${AGGRESSIVE_ANALYZER_VERSION}`;
  return {
    key: 'aggressive',
    name: AGGRESSIVE_ANALYZER_NAME,
    version: AGGRESSIVE_ANALYZER_VERSION,
    analyze(input: AnalyzerInput): AggressiveResult {
      const text = typeof input?.text === 'string' ? input.text : '';
      const title = typeof input?.title === 'string' && input.title.length > 0 ? `${input.title}\n` : '';
      return { analyzer, ...detectAggressiveness(title + text, input?.lang) };
    },
  };
}

/** Collapses the four labels to "hostile or not" (aggressive and toxic are hostile). */
export function toHostile(label: string): 'hostile' | 'ok' {
  return label === 'aggressive' || label === 'toxic' ? 'hostile' : 'ok';
}

/**
 * Evaluates aggressiveness on one labelled file's content (`label<TAB>text`): the four labels,
 * and the binary hostile/ok view that moderation uses.
 *
 * @example
 * const { heldOut, binary } = evaluateAggressiveness(readFileSync('eval/aggressiveness/en.tsv', 'utf8'), 'en');
 */
export function evaluateAggressiveness(content: string, lang?: string): SetEvaluation & { binary: SetEvaluation } {
  const { dev, heldOut } = splitLabelledSet(content, AGGRESSIVENESS_LABELS);
  const predict = (text: string): string => detectAggressiveness(text, lang).label;
  const hostile = (text: string): string => toHostile(predict(text));
  const binarise = (examples: typeof dev) => examples.map((e) => ({ ...e, label: toHostile(e.label) }));
  return {
    all: evaluateClassifier([...dev, ...heldOut], predict, AGGRESSIVENESS_LABELS),
    dev: evaluateClassifier(dev, predict, AGGRESSIVENESS_LABELS),
    heldOut: evaluateClassifier(heldOut, predict, AGGRESSIVENESS_LABELS),
    binary: {
      all: evaluateClassifier(binarise([...dev, ...heldOut]), hostile, ['hostile', 'ok']),
      dev: evaluateClassifier(binarise(dev), hostile, ['hostile', 'ok']),
      heldOut: evaluateClassifier(binarise(heldOut), hostile, ['hostile', 'ok']),
    },
  };
}
